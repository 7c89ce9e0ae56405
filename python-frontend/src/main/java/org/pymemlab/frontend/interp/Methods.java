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
    private static final java.util.Map<Integer, java.util.Set<String>> ATTRIBUTES = withByteArray(java.util.Map.of(
            K_LIST, java.util.Set.of("append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove",
                    "reverse", "sort"),
            K_TUPLE, java.util.Set.of("count", "index"),
            K_DICT, java.util.Set.of("clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault",
                    "update", "values"),
            K_SET, java.util.Set.of("add", "clear", "copy", "difference", "difference_update", "discard",
                    "intersection", "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove",
                    "symmetric_difference", "symmetric_difference_update", "union", "update"),
            K_FROZENSET, java.util.Set.of("copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset",
                    "symmetric_difference", "union"),
            K_STR, java.util.Set.of("capitalize", "center", "count", "encode", "endswith", "find", "format", "index",
                    "isalnum", "isalpha", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isspace",
                    "isupper", "join", "ljust", "lower", "lstrip", "replace", "rfind", "rjust", "rsplit", "rstrip",
                    "split", "splitlines", "startswith", "strip", "title", "upper", "zfill", "partition", "rpartition",
                    "removeprefix", "removesuffix", "rindex", "swapcase", "casefold", "isascii", "expandtabs", "format_map",
                    "isprintable", "istitle", "maketrans", "translate"),
            K_BYTES, java.util.Set.of("decode", "hex", "find", "rfind", "index", "rindex", "count", "startswith",
                    "endswith", "replace", "strip", "lstrip", "rstrip", "partition", "rpartition", "removeprefix",
                    "removesuffix", "join", "upper", "lower", "isdigit", "isalpha", "isalnum", "isspace", "islower",
                    "isupper", "isascii", "split", "rsplit", "splitlines", "center", "ljust", "rjust", "zfill",
                    "expandtabs", "title", "capitalize", "swapcase", "istitle", "fromhex", "maketrans", "translate"),
            K_INT, java.util.Set.of("__sizeof__", "bit_length", "bit_count", "as_integer_ratio", "conjugate", "to_bytes",
                    "from_bytes", "is_integer", "real", "imag", "numerator", "denominator"),
            K_BOOL, java.util.Set.of("__sizeof__", "bit_length", "bit_count", "as_integer_ratio", "conjugate", "to_bytes",
                    "from_bytes", "is_integer", "real", "imag", "numerator", "denominator"),
            K_FLOAT, java.util.Set.of("hex", "fromhex", "is_integer", "as_integer_ratio", "conjugate", "real", "imag")));

    /** bytearray answers what bytes does, and its mutating methods; memoryview its own. */
    private static java.util.Map<Integer, java.util.Set<String>> withByteArray(java.util.Map<Integer, java.util.Set<String>> kinds) {
        java.util.Map<Integer, java.util.Set<String>> all = new java.util.HashMap<>(kinds);
        java.util.Set<String> names = new java.util.HashSet<>(kinds.get(K_BYTES));
        names.addAll(java.util.List.of("append", "extend", "insert", "pop", "remove", "clear", "copy", "reverse",
                "__alloc__"));
        all.put(K_BYTEARRAY, java.util.Set.copyOf(names));
        all.put(K_MEMORYVIEW, java.util.Set.of("tobytes", "tolist", "hex", "toreadonly", "release", "__enter__",
                "__exit__", "obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides", "suboffsets",
                "c_contiguous", "f_contiguous", "contiguous"));
        return java.util.Map.copyOf(all);
    }

    /** Whether a built-in value of this kind has the attribute ({@code __class__} everywhere) in this CPython. */
    static boolean hasAttribute(Interp in, int kind, String name) {
        java.util.Set<String> names = ATTRIBUTES.get(kind);
        if (name.equals("is_integer") && (kind == K_INT || kind == K_BOOL)) {
            return in.minor >= 12; // int.is_integer is new in 3.12
        }
        return name.equals("__class__") || names != null && names.contains(name);
    }

    /** Whether the method is a static or class method of the type of that kind. */
    static boolean isTypeLevel(int kind, String name) {
        MethodSignatures.Signature s = MethodSignatures.of(kind, name);
        return s != null && s.typeLevel();
    }

    /** A str argument (encoding, errors) by position or keyword, else its default. */
    static String textArg(Interp in, long[] a, String[] kw, int index, String name, String otherwise, String function) {
        long v = arg(a, kw, index, name);
        if (v == 0) {
            return otherwise;
        }
        if (in.kind(v) != K_STR) {
            throw in.typeError(function + "() argument '" + name + "' must be str, not " + in.classOf(v).name);
        }
        return in.m.strValue(v);
    }

    /** An integer argument (an int or bool), or CPython's TypeError for any other object. */
    static long intArg(Interp in, long v) {
        int k = in.kind(v);
        if (k == K_INT || k == K_BOOL) {
            return in.m.intValue(v);
        }
        return in.indexValue(v, "'" + in.classOf(v).name + "' object cannot be interpreted as an integer");
    }

    /**
     * tailmatch: whether text[start:end] starts ({@code atStart}) or ends with affix, the indices adjusted as a
     * slice's are (ADJUST_INDICES); an empty affix matches where the slice is not empty-and-out-of-range.
     */
    static boolean tailmatch(long[] text, long[] affix, long start, long end, boolean atStart) {
        int len = text.length;
        end = end > len ? len : end < 0 ? Math.max(0, end + len) : end;
        start = start < 0 ? Math.max(0, start + len) : start;
        if (end - affix.length < start) {
            return false;
        }
        int at = (int) (atStart ? start : end - affix.length);
        for (int i = 0; i < affix.length; i++) {
            if (text[at + i] != affix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Positional argument {@code index} or the keyword {@code name}, or 0 when neither is given. Borrowed. */
    static long arg(long[] a, String[] kw, int index, String name) {
        return index < Builtins.npos(a, kw) ? a[index] : Builtins.kwValue(a, kw, name);
    }

    /**
     * A static or class method of a built-in type: {@code cls} is the type it was called on (a subclass makes
     * its own instance from the built-in's result, as CPython's class methods do). 0 for another name.
     */
    static long callTypeLevel(Interp in, long cls, int kind, String name, long[] a, String[] kw) {
        MethodSignatures.check(in, kind, name, MethodSignatures.of(kind, name), Builtins.npos(a, kw), kw);
        PyClass c = in.classOfType(cls);
        long made = switch (kind) {
            case K_STR -> name.equals("maketrans") ? strMaketrans(in, a, Builtins.npos(a, kw)) : 0;
            case K_BYTES -> switch (name) {
                case "maketrans" -> BytesMethods.maketrans(in, a);
                case "fromhex" -> BytesMethods.fromhex(in, a[0]);
                default -> 0;
            };
            case K_BYTEARRAY -> switch (name) {
                case "maketrans" -> BytesMethods.maketrans(in, a); // bytes, as bytearray.maketrans is bytes'
                case "fromhex" -> in.os.newByteArray(BytesMethods.fromhexValue(in, a[0]));
                default -> 0;
            };
            case K_INT, K_BOOL -> name.equals("from_bytes") ? intFromBytes(in, a, kw) : 0;
            case K_FLOAT -> name.equals("fromhex") ? floatFromHex(in, a[0]) : 0;
            case K_DICT -> name.equals("fromkeys") ? dictFromKeys(in, c != null && c.user ? cls : 0, a) : 0;
            default -> 0;
        };
        if (made == 0 || c == null || !c.user || kind == K_DICT || name.equals("maketrans")) {
            return made;
        }
        return in.call(cls, new long[] {made}, null); // cls(value): the call takes over the reference
    }
    static long call(Interp in, long self, PyClass c, String name, long[] a, String[] kw) {
        Mutator m = in.m;
        int n = Builtins.npos(a, kw);
        MethodSignatures.Signature signature = MethodSignatures.of(c.kind, name);
        if (signature != null && signature.typeLevel()) {
            return callTypeLevel(in, in.os.typeOf(self), c.kind, name, a, kw);
        }
        MethodSignatures.check(in, c.kind, name, signature, n, kw);
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
                        return DictViews.create(in, self, what);
                    }
                    case "update": {
                        if (n > 0) {
                            if (in.kind(a[0]) == K_DICT) {
                                in.os.dictMerge(self, a[0]);
                            } else if (!Builtins.mergeFromMapping(in, self, a[0])) {
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
                if (c.kind == K_FROZENSET && !hasAttribute(in, K_FROZENSET, name)) {
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
                        long other = asSet(in, a[0]);
                        try {
                            return switch (name) {
                                case "issubset" -> in.bool(Operators.builtinOrder(in, CmpOpKind.LT_E, self, other));
                                case "issuperset" -> in.bool(Operators.builtinOrder(in, CmpOpKind.GT_E, self, other));
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
            case K_MEMORYVIEW:
                return MemoryViews.call(in, self, name, a);
            case K_BYTES, K_BYTEARRAY:
                switch (name) {
                    case "decode":
                        return in.newStr(Codecs.decode(in, ByteArrays.buffer(in, self), textArg(in, a, kw, 0, "encoding", "utf-8", "decode"),
                                textArg(in, a, kw, 1, "errors", "strict", "decode")));
                    case "hex":
                        return in.newStr(java.util.HexFormat.of().formatHex(ByteArrays.buffer(in, self)));
                    default:
                        return c.kind == K_BYTEARRAY ? ByteArrays.call(in, self, c, name, a, kw)
                                : BytesMethods.call(in, self, c, name, a, kw);
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
                    case "to_bytes":
                        return intToBytes(in, self, a, kw);
                    case "is_integer":
                        return in.minor >= 12 ? in.bool(true) : 0;
                    case "__sizeof__":
                        return in.newInt(Dunders.sizeof(in, self));
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
                        return in.newStr(floatHex(m.floatValue(self)));
                    case "conjugate":
                        return c.builtinSubclass ? m.newFloat(m.floatValue(self)) : in.incref(self);
                    case "as_integer_ratio":
                        return floatRatio(in, m.floatValue(self));
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
                for (int i = 0; i < items.size(); i++) {
                    long x = items.get(i);
                    if (i > 0) {
                        sb.append(s);
                    }
                    if (in.kind(x) != K_STR) {
                        String type = in.classOf(x).name;
                        for (long rest : items.subList(i, items.size())) {
                            m.decref(rest);
                        }
                        throw in.typeError("sequence item " + i + ": expected str instance, " + type + " found");
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
                return caseResult(in, s.toUpperCase(java.util.Locale.ROOT));
            case "lower":
                return caseResult(in, s.toLowerCase(java.util.Locale.ROOT));
            case "title": {
                StringBuilder sb = new StringBuilder(s.length());
                boolean previousCased = false;
                for (int cp : s.codePoints().toArray()) {
                    sb.appendCodePoint(previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
                    previousCased = isCased(cp);
                }
                return caseResult(in, sb.toString());
            }
            case "capitalize": {
                if (s.isEmpty()) {
                    return in.newStr("");
                }
                int first = s.codePointAt(0);
                String rest = s.substring(Character.charCount(first)).toLowerCase(java.util.Locale.ROOT);
                return caseResult(in, new StringBuilder().appendCodePoint(Character.toTitleCase(first)).append(rest).toString());
            }
            case "istitle":
                return in.bool(isTitle(s));
            case "isprintable":
                return in.bool(s.codePoints().allMatch(Methods::isPrintable));
            case "expandtabs": {
                long sizeArg = arg(a, kw, 0, "tabsize");
                int tabsize = sizeArg == 0 ? 8 : (int) intArg(in, sizeArg);
                return s.indexOf('\t') < 0 ? unchangedStr(in, self, s) : in.newStr(expandTabs(s, tabsize));
            }
            case "translate":
                return strTranslate(in, s, a[0]);
            case "format_map": {
                long mapping = a[0];
                return formatStr(in, self, s, new long[0], field -> {
                    long key = in.newStr(field);
                    try {
                        return Operators.getitem(in, mapping, key);
                    } finally {
                        m.decref(key);
                    }
                });
            }
            case "replace": {
                long count = arg(a, kw, 2, "count"); // a keyword too from 3.13
                String replaced = replace(s, m.strValue(a[0]), m.strValue(a[1]), count == 0 ? -1 : intArg(in, count));
                // nothing replaced: the str itself; else a str of its own, as replace() allocates it
                return replaced.equals(s) ? unchangedStr(in, self, s) : caseResult(in, replaced);
            }
            case "startswith", "endswith": {
                boolean tuple = in.kind(a[0]) == K_TUPLE;
                long[] text = s.codePoints().asLongStream().toArray();
                long start = n > 1 && a[1] != in.none ? m.intValue(a[1]) : 0;
                long end = n > 2 && a[2] != in.none ? m.intValue(a[2]) : Long.MAX_VALUE;
                boolean atStart = name.equals("startswith");
                // each option in turn: the first that matches answers, before a later one is checked
                for (int i = 0; i < (tuple ? m.len(a[0]) : 1); i++) {
                    long option = tuple ? m.tupleGet(a[0], i) : a[0];
                    if (in.kind(option) != K_STR) {
                        throw in.typeError(tuple ? "tuple for " + name + " must only contain str, not "
                                + in.classOf(option).name : name + " first arg must be str or a tuple of str, not "
                                + in.classOf(option).name);
                    }
                    if (tailmatch(text, m.strValue(option).codePoints().asLongStream().toArray(), start, end, atStart)) {
                        return in.bool(true);
                    }
                }
                return in.bool(false);
            }
            case "find", "index", "rfind", "rindex": {
                if (in.kind(a[0]) != K_STR) {
                    throw in.typeError((in.minor >= 13 ? name + "() argument 1 " : "") + "must be str, not "
                            + in.classOf(a[0]).name);
                }
                String sub = m.strValue(a[0]);
                // ADJUST_INDICES over code points, then the search within s[start:end]
                int len = s.codePointCount(0, s.length());
                long start = n > 1 && a[1] != in.none ? m.intValue(a[1]) : 0;
                long end = n > 2 && a[2] != in.none ? m.intValue(a[2]) : len;
                end = end > len ? len : end < 0 ? Math.max(0, end + len) : end;
                start = start < 0 ? Math.max(0, start + len) : start;
                long i = -1;
                if (start <= len && end - start >= sub.codePointCount(0, sub.length())) {
                    int from = s.offsetByCodePoints(0, (int) start);
                    String window = s.substring(from, s.offsetByCodePoints(0, (int) end));
                    int at = name.startsWith("r") ? window.lastIndexOf(sub) : window.indexOf(sub);
                    i = at < 0 ? -1 : start + window.codePointCount(0, at);
                }
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
                return caseResult(in, sb.toString());
            }
            case "casefold":
                return caseResult(in, s.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
            case "isascii":
                return in.bool(s.chars().allMatch(ch -> ch < 128));
            case "count": {
                if (in.kind(a[0]) != K_STR) {
                    throw in.typeError("must be str, not " + in.classOf(a[0]).name);
                }
                // ADJUST_INDICES over code points, then non-overlapping matches within s[start:end]
                int[] text = s.codePoints().toArray();
                int[] sub = m.strValue(a[0]).codePoints().toArray();
                long start = n > 1 && a[1] != in.none ? m.intValue(a[1]) : 0;
                long end = n > 2 && a[2] != in.none ? m.intValue(a[2]) : Long.MAX_VALUE;
                end = end > text.length ? text.length : end < 0 ? Math.max(0, end + text.length) : end;
                start = start < 0 ? Math.max(0, start + text.length) : start;
                if (end - start < sub.length) {
                    return in.newInt(0);
                }
                if (sub.length == 0) {
                    return in.newInt(end - start + 1);
                }
                int count = 0;
                for (int i = (int) start; i + sub.length <= end; ) {
                    if (java.util.Arrays.equals(text, i, i + sub.length, sub, 0, sub.length)) {
                        count++;
                        i += sub.length;
                    } else {
                        i++;
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
                int w = (int) intArg(in, a[0]);
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
                return m.newBytes(Codecs.encode(in, s, textArg(in, a, kw, 0, "encoding", "utf-8", "encode"),
                        textArg(in, a, kw, 1, "errors", "strict", "encode")));
            case "format":
                return formatStr(in, self, s, java.util.Arrays.copyOf(a, n), field -> {
                    long v = Builtins.kwValue(a, kw, field);
                    if (v == 0) {
                        throw in.error("KeyError", field); // KeyError(field): its str is the repr of the name
                    }
                    return in.incref(v);
                });
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

    /** A set of an iterable's items (the set itself, with a new reference, when it is one). */
    private static long asSet(Interp in, long iterable) {
        int k = in.kind(iterable);
        if (k == K_SET || k == K_FROZENSET) {
            return in.incref(iterable);
        }
        long set = in.m.newSet();
        for (long x : in.toList(iterable)) {
            try {
                in.m.setAdd(set, x);
            } finally {
                in.m.decref(x);
            }
        }
        return set;
    }

    /** float.hex: a normal number as 0x1.&lt;13 hex digits&gt;p&lt;exponent&gt;, a subnormal as 0x0.…p-1022. */
    static String floatHex(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        long bits = Double.doubleToRawLongBits(d);
        String sign = bits < 0 ? "-" : "";
        if (d == 0) {
            return sign + "0x0.0p+0";
        }
        int exponent = (int) (bits >>> 52 & 0x7ff);
        String mantissa = String.format("%013x", bits & 0xfffffffffffffL);
        if (exponent == 0) {
            return sign + "0x0." + mantissa + "p-1022";
        }
        int e = exponent - 1023;
        return sign + "0x1." + mantissa + "p" + (e >= 0 ? "+" : "") + e;
    }

    /** float.fromhex: [sign] (inf | nan | [0x] hex digits [. hex digits] [p exponent]), spaces around. */
    private static long floatFromHex(Interp in, long arg) {
        if (in.kind(arg) != K_STR) {
            throw in.typeError("must be str, not " + in.classOf(arg).name);
        }
        String text = in.m.strValue(arg).strip();
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        boolean negative = text.startsWith("-");
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        double value;
        if (lower.equals("inf") || lower.equals("infinity")) {
            value = Double.POSITIVE_INFINITY;
        } else if (lower.equals("nan")) {
            value = Double.NaN;
        } else {
            String digits = lower.startsWith("0x") ? lower.substring(2) : lower;
            if (!digits.matches("([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(p[+-]?[0-9]+)?")) {
                throw in.error("ValueError", "invalid hexadecimal floating-point string");
            }
            value = Double.parseDouble("0x" + (digits.startsWith(".") ? "0" : "") + digits + (digits.contains("p") ? "" : "p0"));
            if (Double.isInfinite(value)) {
                throw in.error("OverflowError", "hexadecimal value too large to represent as a float");
            }
        }
        return in.m.newFloat(negative ? -value : value);
    }

    /** float.as_integer_ratio: the exact value as a fraction in lowest terms, positive denominator. */
    private static long floatRatio(Interp in, double d) {
        if (Double.isInfinite(d)) {
            throw in.error("OverflowError", "cannot convert Infinity to integer ratio");
        }
        if (Double.isNaN(d)) {
            throw in.error("ValueError", "cannot convert NaN to integer ratio");
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(d);
        java.math.BigInteger num = exact.unscaledValue();
        java.math.BigInteger den = java.math.BigInteger.ONE;
        if (exact.scale() > 0) {
            den = java.math.BigInteger.TEN.pow(exact.scale());
        } else {
            num = num.multiply(java.math.BigInteger.TEN.pow(-exact.scale()));
        }
        java.math.BigInteger gcd = num.gcd(den);
        long n = in.newInt(num.divide(gcd));
        long q = in.newInt(den.divide(gcd));
        long t = in.m.newTuple(n, q);
        in.m.decref(n);
        in.m.decref(q);
        return t;
    }

    /** The byteorder argument: true for 'little'. */
    private static boolean littleEndian(Interp in, long order) {
        if (order == 0) {
            return false;
        }
        if (in.kind(order) != K_STR) {
            throw in.typeError("to_bytes() argument 'byteorder' must be str, not " + in.classOf(order).name);
        }
        String s = in.m.strValue(order);
        if (!s.equals("little") && !s.equals("big")) {
            throw in.error("ValueError", "byteorder must be either 'little' or 'big'");
        }
        return s.equals("little");
    }

    /** int.to_bytes(length=1, byteorder='big', *, signed=False). */
    private static long intToBytes(Interp in, long self, long[] a, String[] kw) {
        long lengthArg = arg(a, kw, 0, "length");
        long length = lengthArg == 0 ? 1 : intArg(in, lengthArg);
        boolean little = littleEndian(in, arg(a, kw, 1, "byteorder"));
        long signedArg = Builtins.kwValue(a, kw, "signed");
        boolean signed = signedArg != 0 && in.truthy(signedArg);
        if (length < 0) {
            throw in.error("ValueError", "length argument must be non-negative");
        }
        java.math.BigInteger v = in.m.bigIntValue(self);
        if (!signed && v.signum() < 0) {
            throw in.error("OverflowError", "can't convert negative int to unsigned");
        }
        int needed = signed ? v.bitLength() + 1 : v.bitLength();
        if (needed > length * 8) {
            throw in.error("OverflowError", "int too big to convert");
        }
        byte[] raw = v.toByteArray(); // two's complement, most significant byte first
        byte[] out = new byte[(int) length];
        java.util.Arrays.fill(out, v.signum() < 0 ? (byte) 0xff : 0);
        for (int i = 0; i < Math.min(length, raw.length); i++) {
            out[out.length - 1 - i] = raw[raw.length - 1 - i];
        }
        if (little) {
            reverse(out);
        }
        return in.m.newBytes(out);
    }

    /** int.from_bytes(bytes, byteorder='big', *, signed=False): bytes, or an iterable of ints in range(256). */
    private static long intFromBytes(Interp in, long[] a, String[] kw) {
        long source = arg(a, kw, 0, "bytes");
        boolean little = littleEndian(in, arg(a, kw, 1, "byteorder"));
        long signedArg = Builtins.kwValue(a, kw, "signed");
        boolean signed = signedArg != 0 && in.truthy(signedArg);
        byte[] raw;
        int sourceKind = in.kind(source);
        if (sourceKind == K_INT || sourceKind == K_BOOL || sourceKind == K_FLOAT || sourceKind == K_NONE) {
            throw in.typeError("cannot convert '" + in.classOf(source).name + "' object to bytes");
        }
        if (sourceKind == K_BYTES) {
            raw = in.m.bytesValue(source).clone();
        } else {
            List<Long> items = in.toList(source);
            raw = new byte[items.size()];
            try {
                for (int i = 0; i < raw.length; i++) {
                    long x = items.get(i);
                    long v = in.kind(x) == K_INT && in.os.intFitsLong(x) ? in.m.intValue(x) : -1;
                    if (v < 0 || v > 255) {
                        throw in.error("ValueError", "bytes must be in range(0, 256)");
                    }
                    raw[i] = (byte) v;
                }
            } finally {
                in.release(Interp.toArray(items));
            }
        }
        if (little) {
            reverse(raw);
        }
        if (raw.length == 0) {
            return in.newInt(0);
        }
        return in.newInt(signed ? new java.math.BigInteger(raw) : new java.math.BigInteger(1, raw));
    }

    private static void reverse(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }

    /** dict.fromkeys(iterable, value=None); cls a dict subclass (0 for dict): cls() filled by its __setitem__. */
    private static long dictFromKeys(Interp in, long cls, long[] a) {
        long value = a.length > 1 ? a[1] : in.none;
        long d = cls == 0 ? in.m.newDict() : in.call(cls, new long[0], null);
        long[] keys = null;
        try {
            keys = Interp.toArray(in.toList(a[0]));
            PyClass source = in.classOf(a[0]);
            if (cls == 0 && !source.builtinSubclass
                    && (source.kind == K_DICT || source.kind == K_SET || source.kind == K_FROZENSET)) {
                // _PyDict_FromKeys: one resize for all the keys (str-only after a dict of str keys)
                boolean unicode = source.kind == K_DICT && java.util.Arrays.stream(keys)
                        .allMatch(k -> in.kind(k) == K_STR && !in.classOf(k).builtinSubclass);
                in.os.dictPresize(d, keys.length, unicode);
            }
            for (long k : keys) {
                if (cls == 0) {
                    in.m.dictSet(d, k, value);
                } else {
                    Operators.setitem(in, d, k, value);
                }
            }
        } catch (RuntimeException e) {
            in.m.decref(d);
            throw e;
        } finally {
            if (keys != null) {
                in.release(keys);
            }
        }
        return d;
    }

    /** str.maketrans(x[, y[, z]]): a dict from code points to code points, strs or None. */
    private static long strMaketrans(Interp in, long[] a, int n) {
        Mutator m = in.m;
        long table = m.newDict();
        try {
            if (n == 1) {
                if (in.kind(a[0]) != K_DICT) {
                    throw in.typeError("if you give only one argument to maketrans it must be a dict");
                }
                in.os.dictForEach(a[0], (k, v) -> {
                    int kk = in.kind(k);
                    if (kk == K_STR) {
                        String key = m.strValue(k);
                        if (key.codePointCount(0, key.length()) != 1) {
                            throw in.error("ValueError", "string keys in translate table must be of length 1");
                        }
                        long code = in.newInt(key.codePointAt(0));
                        m.dictSet(table, code, v);
                        m.decref(code);
                    } else if (kk == K_INT || kk == K_BOOL) {
                        m.dictSet(table, k, v);
                    } else {
                        throw in.typeError("keys in translate table must be strings or integers");
                    }
                });
                return table;
            }
            if (in.kind(a[0]) != K_STR) {
                throw in.typeError("maketrans() argument 1 must be str, not " + in.classOf(a[0]).name);
            }
            if (in.kind(a[1]) != K_STR) {
                throw in.typeError("maketrans() argument 2 must be str, not " + in.classOf(a[1]).name);
            }
            int[] from = m.strValue(a[0]).codePoints().toArray();
            int[] to = m.strValue(a[1]).codePoints().toArray();
            if (from.length != to.length) {
                throw in.error("ValueError", "the first two maketrans arguments must have equal length");
            }
            for (int i = 0; i < from.length; i++) {
                long k = in.newInt(from[i]);
                long v = in.newInt(to[i]);
                m.dictSet(table, k, v);
                m.decref(k);
                m.decref(v);
            }
            if (n > 2) {
                if (in.kind(a[2]) != K_STR) {
                    throw in.typeError("maketrans() argument 3 must be str, not " + in.classOf(a[2]).name);
                }
                for (int cp : m.strValue(a[2]).codePoints().toArray()) {
                    long k = in.newInt(cp);
                    m.dictSet(table, k, in.none);
                    m.decref(k);
                }
            }
            return table;
        } catch (RuntimeException e) {
            m.decref(table);
            throw e;
        }
    }

    /** str.translate(table): each code point looked up in table; missing (LookupError) kept, None deleted. */
    private static long strTranslate(Interp in, String s, long table) {
        Mutator m = in.m;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            long key = in.newInt(cp);
            long v;
            try {
                v = Operators.getitem(in, table, key);
            } catch (PyRaise e) {
                if (!in.isInstance(e.exc, "LookupError")) {
                    throw e;
                }
                m.decref(e.exc);
                sb.appendCodePoint(cp);
                continue;
            } finally {
                m.decref(key);
            }
            try {
                int k = in.kind(v);
                if (v == in.none) {
                    continue;
                }
                if (k == K_STR) {
                    sb.append(m.strValue(v));
                } else if (k == K_INT || k == K_BOOL) {
                    long code = in.os.intFitsLong(v) ? m.intValue(v) : -1;
                    if (code < 0 || code > 0x10ffff) {
                        throw in.typeError("character mapping must be in range(0x110000)");
                    }
                    sb.appendCodePoint((int) code);
                } else {
                    throw in.typeError("character mapping must return integer, None or str");
                }
            } finally {
                m.decref(v);
            }
        }
        // the translation is written into a str of its own (a fresh object even for one character)
        return sb.isEmpty() ? in.newStr("") : in.os.newFreshStr(sb.toString());
    }

    /** str.expandtabs: each tab to spaces up to the next multiple of tabsize; columns restart at \\n and \\r. */
    private static String expandTabs(String s, int tabsize) {
        StringBuilder sb = new StringBuilder(s.length());
        int column = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\t') {
                if (tabsize > 0) {
                    int spaces = tabsize - column % tabsize;
                    sb.repeat(' ', spaces);
                    column += spaces;
                }
            } else {
                sb.append(ch);
                column = ch == '\n' || ch == '\r' ? 0 : column + 1;
            }
        }
        return sb.toString();
    }

    /** Whether the code point is cased (has an upper, lower or title case form of its own kind). */
    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /** str.isprintable: no code point of the categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs except the space. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** str.istitle: cased characters, upper or title case only after uncased ones, lower case only after cased. */
    private static boolean isTitle(String s) {
        boolean cased = false;
        boolean previousCased = false;
        for (int cp : s.codePoints().toArray()) {
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (previousCased) {
                    return false;
                }
                previousCased = cased = true;
            } else if (Character.isLowerCase(cp)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = cased = true;
            } else {
                previousCased = false;
            }
        }
        return cased;
    }

    /** A result written into a str of its own (case operations, replace): fresh even for one character, unless empty. */
    private static long caseResult(Interp in, String result) {
        return result.isEmpty() ? in.newStr("") : in.os.newFreshStr(result);
    }

    /**
     * str.format and str.format_map: positional fields from {@code positional} (borrowed), named ones from
     * {@code named} (a new reference). A text without braces is the str itself.
     */
    private static long formatStr(Interp in, long self, String s, long[] positional,
            java.util.function.Function<String, Long> named) {
        if (s.indexOf('{') < 0 && s.indexOf('}') < 0) {
            // one literal chunk covering the whole str: the writer hands back that object (a subclass's too)
            return in.incref(self);
        }
        StringBuilder sb = new StringBuilder();
        int auto = 0;
        boolean manual = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '{') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    sb.append('{');
                    i++;
                    continue;
                }
                int close = fieldEnd(s, i + 1);
                if (close < 0) {
                    throw in.error("ValueError", "expected '}' before end of string");
                }
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
                // the argument's name, then any .attribute and [index] parts (field_name's grammar)
                int end = 0;
                while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
                    end++;
                }
                String arg = field.substring(0, end);
                long v;
                if (arg.isEmpty() || arg.chars().allMatch(Character::isDigit)) {
                    // numbering is all automatic ({}) or all manual ({0}), never both
                    if (arg.isEmpty() ? manual : auto > 0) {
                        throw in.error("ValueError", arg.isEmpty()
                                ? "cannot switch from manual field specification to automatic field numbering"
                                : "cannot switch from automatic field numbering to manual field specification");
                    }
                    manual |= !arg.isEmpty();
                    int index = arg.isEmpty() ? auto++ : Integer.parseInt(arg);
                    if (index >= positional.length) {
                        throw in.error("IndexError", "Replacement index " + index + " out of range for positional args tuple");
                    }
                    v = in.incref(positional[index]);
                } else {
                    v = named.apply(arg);
                }
                v = fieldParts(in, v, field.substring(end));
                try {
                    String text = conv == 'r' ? Formats.formatStr(in.repr(v), spec) : conv == 's'
                            ? Formats.formatStr(in.str(v), spec) : Builtins.format(in, v, spec);
                    sb.append(text);
                } finally {
                    in.m.decref(v);
                }
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

    /** The '}' closing a replacement field that starts at from: a '}' inside [...] does not; −1 when none does. */
    private static int fieldEnd(String s, int from) {
        boolean bracket = false;
        boolean name = true; // brackets count in the field name only, not in the conversion or format spec
        int nested = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (bracket) {
                bracket = c != ']';
            } else if (name && c == '[') {
                bracket = true;
            } else if (name && (c == ':' || c == '!')) {
                name = false;
            } else if (c == '{') {
                nested++;
            } else if (c == '}') {
                if (nested == 0) {
                    return i;
                }
                nested--;
            }
        }
        return -1;
    }

    /** Follows a replacement field's .attribute and [index] parts from v (consumed). New reference. */
    private static long fieldParts(Interp in, long v, String parts) {
        int i = 0;
        while (i < parts.length()) {
            char c = parts.charAt(i);
            long next;
            if (c == '.') {
                int j = i + 1;
                while (j < parts.length() && parts.charAt(j) != '.' && parts.charAt(j) != '[') {
                    j++;
                }
                String attr = parts.substring(i + 1, j);
                if (attr.isEmpty()) {
                    in.m.decref(v);
                    throw in.error("ValueError", "Empty attribute in format string");
                }
                try {
                    next = in.getattr(v, attr);
                } finally {
                    in.m.decref(v);
                }
                i = j;
            } else if (c == '[') {
                int j = parts.indexOf(']', i);
                if (j < 0) {
                    in.m.decref(v);
                    throw in.error("ValueError", "Missing ']' in format string");
                }
                String key = parts.substring(i + 1, j);
                long k = !key.isEmpty() && key.chars().allMatch(Character::isDigit) ? in.newInt(Long.parseLong(key)) : in.newStr(key);
                try {
                    next = Operators.getitem(in, v, k);
                } finally {
                    in.m.decref(k);
                    in.m.decref(v);
                }
                i = j + 1;
            } else {
                in.m.decref(v);
                throw in.error("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
            }
            v = next;
        }
        return v;
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
