package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_BYTES;
import static org.pymemlab.frontend.interp.Interp.K_INT;
import static org.pymemlab.frontend.interp.Interp.K_TUPLE;

import java.util.Arrays;
import org.pymemlab.frontend.interp.Interp.PyClass;
import org.pymemlab.runtime.Mutator;

/**
 * Methods of bytes beyond decode and hex (Objects/bytesobject.c, Objects/bytes_methods.c, stringlib), with
 * CPython's identities: an exact bytes that a method leaves unchanged is returned itself, results of length
 * 0 and 1 come from the caches as {@code PyBytes_FromStringAndSize} gives them, and {@code upper}/{@code lower}
 * fill a buffer of their own (a fresh object even for one byte). Arguments borrowed; 0 for an unknown name.
 */
final class BytesMethods {

    private BytesMethods() {
    }

    static long call(Interp in, long self, PyClass c, String name, long[] a, int n) {
        Mutator m = in.m;
        byte[] s = m.bytesValue(self);
        switch (name) {
            case "find", "rfind", "index", "rindex", "count": {
                byte[] sub = needle(in, a[0]);
                boolean right = name.startsWith("r");
                if (name.equals("count")) {
                    int count = 0;
                    for (int i = indexOf(s, sub, 0); i >= 0; i = indexOf(s, sub, i + Math.max(1, sub.length))) {
                        count++;
                        if (sub.length == 0 && i >= s.length) {
                            break;
                        }
                    }
                    return in.newInt(count);
                }
                int i = right ? lastIndexOf(s, sub) : indexOf(s, sub, 0);
                if (i < 0 && name.endsWith("index")) {
                    throw in.error("ValueError", "subsection not found");
                }
                return in.newInt(i);
            }
            case "startswith", "endswith": {
                boolean start = name.equals("startswith");
                if (in.kind(a[0]) == K_TUPLE) {
                    for (int i = 0; i < m.len(a[0]); i++) {
                        if (affixed(s, affix(in, name, m.tupleGet(a[0], i)), start)) {
                            return in.bool(true);
                        }
                    }
                    return in.bool(false);
                }
                return in.bool(affixed(s, affix(in, name, a[0]), start));
            }
            case "replace": {
                byte[] from = bytesArg(in, a[0]);
                byte[] to = bytesArg(in, a[1]);
                long max = n > 2 ? m.intValue(a[2]) : -1;
                byte[] r = replace(s, from, to, max);
                return r == null ? unchanged(in, self, c, s) : m.newBytes(r);
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
                return i == 0 && j == s.length ? unchanged(in, self, c, s) : m.newBytes(Arrays.copyOfRange(s, i, j));
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
                    parts[1] = m.newBytes(new byte[0]);
                    parts[right ? 0 : 2] = m.newBytes(new byte[0]);
                } else {
                    parts[0] = m.newBytes(Arrays.copyOfRange(s, 0, i));
                    parts[1] = in.kind(a[0]) == K_BYTES ? in.incref(a[0]) : m.newBytes(sep);
                    parts[2] = m.newBytes(Arrays.copyOfRange(s, i + sep.length, s.length));
                }
                long t = m.newTuple(parts);
                in.release(parts);
                return t;
            }
            case "removeprefix", "removesuffix": {
                byte[] affix = bytesArg(in, a[0]);
                boolean prefix = name.equals("removeprefix");
                if (affix.length == 0 || !affixed(s, affix, prefix)) {
                    return unchanged(in, self, c, s);
                }
                return m.newBytes(prefix ? Arrays.copyOfRange(s, affix.length, s.length)
                        : Arrays.copyOfRange(s, 0, s.length - affix.length));
            }
            case "join": {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                int i = 0;
                for (long x : in.toList(a[0])) {
                    try {
                        if (in.kind(x) != K_BYTES) {
                            throw in.typeError("sequence item " + i + ": expected a bytes-like object, "
                                    + in.classOf(x).name + " found");
                        }
                        if (i > 0) {
                            out.writeBytes(s);
                        }
                        out.writeBytes(m.bytesValue(x));
                    } finally {
                        m.decref(x);
                    }
                    i++;
                }
                return m.newBytes(out.toByteArray());
            }
            case "upper", "lower": {
                byte[] r = s.clone();
                boolean upper = name.equals("upper");
                for (int i = 0; i < r.length; i++) {
                    if (upper ? isLower(r[i]) : isUpper(r[i])) {
                        r[i] = (byte) (r[i] ^ 0x20);
                    }
                }
                return r.length == 0 ? m.newBytes(r) : in.os.newFreshBytes(r);
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

    /** return_self: an exact bytes is itself; a subclass's instance gives a plain bytes of its contents. */
    private static long unchanged(Interp in, long self, PyClass c, byte[] s) {
        return c.builtinSubclass ? in.m.newBytes(s) : in.incref(self);
    }

    /** A bytes argument, or CPython's TypeError for anything else. */
    private static byte[] bytesArg(Interp in, long v) {
        if (in.kind(v) != K_BYTES) {
            throw in.typeError("a bytes-like object is required, not '" + in.classOf(v).name + "'");
        }
        return in.m.bytesValue(v);
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
        if (in.kind(v) != K_BYTES) {
            throw in.typeError("argument should be integer or bytes-like object, not '" + in.classOf(v).name + "'");
        }
        return in.m.bytesValue(v);
    }

    private static byte[] affix(Interp in, String method, long v) {
        if (in.kind(v) != K_BYTES) {
            throw in.typeError(method + " first arg must be bytes or a tuple of bytes, not " + in.classOf(v).name);
        }
        return in.m.bytesValue(v);
    }

    private static boolean affixed(byte[] s, byte[] affix, boolean start) {
        if (affix.length > s.length) {
            return false;
        }
        int at = start ? 0 : s.length - affix.length;
        return Arrays.equals(s, at, at + affix.length, affix, 0, affix.length);
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
        for (int i = s.length - sub.length; i >= 0; i--) {
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
