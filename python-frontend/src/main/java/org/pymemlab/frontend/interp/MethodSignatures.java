package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.util.HashMap;
import java.util.Map;

/**
 * How many positional arguments each named method of the built-in types takes, and the TypeError CPython
 * gives otherwise, worded as its calling convention words it: {@code str.upper() takes no arguments (1
 * given)} (METH_NOARGS), {@code str.join() takes exactly one argument (0 given)} (METH_O), {@code center
 * expected at least 1 argument, got 0} (Argument Clinic, positional-only), {@code split() takes at most 2
 * arguments (3 given)} (Clinic with keywords). One table per kind, built once; a method not listed takes
 * any number (set.union, str.format).
 */
final class MethodSignatures {

    private MethodSignatures() {
    }

    private enum Style {
        /** METH_NOARGS. */
        NONE,
        /** METH_O. */
        ONE,
        /** Argument Clinic, positional-only (_PyArg_CheckPositional). */
        POSITIONAL,
        /** PyArg_ParseTuple's "takes at least/at most" before 3.13; Argument Clinic's positional-only in 3.13. */
        PARSE_TUPLE,
        /** Argument Clinic with keywords (_PyArg_UnpackKeywords). */
        KEYWORDS,
        /** str.replace: positional-only before 3.13, with the keyword count in 3.13. */
        REPLACE
    }

    /**
     * A method's signature: its calling convention, the positional arguments it needs and takes, the
     * parameters it has in all (keyword ones included), the first required parameter's name (Clinic's "missing
     * required argument") and whether it is a static or class method.
     */
    record Signature(Style style, int min, int max, int total, String required, boolean typeLevel,
                     java.util.List<String> keywords) {

        Signature(Style style, int min, int max, int total, String required, boolean typeLevel) {
            this(style, min, max, total, required, typeLevel, java.util.List.of());
        }

        /** The same signature taking these keyword names. */
        Signature withKeywords(String names) {
            return new Signature(style, min, max, total, required, typeLevel, java.util.List.of(names.split(" ")));
        }
    }

    private static final int KINDS = K_MEMORYVIEW + 1;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Map<String, Signature>[] BY_KIND = new Map[KINDS];

    static {
        int[] text = {K_STR, K_BYTES, K_BYTEARRAY};
        for (int kind : text) {
            String caseless = kind == K_STR ? " casefold isdecimal isidentifier isnumeric isprintable" : "";
            add(kind, Style.NONE, 0, 0, "capitalize isalnum isalpha isascii isdigit islower isspace istitle isupper lower"
                    + " swapcase title upper" + caseless);
            add(kind, Style.ONE, 1, 1, "join partition removeprefix removesuffix rpartition zfill"
                    + (kind == K_STR ? " format_map translate" : " fromhex"));
            add(kind, Style.POSITIONAL, 1, 2, "center ljust rjust");
            add(kind, Style.POSITIONAL, 0, 1, "lstrip rstrip strip");
            add(kind, Style.PARSE_TUPLE, 1, 3, "count endswith find index rfind rindex startswith");
            keywords(kind, 0, 2, "rsplit split", "sep maxsplit");
            keywords(kind, 0, 2, kind == K_STR ? "encode" : "decode", "encoding errors");
            keywords(kind, 0, 1, "expandtabs", "tabsize");
            keywords(kind, 0, 1, "splitlines", "keepends");
        }
        put(K_STR, "replace", new Signature(Style.REPLACE, 2, 3, 3, null, false).withKeywords("count"));
        put(K_STR, "maketrans", new Signature(Style.POSITIONAL, 1, 3, 3, null, true));
        for (int kind : new int[] {K_BYTES, K_BYTEARRAY}) {
            keywords(kind, 0, 2, "hex", "sep bytes_per_sep");
            add(kind, Style.POSITIONAL, 2, 3, "replace");
            put(kind, "translate", new Signature(Style.KEYWORDS, 1, 2, 2, null, false).withKeywords("delete"));
            put(kind, "maketrans", new Signature(Style.POSITIONAL, 2, 2, 2, null, true));
            put(kind, "fromhex", new Signature(Style.ONE, 1, 1, 1, null, true));
        }
        add(K_BYTEARRAY, Style.NONE, 0, 0, "clear copy reverse __alloc__");
        add(K_BYTEARRAY, Style.ONE, 1, 1, "append extend remove");
        add(K_BYTEARRAY, Style.POSITIONAL, 2, 2, "insert");
        add(K_BYTEARRAY, Style.POSITIONAL, 0, 1, "pop");
        add(K_MEMORYVIEW, Style.NONE, 0, 0, "tolist toreadonly release __enter__");
        keywords(K_MEMORYVIEW, 0, 1, "tobytes", "order");
        keywords(K_MEMORYVIEW, 0, 2, "hex", "sep bytes_per_sep");
        for (int kind : new int[] {K_INT, K_BOOL}) {
            add(kind, Style.NONE, 0, 0, "as_integer_ratio bit_count bit_length conjugate is_integer __sizeof__");
            put(kind, "to_bytes", new Signature(Style.KEYWORDS, 0, 2, 3, null, false)
                    .withKeywords("length byteorder signed"));
            put(kind, "from_bytes", new Signature(Style.KEYWORDS, 1, 2, 3, "bytes", true)
                    .withKeywords("bytes byteorder signed"));
        }
        add(K_FLOAT, Style.NONE, 0, 0, "as_integer_ratio conjugate hex is_integer");
        put(K_FLOAT, "fromhex", new Signature(Style.ONE, 1, 1, 1, null, true));
        add(K_LIST, Style.NONE, 0, 0, "clear copy reverse");
        add(K_LIST, Style.ONE, 1, 1, "append count extend remove");
        add(K_LIST, Style.POSITIONAL, 1, 3, "index");
        add(K_LIST, Style.POSITIONAL, 2, 2, "insert");
        add(K_LIST, Style.POSITIONAL, 0, 1, "pop");
        put(K_LIST, "sort", new Signature(Style.KEYWORDS, 0, 0, 2, null, false).withKeywords("key reverse"));
        add(K_TUPLE, Style.ONE, 1, 1, "count");
        add(K_TUPLE, Style.POSITIONAL, 1, 3, "index");
        add(K_DICT, Style.NONE, 0, 0, "clear copy items keys values popitem");
        add(K_DICT, Style.POSITIONAL, 1, 2, "get pop setdefault");
        add(K_DICT, Style.POSITIONAL, 0, 1, "update");
        put(K_DICT, "fromkeys", new Signature(Style.POSITIONAL, 1, 2, 2, null, true));
        add(K_SET, Style.NONE, 0, 0, "clear copy pop");
        add(K_SET, Style.ONE, 1, 1, "add discard isdisjoint issubset issuperset remove symmetric_difference"
                + " symmetric_difference_update");
        add(K_FROZENSET, Style.NONE, 0, 0, "copy");
        add(K_FROZENSET, Style.ONE, 1, 1, "isdisjoint issubset issuperset symmetric_difference");
    }

    /** Argument Clinic methods taking these keyword names. */
    private static void keywords(int kind, int min, int max, String names, String keywords) {
        for (String name : names.split(" ")) {
            put(kind, name, new Signature(Style.KEYWORDS, min, max, max, null, false).withKeywords(keywords));
        }
    }

    private static void add(int kind, Style style, int min, int max, String names) {
        for (String name : names.split(" ")) {
            put(kind, name, new Signature(style, min, max, max, null, false));
        }
    }

    private static void put(int kind, String name, Signature signature) {
        if (BY_KIND[kind] == null) {
            BY_KIND[kind] = new HashMap<>();
        }
        BY_KIND[kind].put(name, signature);
    }

    /** The last method looked up for each kind: a loop calling one method finds it without hashing the name. */
    private record Recent(String name, Signature signature) {
    }

    private static final Recent[] RECENT = new Recent[KINDS];

    /** The signature of the method of the built-in of that kind, or null (any arguments, or not a method). */
    static Signature of(int kind, String name) {
        if (kind >= KINDS) {
            return null;
        }
        Recent recent = RECENT[kind]; // an immutable pair: a racing writer leaves a whole entry either way
        if (recent != null && recent.name == name) {
            return recent.signature;
        }
        Map<String, Signature> names = BY_KIND[kind];
        Signature s = names == null ? null : names.get(name);
        RECENT[kind] = new Recent(name, s);
        return s;
    }

    /** CPython's TypeError when the method cannot take n positional arguments (and these keywords). */
    static void check(Interp in, int kind, String name, Signature s, int n, String[] kw) {
        if (s == null || kw == null && n >= s.min && n <= s.max) {
            return;
        }
        boolean keywords = kw != null && kw.length > 0;
        boolean takesKeywords = s.style == Style.KEYWORDS || s.style == Style.REPLACE && in.minor >= 13
                || kind == K_DICT && name.equals("update");
        if (keywords && !takesKeywords) {
            throw in.typeError(owner(kind) + "." + name + "() takes no keyword arguments");
        }
        if (keywords && s.style == Style.KEYWORDS && n + kw.length > s.total) {
            throw in.typeError(name + "() takes at most " + s.total + " argument" + plural(s.total) + " ("
                    + (n + kw.length) + " given)");
        }
        if (n >= s.min && n <= s.max || n < s.min && s.required != null && keywords
                && java.util.Arrays.asList(kw).contains(s.required)) { // int.from_bytes(bytes=...)
            if (keywords && !(kind == K_DICT && name.equals("update"))) {
                for (String k : kw) {
                    if (!s.keywords.contains(k)) {
                        throw KeywordErrors.builtin(in, name, k, s.keywords);
                    }
                }
            }
            return;
        }
        String owner = owner(kind);
        Style style = s.style;
        if (style == Style.PARSE_TUPLE && in.minor >= 13 || style == Style.REPLACE && in.minor < 13) {
            style = Style.POSITIONAL;
        }
        throw in.typeError(switch (style) {
            case NONE -> owner + "." + name + "() takes no arguments (" + n + " given)";
            case ONE -> owner + "." + name + "() takes exactly one argument (" + n + " given)";
            case POSITIONAL -> s.min == s.max ? name + " expected " + s.min + " argument" + plural(s.min) + ", got " + n
                    : n < s.min ? name + " expected at least " + s.min + " argument" + plural(s.min) + ", got " + n
                    : name + " expected at most " + s.max + " argument" + plural(s.max) + ", got " + n;
            case PARSE_TUPLE -> n < s.min ? name + "() takes at least " + s.min + " argument" + plural(s.min) + " (" + n + " given)"
                    : name + "() takes at most " + s.max + " argument" + plural(s.max) + " (" + n + " given)";
            case KEYWORDS, REPLACE -> n > s.total ? name + "() takes at most " + s.total + " argument" + plural(s.total) + " (" + n + " given)"
                    : n > s.max ? name + "() takes at most " + s.max + " positional argument" + plural(s.max) + " (" + n + " given)"
                    : s.required != null ? name + "() missing required argument '" + s.required + "' (pos " + (n + 1) + ")"
                    : name + "() takes at least " + s.min + " positional argument" + plural(s.min) + " (" + n + " given)";
        });
    }

    /** The type whose method it is (bool's are int's). */
    private static String owner(int kind) {
        return switch (kind) {
            case K_STR -> "str";
            case K_BYTES -> "bytes";
            case K_BYTEARRAY -> "bytearray";
            case K_MEMORYVIEW -> "memoryview";
            case K_INT, K_BOOL -> "int";
            case K_FLOAT -> "float";
            case K_LIST -> "list";
            case K_TUPLE -> "tuple";
            case K_DICT -> "dict";
            case K_SET -> "set";
            default -> "frozenset";
        };
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}
