package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.util.ArrayList;
import java.util.List;
import org.pymemlab.frontend.ast.Ops.CmpOpKind;
import org.pymemlab.runtime.Mutator;

/** Methods of str, bytes, list, tuple, dict, set, int and float. Arguments borrowed; 0 for an unknown method. */
final class Methods {

    private Methods() {
    }

    /**
     * The attributes each built-in type answers, by kind: the methods {@link #call} implements and the data
     * attributes {@link Builtins#methodObject} reads. getattr refuses any other name with CPython's
     * AttributeError. Names CPython has that are not here are not implemented.
     */
    private static final java.util.Map<Integer, java.util.Set<String>> ATTRIBUTES = java.util.Map.of(
            K_LIST, java.util.Set.of("append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove",
                    "reverse", "sort"),
            K_TUPLE, java.util.Set.of("count", "index"),
            K_DICT, java.util.Set.of("clear", "copy", "get", "items", "keys", "pop", "popitem", "setdefault", "update",
                    "values"),
            K_SET, java.util.Set.of("add", "clear", "copy", "difference", "difference_update", "discard",
                    "intersection", "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove",
                    "symmetric_difference", "symmetric_difference_update", "union", "update"),
            K_FROZENSET, java.util.Set.of("copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset",
                    "symmetric_difference", "union"),
            K_STR, java.util.Set.of("capitalize", "center", "count", "encode", "endswith", "find", "format", "index",
                    "isalnum", "isalpha", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isspace",
                    "isupper", "join", "ljust", "lower", "lstrip", "replace", "rfind", "rjust", "rsplit", "rstrip",
                    "split", "splitlines", "startswith", "strip", "title", "upper", "zfill", "partition", "rpartition",
                    "removeprefix", "removesuffix", "rindex", "swapcase", "casefold", "isascii"),
            K_BYTES, java.util.Set.of("decode", "hex", "find", "rfind", "index", "rindex", "count", "startswith",
                    "endswith", "replace", "strip", "lstrip", "rstrip", "partition", "rpartition", "removeprefix",
                    "removesuffix", "join", "upper", "lower", "isdigit", "isalpha", "isalnum", "isspace", "islower",
                    "isupper", "isascii"),
            K_INT, java.util.Set.of("__sizeof__", "bit_length", "bit_count", "as_integer_ratio", "conjugate", "to_bytes",
                    "real", "imag", "numerator", "denominator"),
            K_BOOL, java.util.Set.of("__sizeof__", "bit_length", "bit_count", "as_integer_ratio", "conjugate", "to_bytes",
                    "real", "imag", "numerator", "denominator"),
            K_FLOAT, java.util.Set.of("hex", "is_integer", "real", "imag"));

    /** Whether a built-in value of this kind has the attribute ({@code __class__} everywhere). */
    static boolean hasAttribute(int kind, String name) {
        java.util.Set<String> names = ATTRIBUTES.get(kind);
        return name.equals("__class__") || names != null && names.contains(name);
    }

    static long call(Interp in, long self, PyClass c, String name, long[] a, String[] kw) {
        Mutator m = in.m;
        int n = Builtins.npos(a, kw);
        switch (c.kind) {
            case K_LIST:
                switch (name) {
                    case "append":
                        m.listAppend(self, a[0]);
                        return in.none;
                    case "extend":
                        in.listExtend(self, a[0]);
                        return in.none;
                    case "pop": {
                        long len = m.len(self);
                        if (len == 0) {
                            throw in.error("IndexError", "pop from empty list");
                        }
                        long i = n > 0 ? m.intValue(a[0]) : -1;
                        if (i < 0) {
                            i += len;
                        }
                        if (i < 0 || i >= len) {
                            throw in.error("IndexError", "pop index out of range");
                        }
                        return m.listPop(self, i);
                    }
                    case "insert": {
                        long len = m.len(self);
                        long i = m.intValue(a[0]);
                        if (i < 0) {
                            i = Math.max(0, i + len);
                        }
                        m.listInsert(self, Math.min(i, len), a[1]);
                        return in.none;
                    }
                    case "clear":
                        m.listClear(self);
                        return in.none;
                    case "remove": {
                        long len = m.len(self);
                        for (int i = 0; i < len; i++) {
                            if (in.eq(m.listGet(self, i), a[0])) {
                                m.decref(m.listPop(self, i));
                                return in.none;
                            }
                        }
                        throw in.error("ValueError", "list.remove(x): x not in list");
                    }
                    case "index", "count":
                        return seqIndexCount(in, self, name, a[0], true);
                    case "copy": {
                        // list_slice: exactly as many slots as items
                        long len = m.len(self);
                        long[] items = new long[(int) len];
                        for (int i = 0; i < len; i++) {
                            items[i] = m.listGet(self, i);
                        }
                        return m.newList(items);
                    }
                    case "reverse": {
                        long len = m.len(self);
                        List<Long> items = new ArrayList<>();
                        for (int i = 0; i < len; i++) {
                            items.add(in.incref(m.listGet(self, i)));
                        }
                        for (int i = 0; i < len; i++) {
                            m.listSet(self, i, items.get((int) len - 1 - i));
                        }
                        in.release(Interp.toArray(items));
                        return in.none;
                    }
                    case "sort": {
                        long key = Builtins.kwValue(a, kw, "key");
                        long rev = Builtins.kwValue(a, kw, "reverse");
                        boolean reverse = rev != 0 && in.truthy(rev);
                        long len = m.len(self);
                        List<long[]> pairs = new ArrayList<>();
                        for (int i = 0; i < len; i++) {
                            long x = in.incref(m.listGet(self, i));
                            long k = key == 0 || key == in.none ? in.incref(x) : in.call(key, new long[] {in.incref(x)}, null);
                            pairs.add(new long[] {x, k});
                        }
                        try {
                            pairs.sort((p, q) -> {
                                if (Operators.compare(in, CmpOpKind.LT, p[1], q[1])) {
                                    return reverse ? 1 : -1;
                                }
                                if (Operators.compare(in, CmpOpKind.LT, q[1], p[1])) {
                                    return reverse ? -1 : 1;
                                }
                                return 0;
                            });
                            for (int i = 0; i < len; i++) {
                                m.listSet(self, i, pairs.get(i)[0]);
                            }
                        } finally {
                            for (long[] p : pairs) {
                                m.decref(p[0]);
                                m.decref(p[1]);
                            }
                        }
                        return in.none;
                    }
                    default:
                        return 0;
                }
            case K_TUPLE:
                return switch (name) {
                    case "index", "count" -> seqIndexCount(in, self, name, a[0], false);
                    default -> 0;
                };
            case K_DICT:
                switch (name) {
                    case "get": {
                        long v = m.dictGet(self, a[0]);
                        return in.incref(v != 0 ? v : n > 1 ? a[1] : in.none);
                    }
                    case "setdefault": {
                        long v = m.dictGet(self, a[0]);
                        if (v == 0) {
                            v = n > 1 ? a[1] : in.none;
                            m.dictSet(self, a[0], v);
                        }
                        return in.incref(v);
                    }
                    case "pop": {
                        long v = m.dictGet(self, a[0]);
                        if (v == 0) {
                            if (n > 1) {
                                return in.incref(a[1]);
                            }
                            throw Operators.keyError(in, a[0]);
                        }
                        in.incref(v);
                        m.dictDel(self, a[0]);
                        return v;
                    }
                    case "popitem": {
                        long t = in.os.dictPopItem(self);
                        if (t == 0) {
                            throw in.error("KeyError", "popitem(): dictionary is empty");
                        }
                        return t;
                    }
                    case "keys", "values", "items": {
                        int what = name.equals("keys") ? 0 : name.equals("values") ? 1 : 2;
                        // a view: modelled as the iterator over the dict (enough for iteration and list())
                        return in.dictIter(self, what);
                    }
                    case "update": {
                        if (n > 0) {
                            if (in.kind(a[0]) == K_DICT) {
                                in.os.dictMerge(self, a[0]);
                            } else {
                                for (long pair : in.toList(a[0])) {
                                    List<Long> kv = in.toList(pair);
                                    m.decref(pair);
                                    m.dictSet(self, kv.get(0), kv.get(1));
                                    in.release(Interp.toArray(kv));
                                }
                            }
                        }
                        if (kw != null) {
                            for (int i = 0; i < kw.length; i++) {
                                m.dictSet(self, in.internStr(kw[i]), a[n + i]);
                            }
                        }
                        return in.none;
                    }
                    case "clear":
                        m.dictClear(self);
                        return in.none;
                    case "copy":
                        return in.os.dictCopy(self);
                    default:
                        return 0;
                }
            case K_SET, K_FROZENSET:
                if (c.kind == K_FROZENSET && !hasAttribute(K_FROZENSET, name)) {
                    return 0; // no add, discard … on a frozenset
                }
                switch (name) {
                    case "add":
                        m.setAdd(self, a[0]);
                        return in.none;
                    case "discard":
                        m.setDiscard(self, a[0]);
                        return in.none;
                    case "difference_update":
                        for (int i = 0; i < n; i++) {
                            SetOps.differenceUpdate(in, self, a[i]);
                        }
                        return in.none;
                    case "intersection_update":
                        SetOps.intersectionUpdate(in, self, java.util.Arrays.copyOf(a, n));
                        return in.none;
                    case "symmetric_difference_update":
                        SetOps.symmetricDifferenceUpdate(in, self, a[0]);
                        return in.none;
                    case "remove":
                        if (!m.setDiscard(self, a[0])) {
                            throw Operators.keyError(in, a[0]);
                        }
                        return in.none;
                    case "pop": {
                        List<Long> items = m.setItems(self);
                        if (items.isEmpty()) {
                            throw in.error("KeyError", "pop from an empty set");
                        }
                        long x = in.incref(items.get(0));
                        m.setDiscard(self, x);
                        return x;
                    }
                    case "clear":
                        in.os.setClear(self);
                        return in.none;
                    case "update":
                        for (int i = 0; i < n; i++) {
                            SetOps.update(in, self, a[i]);
                        }
                        return in.none;
                    case "copy": {
                        if (c.kind == K_FROZENSET && !c.builtinSubclass) {
                            return in.incref(self);
                        }
                        // a plain set or frozenset, merged from this one (make_new_set_basetype)
                        long copy = c.kind == K_SET ? m.newSet() : m.newFrozenSet();
                        in.os.setUpdateFrom(copy, self);
                        return copy;
                    }
                    case "union":
                        return SetOps.union(in, self, java.util.Arrays.copyOf(a, n));
                    case "intersection":
                        return SetOps.intersection(in, self, java.util.Arrays.copyOf(a, n));
                    case "difference":
                        return SetOps.difference(in, self, java.util.Arrays.copyOf(a, n));
                    case "symmetric_difference":
                        return SetOps.symmetricDifference(in, self, a[0]);
                    case "issubset", "issuperset", "isdisjoint": {
                        long other = m.newSet();
                        for (long x : in.toList(a[0])) {
                            m.setAdd(other, x);
                            m.decref(x);
                        }
                        try {
                            return switch (name) {
                                case "issubset" -> in.bool(Operators.compare(in, CmpOpKind.LT_E, self, other));
                                case "issuperset" -> in.bool(Operators.compare(in, CmpOpKind.GT_E, self, other));
                                default -> in.bool(m.setItems(self).stream().noneMatch(x -> m.setContains(other, x)));
                            };
                        } finally {
                            m.decref(other);
                        }
                    }
                    default:
                        return 0;
                }
            case K_STR:
                return strMethod(in, self, m.strValue(self), name, a, n, kw);
            case K_BYTES:
                switch (name) {
                    case "decode":
                        return in.newStr(new String(m.bytesValue(self), java.nio.charset.StandardCharsets.UTF_8));
                    case "hex":
                        return in.newStr(java.util.HexFormat.of().formatHex(m.bytesValue(self)));
                    default:
                        return BytesMethods.call(in, self, c, name, a, n);
                }
            case K_INT, K_BOOL:
                switch (name) {
                    case "bit_length":
                        return in.newInt(m.bigIntValue(self).abs().bitLength());
                    case "bit_count":
                        return in.newInt(m.bigIntValue(self).abs().bitCount());
                    case "conjugate":
                        return exactInt(in, self);
                    case "as_integer_ratio": {
                        long num = exactInt(in, self);
                        long one = in.newInt(1);
                        long t = m.newTuple(num, one);
                        m.decref(num);
                        m.decref(one);
                        return t;
                    }
                    case "to_bytes": {
                        int len = (int) m.intValue(a[0]);
                        String order = n > 1 ? m.strValue(a[1]) : Builtins.kwString(in, a, kw, "byteorder", "big");
                        byte[] raw = m.bigIntValue(self).toByteArray();
                        byte[] out = new byte[len];
                        for (int i = 0; i < Math.min(len, raw.length); i++) {
                            out[len - 1 - i] = raw[raw.length - 1 - i];
                        }
                        if (order.equals("little")) {
                            for (int i = 0; i < len / 2; i++) {
                                byte t = out[i];
                                out[i] = out[len - 1 - i];
                                out[len - 1 - i] = t;
                            }
                        }
                        return m.newBytes(out);
                    }
                    case "__sizeof__":
                        return in.newInt(m.getsizeof(self));
                    default:
                        return 0;
                }
            case K_FLOAT:
                switch (name) {
                    case "is_integer": {
                        double d = m.floatValue(self);
                        return in.bool(d == Math.rint(d) && !Double.isInfinite(d));
                    }
                    case "hex":
                        return in.newStr(Double.toHexString(m.floatValue(self)));
                    default:
                        return 0;
                }
            default:
                return 0;
        }
    }

    /** long_long: an exact int is itself; a bool or an int subclass's instance gives a plain int of its value. */
    private static long exactInt(Interp in, long self) {
        PyClass c = in.classOf(self);
        if (c.kind == K_INT && !c.builtinSubclass) {
            return in.incref(self);
        }
        return in.newInt(in.m.bigIntValue(self));
    }

    /** str.replace with a count (negative: every occurrence); an empty old inserts before each character and at the end. */
    private static String replace(String s, String from, String to, long count) {
        if (count < 0) {
            return s.replace(from, to);
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        long done = 0;
        if (from.isEmpty()) {
            for (; i <= s.length() && done < count; i++, done++) {
                sb.append(to);
                if (i < s.length()) {
                    sb.append(s.charAt(i));
                }
            }
            return i <= s.length() ? sb.append(s, Math.min(i, s.length()), s.length()).toString() : sb.toString();
        }
        while (done < count) {
            int j = s.indexOf(from, i);
            if (j < 0) {
                break;
            }
            sb.append(s, i, j).append(to);
            i = j + from.length();
            done++;
        }
        return sb.append(s, i, s.length()).toString();
    }

    /** A method's result text: the str itself (unicode_result_unchanged) when it is the same text, else a new str. */
    private static long strResult(Interp in, long self, String s, String result) {
        return result.equals(s) ? unchangedStr(in, self, s) : in.newStr(result);
    }

    /** unicode_result_unchanged: an exact str is itself; a subclass's instance gives a plain str of its text. */
    private static long unchangedStr(Interp in, long self, String s) {
        return in.classOf(self).builtinSubclass ? in.newStr(s) : in.incref(self);
    }

    private static long seqIndexCount(Interp in, long self, String name, long x, boolean list) {
        Mutator m = in.m;
        long len = m.len(self);
        int count = 0;
        for (int i = 0; i < len; i++) {
            long y = list ? m.listGet(self, i) : m.tupleGet(self, i);
            if (y == x || in.eq(y, x)) {
                if (name.equals("index")) {
                    return in.newInt(i);
                }
                count++;
            }
        }
        if (name.equals("index")) {
            throw in.error("ValueError", list ? in.repr(x) + " is not in list" : "tuple.index(x): x not in tuple");
        }
        return in.newInt(count);
    }

    private static long strMethod(Interp in, long self, String s, String name, long[] a, int n, String[] kw) {
        Mutator m = in.m;
        switch (name) {
            case "join": {
                List<Long> items = in.toList(a[0]);
                if (items.size() == 1 && in.kind(items.get(0)) == K_STR && !in.classOf(items.get(0)).builtinSubclass) {
                    return items.get(0); // PyUnicode_Join: a single exact str is the result itself
                }
                StringBuilder sb = new StringBuilder();
                boolean first = true;
                for (long x : items) {
                    if (!first) {
                        sb.append(s);
                    }
                    first = false;
                    if (in.kind(x) != K_STR) {
                        m.decref(x);
                        throw in.typeError("sequence item: expected str instance, " + in.classOf(x).name + " found");
                    }
                    sb.append(m.strValue(x));
                    m.decref(x);
                }
                return in.newStr(sb.toString());
            }
            case "split", "rsplit":
                return StrSplit.split(in, self, s, name.equals("rsplit"), a, n, kw);
            case "strip":
                return strResult(in, self, s, n > 0 && a[0] != in.none ? stripChars(s, m.strValue(a[0]), true, true) : stripSpace(s, true, true));
            case "lstrip":
                return strResult(in, self, s, n > 0 && a[0] != in.none ? stripChars(s, m.strValue(a[0]), true, false) : stripSpace(s, true, false));
            case "rstrip":
                return strResult(in, self, s, n > 0 && a[0] != in.none ? stripChars(s, m.strValue(a[0]), false, true) : stripSpace(s, false, true));
            case "upper":
                return in.newStr(s.toUpperCase());
            case "lower":
                return in.newStr(s.toLowerCase());
            case "title": {
                StringBuilder sb = new StringBuilder();
                boolean prev = false;
                for (char ch : s.toCharArray()) {
                    sb.append(prev ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
                    prev = Character.isLetter(ch);
                }
                return in.newStr(sb.toString());
            }
            case "capitalize":
                return in.newStr(s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase());
            case "replace":
                return strResult(in, self, s, replace(s, m.strValue(a[0]), m.strValue(a[1]), n > 2 ? m.intValue(a[2]) : -1));
            case "startswith", "endswith": {
                List<String> options = new ArrayList<>();
                if (in.kind(a[0]) == K_TUPLE) {
                    for (int i = 0; i < m.len(a[0]); i++) {
                        options.add(m.strValue(m.tupleGet(a[0], i)));
                    }
                } else {
                    options.add(m.strValue(a[0]));
                }
                boolean r = options.stream().anyMatch(o -> name.equals("startswith") ? s.startsWith(o) : s.endsWith(o));
                return in.bool(r);
            }
            case "find", "index", "rfind", "rindex": {
                String sub = m.strValue(a[0]);
                int i = name.startsWith("r") ? s.lastIndexOf(sub) : s.indexOf(sub);
                if (i < 0 && name.endsWith("index")) {
                    throw in.error("ValueError", "substring not found");
                }
                return in.newInt(i);
            }
            case "partition", "rpartition": {
                // STRINGLIB(partition): the separator object itself in the middle; not found, the str itself
                // and two empty strs
                if (in.kind(a[0]) != K_STR) {
                    throw in.typeError("must be str, not " + in.classOf(a[0]).name);
                }
                String sep = m.strValue(a[0]);
                if (sep.isEmpty()) {
                    throw in.error("ValueError", "empty separator");
                }
                boolean right = name.equals("rpartition");
                int i = right ? s.lastIndexOf(sep) : s.indexOf(sep);
                long[] parts = new long[3];
                if (i < 0) {
                    parts[right ? 2 : 0] = in.incref(self);
                    parts[1] = in.newStr("");
                    parts[right ? 0 : 2] = in.newStr("");
                } else {
                    parts[0] = in.newStr(s.substring(0, i));
                    parts[1] = in.incref(a[0]);
                    parts[2] = in.newStr(s.substring(i + sep.length()));
                }
                long t = m.newTuple(parts);
                in.release(parts);
                return t;
            }
            case "removeprefix", "removesuffix": {
                if (in.kind(a[0]) != K_STR) {
                    throw in.typeError(name + "() argument must be str, not " + in.classOf(a[0]).name);
                }
                String affix = m.strValue(a[0]);
                boolean prefix = name.equals("removeprefix");
                if (affix.isEmpty() || !(prefix ? s.startsWith(affix) : s.endsWith(affix))) {
                    return unchangedStr(in, self, s);
                }
                return in.newStr(prefix ? s.substring(affix.length()) : s.substring(0, s.length() - affix.length()));
            }
            case "swapcase": {
                StringBuilder sb = new StringBuilder(s.length());
                // full case mappings, as CPython's (ß swaps to SS)
                s.codePoints().forEach(cp -> {
                    String ch = new String(Character.toChars(cp));
                    sb.append(Character.isUpperCase(cp) ? ch.toLowerCase(java.util.Locale.ROOT)
                            : Character.isLowerCase(cp) ? ch.toUpperCase(java.util.Locale.ROOT) : ch);
                });
                return in.newStr(sb.toString());
            }
            case "casefold":
                return in.newStr(s.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
            case "isascii":
                return in.bool(s.chars().allMatch(ch -> ch < 128));
            case "count": {
                String sub = m.strValue(a[0]);
                int count = 0;
                for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + Math.max(1, sub.length()))) {
                    count++;
                    if (sub.isEmpty() && i >= s.length()) {
                        break;
                    }
                }
                return in.newInt(count);
            }
            case "isdigit", "isnumeric", "isdecimal":
                return in.bool(!s.isEmpty() && s.chars().allMatch(Character::isDigit));
            case "isalpha":
                return in.bool(!s.isEmpty() && s.chars().allMatch(Character::isLetter));
            case "isalnum":
                return in.bool(!s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit));
            case "isspace":
                return in.bool(!s.isEmpty() && s.chars().allMatch(StrSplit::isSpace));
            case "isupper":
                return in.bool(s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase()));
            case "islower":
                return in.bool(s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase()));
            case "isidentifier":
                return in.bool(!s.isEmpty() && !Character.isDigit(s.charAt(0)) && s.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_'));
            case "center", "ljust", "rjust", "zfill": {
                int w = (int) m.intValue(a[0]);
                String fill = n > 1 ? m.strValue(a[1]) : name.equals("zfill") ? "0" : " ";
                String align = switch (name) {
                    case "center" -> "^";
                    case "ljust" -> "<";
                    case "rjust" -> ">";
                    default -> "=";
                };
                if (name.equals("zfill")) {
                    boolean neg = s.startsWith("-") || s.startsWith("+");
                    String body = neg ? s.substring(1) : s;
                    String pad = "0".repeat(Math.max(0, w - s.length()));
                    return strResult(in, self, s, (neg ? s.substring(0, 1) : "") + pad + body);
                }
                return strResult(in, self, s, Formats.formatStr(s, fill + align + w));
            }
            case "encode":
                return m.newBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "format": {
                if (s.indexOf('{') < 0 && s.indexOf('}') < 0) {
                    // one literal chunk covering the whole str: the writer hands back that object (a subclass's too)
                    return in.incref(self);
                }
                StringBuilder sb = new StringBuilder();
                int auto = 0;
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    if (ch == '{') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                            sb.append('{');
                            i++;
                            continue;
                        }
                        int close = s.indexOf('}', i);
                        String field = s.substring(i + 1, close);
                        String spec = "";
                        int colon = field.indexOf(':');
                        if (colon >= 0) {
                            spec = field.substring(colon + 1);
                            field = field.substring(0, colon);
                        }
                        char conv = 0;
                        int bang = field.indexOf('!');
                        if (bang >= 0) {
                            conv = field.charAt(bang + 1);
                            field = field.substring(0, bang);
                        }
                        long v = field.isEmpty() ? a[auto++] : field.chars().allMatch(Character::isDigit)
                                ? a[Integer.parseInt(field)] : Builtins.kwValue(a, kw, field);
                        if (v == 0) {
                            throw in.error("KeyError", "'" + field + "'");
                        }
                        String text = conv == 'r' ? Formats.formatStr(in.repr(v), spec) : conv == 's'
                                ? Formats.formatStr(in.str(v), spec) : Builtins.format(in, v, spec);
                        sb.append(text);
                        i = close;
                    } else if (ch == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                        sb.append('}');
                        i++;
                    } else {
                        sb.append(ch);
                    }
                }
                return in.newStr(sb.toString());
            }
            case "splitlines":
                return StrSplit.splitlines(in, self, s, a, n, kw);
            default:
                return 0;
        }
    }

    /** strip() without arguments: Python's whitespace (Py_UNICODE_ISSPACE), not Java's. */
    private static String stripSpace(String s, boolean left, boolean right) {
        int b = 0;
        int e = s.length();
        while (left && b < e && StrSplit.isSpace(s.charAt(b))) {
            b++;
        }
        while (right && e > b && StrSplit.isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    private static String stripChars(String s, String chars, boolean left, boolean right) {
        int b = 0;
        int e = s.length();
        while (left && b < e && chars.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (right && e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }
}
