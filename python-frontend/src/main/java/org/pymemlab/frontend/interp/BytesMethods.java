package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_BYTEARRAY;
import static org.pymemlab.frontend.interp.Interp.K_BYTES;
import static org.pymemlab.frontend.interp.Interp.K_INT;
import static org.pymemlab.frontend.interp.Interp.K_TUPLE;

import java.util.Arrays;
import org.pymemlab.frontend.interp.Interp.PyClass;
import org.pymemlab.runtime.Mutator;

/**
 * Methods of bytes and bytearray beyond decode and hex (Objects/bytesobject.c, Objects/bytearrayobject.c,
 * Objects/bytes_methods.c, stringlib), with CPython's identities: an exact bytes that a method leaves unchanged
 * is returned itself, results of length 0 and 1 come from the caches as {@code PyBytes_FromStringAndSize} gives
 * them, and {@code upper}/{@code lower} fill a buffer of their own (a fresh object even for one byte). A
 * bytearray's methods always make a new bytearray ({@code STRINGLIB_MUTABLE}). Arguments may be bytes or
 * bytearray (the buffer protocol); borrowed; 0 for an unknown name.
 */
final class BytesMethods {

    private BytesMethods() {
    }

    static long call(Interp in, long self, PyClass c, String name, long[] a, String[] kw) {
        Mutator m = in.m;
        boolean mutable = c.kind == K_BYTEARRAY;
        byte[] s = mutable ? in.os.byteArrayValue(self) : m.bytesValue(self);
        int n = Builtins.npos(a, kw);
        switch (name) {
            case "split", "rsplit": {
                long sepArg = Methods.arg(a, kw, 0, "sep");
                long maxArg = Methods.arg(a, kw, 1, "maxsplit");
                int max = maxArg == 0 ? -1 : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, Methods.intArg(in, maxArg)));
                byte[] sep = sepArg == 0 || sepArg == in.none ? null : bytesArg(in, sepArg);
                if (sep != null && sep.length == 0) {
                    throw in.error("ValueError", "empty separator");
                }
                java.util.List<int[]> parts = split(s, sep, max, name.equals("rsplit"));
                long[] items = new long[parts.size()];
                for (int i = 0; i < items.length; i++) {
                    int[] p = parts.get(i);
                    // nothing split off: the list holds the exact bytes itself
                    items[i] = p[0] == 0 && p[1] == s.length ? unchanged(in, self, c, s)
                            : made(in, mutable, Arrays.copyOfRange(s, p[0], p[1]));
                }
                long list = m.newList(items);
                in.release(items);
                return list;
            }
            case "splitlines": {
                long keepArg = Methods.arg(a, kw, 0, "keepends");
                boolean keep = keepArg != 0 && in.truthy(keepArg);
                java.util.List<Long> lines = new java.util.ArrayList<>();
                int i = 0;
                while (i < s.length) {
                    int j = i;
                    while (j < s.length && s[j] != '\n' && s[j] != '\r') {
                        j++;
                    }
                    int eol = j;
                    if (j < s.length) {
                        j += s[j] == '\r' && j + 1 < s.length && s[j + 1] == '\n' ? 2 : 1;
                        if (keep) {
                            eol = j;
                        }
                    }
                    lines.add(i == 0 && eol == s.length ? unchanged(in, self, c, s) : made(in, mutable, Arrays.copyOfRange(s, i, eol)));
                    i = j;
                }
                long[] items = Interp.toArray(lines);
                long list = m.newList(items);
                in.release(items);
                return list;
            }
            case "center", "ljust", "rjust": {
                long width = Methods.intArg(in, a[0]);
                byte fill = ' ';
                if (n > 1) {
                    byte[] f = ByteArrays.buffer(in, a[1]);
                    if (f == null || f.length != 1) {
                        throw in.typeError(name + "() argument 2 must be a byte string of length 1, not "
                                + in.classOf(a[1]).name);
                    }
                    fill = f[0];
                }
                if (width <= s.length) {
                    return unchanged(in, self, c, s);
                }
                int marg = (int) width - s.length;
                // stringlib's pad: center puts the odd byte on the left when the width is odd
                int left = switch (name) {
                    case "ljust" -> 0;
                    case "rjust" -> marg;
                    default -> marg / 2 + (marg & (int) width & 1);
                };
                byte[] r = new byte[(int) width];
                Arrays.fill(r, fill);
                System.arraycopy(s, 0, r, left, s.length);
                return fresh(in, mutable, r);
            }
            case "zfill": {
                long width = Methods.intArg(in, a[0]);
                if (width <= s.length) {
                    return unchanged(in, self, c, s);
                }
                byte[] r = new byte[(int) width];
                int fill = (int) width - s.length;
                Arrays.fill(r, 0, fill, (byte) '0');
                System.arraycopy(s, 0, r, fill, s.length);
                if (s.length > 0 && (s[0] == '+' || s[0] == '-')) {
                    r[0] = s[0];
                    r[fill] = '0';
                }
                return fresh(in, mutable, r);
            }
            case "expandtabs": {
                long sizeArg = Methods.arg(a, kw, 0, "tabsize");
                int tabsize = sizeArg == 0 ? 8 : (int) Methods.intArg(in, sizeArg);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                int column = 0;
                for (byte b : s) {
                    if (b == '\t') {
                        if (tabsize > 0) {
                            int spaces = tabsize - column % tabsize;
                            column += spaces;
                            for (int k = 0; k < spaces; k++) {
                                out.write(' ');
                            }
                        }
                    } else {
                        out.write(b);
                        column = b == '\n' || b == '\r' ? 0 : column + 1;
                    }
                }
                return fresh(in, mutable, out.toByteArray());
            }
            case "title", "capitalize", "swapcase": {
                byte[] r = s.clone();
                boolean previousCased = false;
                for (int i = 0; i < r.length; i++) {
                    byte b = r[i];
                    boolean upper = switch (name) {
                        case "title" -> !previousCased;
                        case "capitalize" -> i == 0;
                        default -> isLower(b);
                    };
                    if (upper ? isLower(b) : isUpper(b)) {
                        r[i] = (byte) (b ^ 0x20);
                    }
                    previousCased = isLower(b) || isUpper(b);
                }
                return fresh(in, mutable, r);
            }
            case "istitle": {
                boolean cased = false;
                boolean previousCased = false;
                for (byte b : s) {
                    if (isUpper(b)) {
                        if (previousCased) {
                            return in.bool(false);
                        }
                        previousCased = cased = true;
                    } else if (isLower(b)) {
                        if (!previousCased) {
                            return in.bool(false);
                        }
                        previousCased = cased = true;
                    } else {
                        previousCased = false;
                    }
                }
                return in.bool(cased);
            }
            case "translate": {
                long tableArg = Methods.arg(a, kw, 0, "table");
                long deleteArg = Methods.arg(a, kw, 1, "delete");
                byte[] table = tableArg == in.none ? null : bytesArg(in, tableArg);
                if (table != null && table.length != 256) {
                    throw in.error("ValueError", "translation table must be 256 characters long");
                }
                byte[] delete = deleteArg == 0 ? new byte[0] : bytesArg(in, deleteArg);
                boolean[] deleted = new boolean[256];
                for (byte b : delete) {
                    deleted[b & 0xff] = true;
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                boolean changed = false;
                for (byte b : s) {
                    if (deleted[b & 0xff]) {
                        changed = true;
                        continue;
                    }
                    byte t = table == null ? b : table[b & 0xff];
                    changed |= t != b;
                    out.write(t);
                }
                // no byte changed: an exact bytes is itself, as bytes_translate_impl returns it
                return !changed && !c.builtinSubclass && !mutable ? in.incref(self) : fresh(in, mutable, out.toByteArray());
            }
            case "maketrans":
                return maketrans(in, a);
            case "fromhex":
                return fromhex(in, a[0]);
            case "find", "rfind", "index", "rindex", "count": {
                byte[] sub = needle(in, a[0]);
                boolean right = name.startsWith("r");
                // ADJUST_INDICES: the search runs in s[start:end], the index it answers is into s
                long start = bound(in, n > 1 ? a[1] : 0, 0, s.length);
                long end = Math.min(bound(in, n > 2 ? a[2] : 0, s.length, s.length), s.length);
                if (start > s.length) {
                    return in.newInt(name.equals("count") ? 0 : notFound(in, name));
                }
                byte[] w = Arrays.copyOfRange(s, (int) start, (int) Math.max(start, end));
                if (name.equals("count")) {
                    int count = 0;
                    for (int i = indexOf(w, sub, 0); i >= 0; i = indexOf(w, sub, i + Math.max(1, sub.length))) {
                        count++;
                        if (sub.length == 0 && i >= w.length) {
                            break;
                        }
                    }
                    return in.newInt(count);
                }
                int i = right ? lastIndexOf(w, sub) : indexOf(w, sub, 0);
                return in.newInt(i < 0 ? notFound(in, name) : (int) start + i);
            }
            case "startswith", "endswith": {
                boolean atStart = name.equals("startswith");
                long[] text = unsigned(s);
                long from = n > 1 && a[1] != in.none ? m.intValue(a[1]) : 0;
                long to = n > 2 && a[2] != in.none ? m.intValue(a[2]) : Long.MAX_VALUE;
                if (in.kind(a[0]) == K_TUPLE) {
                    for (int i = 0; i < m.len(a[0]); i++) {
                        if (Methods.tailmatch(text, unsigned(affix(in, name, m.tupleGet(a[0], i))), from, to, atStart)) {
                            return in.bool(true);
                        }
                    }
                    return in.bool(false);
                }
                return in.bool(Methods.tailmatch(text, unsigned(affix(in, name, a[0])), from, to, atStart));
            }
            case "replace": {
                byte[] from = bytesArg(in, a[0]);
                byte[] to = bytesArg(in, a[1]);
                long max = n > 2 ? m.intValue(a[2]) : -1;
                byte[] r = replace(s, from, to, max);
                return r == null ? unchanged(in, self, c, s) : made(in, mutable, r);
            }
            case "strip", "lstrip", "rstrip": {
                byte[] chars = n > 0 && a[0] != in.none ? bytesArg(in, a[0]) : null;
                int i = 0;
                int j = s.length;
                if (!name.equals("rstrip")) {
                    while (i < j && strips(s[i], chars)) {
                        i++;
                    }
                }
                if (!name.equals("lstrip")) {
                    while (j > i && strips(s[j - 1], chars)) {
                        j--;
                    }
                }
                return i == 0 && j == s.length ? unchanged(in, self, c, s) : made(in, mutable, Arrays.copyOfRange(s, i, j));
            }
            case "partition", "rpartition": {
                byte[] sep = bytesArg(in, a[0]);
                if (sep.length == 0) {
                    throw in.error("ValueError", "empty separator");
                }
                boolean right = name.equals("rpartition");
                int i = right ? lastIndexOf(s, sep) : indexOf(s, sep, 0);
                long[] parts = new long[3];
                if (i < 0) {
                    // not found: the bytes itself (exact) and two empty bytes
                    parts[right ? 2 : 0] = unchanged(in, self, c, s);
                    parts[1] = made(in, mutable, new byte[0]);
                    parts[right ? 0 : 2] = made(in, mutable, new byte[0]);
                } else {
                    parts[0] = made(in, mutable, Arrays.copyOfRange(s, 0, i));
                    parts[1] = in.kind(a[0]) == K_BYTES && !mutable ? in.incref(a[0]) : made(in, mutable, sep);
                    parts[2] = made(in, mutable, Arrays.copyOfRange(s, i + sep.length, s.length));
                }
                long t = m.newTuple(parts);
                in.release(parts);
                return t;
            }
            case "removeprefix", "removesuffix": {
                byte[] affix = bytesArg(in, a[0]);
                boolean prefix = name.equals("removeprefix");
                if (affix.length == 0 || !Methods.tailmatch(unsigned(s), unsigned(affix), 0, Long.MAX_VALUE, prefix)) {
                    return unchanged(in, self, c, s);
                }
                return made(in, mutable, prefix ? Arrays.copyOfRange(s, affix.length, s.length)
                        : Arrays.copyOfRange(s, 0, s.length - affix.length));
            }
            case "join": {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                int i = 0;
                for (long x : in.toList(a[0])) {
                    try {
                        byte[] item = ByteArrays.buffer(in, x);
                        if (item == null) {
                            throw in.typeError("sequence item " + i + ": expected a bytes-like object, "
                                    + in.classOf(x).name + " found");
                        }
                        if (i > 0) {
                            out.writeBytes(s);
                        }
                        out.writeBytes(item);
                    } finally {
                        m.decref(x);
                    }
                    i++;
                }
                return made(in, mutable, out.toByteArray());
            }
            case "upper", "lower": {
                byte[] r = s.clone();
                boolean upper = name.equals("upper");
                for (int i = 0; i < r.length; i++) {
                    if (upper ? isLower(r[i]) : isUpper(r[i])) {
                        r[i] = (byte) (r[i] ^ 0x20);
                    }
                }
                return fresh(in, mutable, r);
            }
            case "isdigit":
                return in.bool(all(s, b -> b >= '0' && b <= '9'));
            case "isalpha":
                return in.bool(all(s, b -> isLower(b) || isUpper(b)));
            case "isalnum":
                return in.bool(all(s, b -> isLower(b) || isUpper(b) || b >= '0' && b <= '9'));
            case "isspace":
                return in.bool(all(s, BytesMethods::isSpace));
            case "isascii": {
                for (byte b : s) {
                    if (b < 0) {
                        return in.bool(false);
                    }
                }
                return in.bool(true);
            }
            case "islower", "isupper": {
                boolean cased = false;
                for (byte b : s) {
                    if (name.equals("islower") ? isUpper(b) : isLower(b)) {
                        return in.bool(false);
                    }
                    cased |= isLower(b) || isUpper(b);
                }
                return in.bool(cased);
            }
            default:
                return 0;
        }
    }

    /** bytes.maketrans(frm, to): the 256-byte table mapping each byte of frm to the byte of to at its place. */
    static long maketrans(Interp in, long[] a) {
        byte[] from = bytesArg(in, a[0]);
        byte[] to = bytesArg(in, a[1]);
        if (from.length != to.length) {
            throw in.error("ValueError", "maketrans arguments must have same length");
        }
        byte[] table = new byte[256];
        for (int i = 0; i < 256; i++) {
            table[i] = (byte) i;
        }
        for (int i = 0; i < from.length; i++) {
            table[from[i] & 0xff] = to[i];
        }
        return in.m.newBytes(table);
    }

    /** bytes.fromhex(string): pairs of hex digits, whitespace allowed between pairs. */
    static long fromhex(Interp in, long arg) {
        return in.m.newBytes(fromhexValue(in, arg));
    }

    /** The bytes that fromhex decodes from a str argument. */
    static byte[] fromhexValue(Interp in, long arg) {
        if (in.kind(arg) != Interp.K_STR) {
            throw in.typeError("fromhex() argument must be str, not " + in.classOf(arg).name);
        }
        String text = in.m.strValue(arg);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == ' ' || ch >= '\t' && ch <= '\r') {
                i++;
                continue;
            }
            int high = Character.digit(ch, 16);
            if (high < 0 || ch > 0x7f) {
                throw in.error("ValueError", "non-hexadecimal number found in fromhex() arg at position " + i);
            }
            int low = i + 1 < text.length() && text.charAt(i + 1) <= 0x7f ? Character.digit(text.charAt(i + 1), 16) : -1;
            if (low < 0) {
                throw in.error("ValueError", "non-hexadecimal number found in fromhex() arg at position " + (i + 1));
            }
            out.write(high << 4 | low);
            i += 2;
        }
        return out.toByteArray();
    }

    /** Splits on runs of whitespace (sep null) or on sep, at most max times (−1 no limit), from the right for rsplit. */
    private static java.util.List<int[]> split(byte[] s, byte[] sep, int max, boolean right) {
        java.util.List<int[]> parts = new java.util.ArrayList<>();
        if (sep == null) {
            int i = right ? s.length : 0;
            while (true) {
                if (right) {
                    while (i > 0 && isSpace(s[i - 1])) {
                        i--;
                    }
                    if (i == 0) {
                        break;
                    }
                    if (max >= 0 && parts.size() == max) {
                        parts.add(new int[] {0, i}); // the rest, its leading whitespace kept
                        break;
                    }
                    int j = i;
                    while (j > 0 && !isSpace(s[j - 1])) {
                        j--;
                    }
                    parts.add(new int[] {j, i});
                    i = j;
                } else {
                    while (i < s.length && isSpace(s[i])) {
                        i++;
                    }
                    if (i == s.length) {
                        break;
                    }
                    if (max >= 0 && parts.size() == max) {
                        parts.add(new int[] {i, s.length}); // the rest, its trailing whitespace kept
                        break;
                    }
                    int j = i;
                    while (j < s.length && !isSpace(s[j])) {
                        j++;
                    }
                    parts.add(new int[] {i, j});
                    i = j;
                }
            }
        } else if (right) {
            int end = s.length;
            while (max < 0 || parts.size() < max) {
                int j = lastIndexOf(s, sep, end);
                if (j < 0) {
                    break;
                }
                parts.add(new int[] {j + sep.length, end});
                end = j;
            }
            parts.add(new int[] {0, end});
        } else {
            int from = 0;
            while (max < 0 || parts.size() < max) {
                int j = indexOf(s, sep, from);
                if (j < 0) {
                    break;
                }
                parts.add(new int[] {from, j});
                from = j + sep.length;
            }
            parts.add(new int[] {from, s.length});
        }
        if (right) {
            java.util.Collections.reverse(parts);
        }
        return parts;
    }

    /** A result written into a buffer of its own (PyBytes_FromStringAndSize(NULL, n)): fresh unless empty. */
    private static long fresh(Interp in, boolean mutable, byte[] r) {
        return mutable ? in.os.newByteArray(r) : r.length == 0 ? in.m.newBytes(r) : in.os.newFreshBytes(r);
    }

    /** return_self: an exact bytes is itself; a subclass's instance gives a plain bytes of its contents. */
    private static long unchanged(Interp in, long self, PyClass c, byte[] s) {
        if (c.kind == K_BYTEARRAY) {
            return in.os.newByteArray(s);
        }
        return c.builtinSubclass ? in.m.newBytes(s) : in.incref(self);
    }

    /** An optional start or end argument (absent or None: dflt), a negative one counted from the end. */
    private static long bound(Interp in, long arg, long dflt, long length) {
        if (arg == 0 || arg == in.none) {
            return dflt;
        }
        long v = Methods.intArg(in, arg);
        return v < 0 ? Math.max(0, v + length) : v;
    }

    /** find's −1, or index's ValueError. */
    private static int notFound(Interp in, String name) {
        if (name.endsWith("index")) {
            throw in.error("ValueError", "subsection not found");
        }
        return -1;
    }

    /** A result of the method's own type: PyBytes_FromStringAndSize or PyByteArray_FromStringAndSize. */
    private static long made(Interp in, boolean mutable, byte[] r) {
        return mutable ? in.os.newByteArray(r) : in.m.newBytes(r);
    }

    /** A bytes argument, or CPython's TypeError for anything else. */
    private static byte[] bytesArg(Interp in, long v) {
        byte[] b = ByteArrays.buffer(in, v);
        if (b == null) {
            throw in.typeError("a bytes-like object is required, not '" + in.classOf(v).name + "'");
        }
        return b;
    }

    /** find/index/count's argument: bytes, or an int naming one byte. */
    private static byte[] needle(Interp in, long v) {
        if (in.kind(v) == K_INT) {
            long b = in.os.intFitsLong(v) ? in.os.intValue(v) : -1;
            if (b < 0 || b > 255) {
                throw in.error("ValueError", "byte must be in range(0, 256)");
            }
            return new byte[] {(byte) b};
        }
        byte[] b = ByteArrays.buffer(in, v);
        if (b == null) {
            throw in.typeError("argument should be integer or bytes-like object, not '" + in.classOf(v).name + "'");
        }
        return b;
    }

    private static byte[] affix(Interp in, String method, long v) {
        byte[] b = ByteArrays.buffer(in, v);
        if (b == null) {
            throw in.typeError(method + " first arg must be bytes or a tuple of bytes, not " + in.classOf(v).name);
        }
        return b;
    }

    private static long[] unsigned(byte[] b) {
        long[] out = new long[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }

    private static int indexOf(byte[] s, byte[] sub, int from) {
        for (int i = from; i + sub.length <= s.length; i++) {
            if (Arrays.equals(s, i, i + sub.length, sub, 0, sub.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] s, byte[] sub) {
        return lastIndexOf(s, sub, s.length);
    }

    /** The last place sub occurs in s[:end]. */
    private static int lastIndexOf(byte[] s, byte[] sub, int end) {
        for (int i = end - sub.length; i >= 0; i--) {
            if (Arrays.equals(s, i, i + sub.length, sub, 0, sub.length)) {
                return i;
            }
        }
        return -1;
    }

    /** The replaced contents, or null when nothing changes (stringlib's replace returns self then). */
    private static byte[] replace(byte[] s, byte[] from, byte[] to, long max) {
        if (max == 0 || from.length == 0 && to.length == 0) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int done = 0;
        if (from.length == 0) {
            // b"ab".replace(b"", b"-") == b"-a-b-": before every byte and at the end
            for (int i = 0; i <= s.length; i++) {
                if (max >= 0 && done == max) {
                    out.write(s, i, s.length - i);
                    return out.toByteArray();
                }
                out.writeBytes(to);
                done++;
                if (i < s.length) {
                    out.write(s[i]);
                }
            }
            return out.toByteArray();
        }
        int i = 0;
        while (true) {
            int j = max >= 0 && done == max ? -1 : indexOf(s, from, i);
            if (j < 0) {
                break;
            }
            out.write(s, i, j - i);
            out.writeBytes(to);
            i = j + from.length;
            done++;
        }
        if (done == 0) {
            return null;
        }
        out.write(s, i, s.length - i);
        return out.toByteArray();
    }

    private static boolean strips(byte b, byte[] chars) {
        if (chars == null) {
            return isSpace(b);
        }
        for (byte c : chars) {
            if (c == b) {
                return true;
            }
        }
        return false;
    }

    private interface BytePredicate {
        boolean test(byte b);
    }

    /** The is* tests: false for empty bytes, else whether every byte passes. */
    private static boolean all(byte[] s, BytePredicate test) {
        if (s.length == 0) {
            return false;
        }
        for (byte b : s) {
            if (!test.test(b)) {
                return false;
            }
        }
        return true;
    }

    /** Py_ISSPACE: space, \t, \n, \v, \f, \r. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b >= '\t' && b <= '\r';
    }

    private static boolean isLower(byte b) {
        return b >= 'a' && b <= 'z';
    }

    private static boolean isUpper(byte b) {
        return b >= 'A' && b <= 'Z';
    }
}
