package org.pymemlab.frontend.interp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments each built-in function takes, and the TypeError CPython gives otherwise, worded as its calling
 * convention words it (the same in 3.11, 3.12 and 3.13): {@code len() takes exactly one argument (0 given)}
 * (METH_O), {@code isinstance expected 2 arguments, got 1} (_PyArg_CheckPositional), {@code round() missing
 * required argument 'number' (pos 1)} (Argument Clinic), and the keywords each one takes.
 */
final class BuiltinSignatures {

    private BuiltinSignatures() {
    }

    private enum Style {
        /** METH_NOARGS. */
        NONE,
        /** METH_O. */
        ONE,
        /** _PyArg_CheckPositional: "f expected [at least|at most] n arguments, got m". */
        CHECK,
        /** Argument Clinic: positional-or-keyword {@code params}, the first {@code min} required. */
        CLINIC,
        /** Argument Clinic with positional-only parameters: "f() takes at least n positional arguments". */
        CLINIC_POSITIONAL,
        /** Any number of positional arguments. */
        ANY,
        /** map: "map() must have at least two arguments." */
        MAP,
        /** enumerate's own vectorcall. */
        ENUMERATE
    }

    /**
     * A function's signature: its style, the positional arguments it needs and takes, the names of its
     * positional-or-keyword parameters (Clinic), the keywords it takes (null: none) and the name its keyword
     * errors give (sorted's are list.sort's).
     */
    record Signature(Style style, int min, int max, List<String> params, List<String> keywords,
                             String keywordOwner) {
    }

    private static final Map<String, Signature> SIGNATURES = new HashMap<>();

    static {
        for (String name : "len abs repr hash id any all chr ord hex bin oct callable ascii".split(" ")) {
            put(name, Style.ONE, 1, 1);
        }
        for (String name : "isinstance issubclass hasattr delattr divmod filter".split(" ")) {
            put(name, Style.CHECK, 2, 2);
        }
        put("setattr", Style.CHECK, 3, 3);
        put("reversed", Style.CHECK, 1, 1);
        put("getattr", Style.CHECK, 2, 3);
        put("iter", Style.CHECK, 1, 2);
        put("next", Style.CHECK, 1, 2);
        put("format", Style.CHECK, 1, 2);
        put("vars", Style.CHECK, 0, 1);
        put("dir", Style.CHECK, 0, 1);
        put("globals", Style.NONE, 0, 0);
        put("locals", Style.NONE, 0, 0);
        put("map", Style.MAP, 2, Integer.MAX_VALUE);
        put("exit", Style.CHECK, 0, 1);
        put("input", Style.CHECK, 0, 1);
        put("aiter", Style.ONE, 1, 1);
        put("anext", Style.CHECK, 1, 2);
        put("quit", Style.CHECK, 0, 1);
        SIGNATURES.put("print", new Signature(Style.ANY, 0, Integer.MAX_VALUE, List.of(),
                List.of("sep", "end", "file", "flush"), "print"));
        SIGNATURES.put("zip", new Signature(Style.ANY, 0, Integer.MAX_VALUE, List.of(), List.of("strict"), "zip"));
        SIGNATURES.put("sorted", new Signature(Style.CHECK, 1, 1, List.of(), List.of("key", "reverse"), "sort"));
        for (String name : new String[] {"min", "max"}) {
            SIGNATURES.put(name, new Signature(Style.CHECK, 1, Integer.MAX_VALUE, List.of(), List.of("key", "default"),
                    name));
        }
        SIGNATURES.put("sum", new Signature(Style.CLINIC_POSITIONAL, 1, 2, List.of(), List.of("start"), "sum"));
        SIGNATURES.put("round", new Signature(Style.CLINIC, 1, 2, List.of("number", "ndigits"),
                List.of("number", "ndigits"), "round"));
        SIGNATURES.put("pow", new Signature(Style.CLINIC, 2, 3, List.of("base", "exp", "mod"),
                List.of("base", "exp", "mod"), "pow"));
        SIGNATURES.put("enumerate", new Signature(Style.ENUMERATE, 1, 2, List.of("iterable", "start"),
                List.of("iterable", "start"), "enumerate"));
    }

    private static void put(String name, Style style, int min, int max) {
        SIGNATURES.put(name, new Signature(style, min, max, List.of(), null, name));
    }

    /** The signature of built-in function {@code name}, or null when it takes any arguments. */
    static Signature of(String name) {
        return SIGNATURES.get(name);
    }

    /** CPython's TypeError when built-in {@code name} (signature {@code s}) cannot take these arguments. */
    static void check(Interp in, String name, Signature s, long[] args, String[] kw) {
        if (s == null) {
            return;
        }
        int nkw = kw == null ? 0 : kw.length;
        int n = args.length - nkw;
        if (nkw > 0 && s.keywords == null) {
            throw in.typeError(name + "() takes no keyword arguments");
        }
        if (s.style == Style.ENUMERATE || s.style == Style.ANY) {
            checkKeywords(in, s, kw, s.style == Style.ENUMERATE);
        }
        switch (s.style) {
            case NONE -> {
                if (n != 0) {
                    throw in.typeError(name + "() takes no arguments (" + n + " given)");
                }
            }
            case ONE -> {
                if (n != 1) {
                    throw in.typeError(name + "() takes exactly one argument (" + n + " given)");
                }
            }
            case CHECK -> {
                if (n < s.min || n > s.max) {
                    throw in.typeError(s.min == s.max ? name + " expected " + s.min + " argument" + plural(s.min) + ", got " + n
                            : n < s.min ? name + " expected at least " + s.min + " argument" + plural(s.min) + ", got " + n
                            : name + " expected at most " + s.max + " argument" + plural(s.max) + ", got " + n);
                }
            }
            case MAP -> {
                if (n < 2) {
                    throw in.typeError("map() must have at least two arguments.");
                }
            }
            case CLINIC_POSITIONAL -> {
                if (n + nkw > s.max) {
                    throw in.typeError(name + "() takes at most " + s.max + " arguments (" + (n + nkw) + " given)");
                }
                if (n < s.min) {
                    throw in.typeError(name + "() takes at least " + s.min + " positional argument" + plural(s.min)
                            + " (" + n + " given)");
                }
            }
            case CLINIC, ENUMERATE -> {
                if (n + nkw > s.max) {
                    throw in.typeError(name + "() takes at most " + s.max + " arguments (" + (n + nkw) + " given)");
                }
                if (s.style == Style.ENUMERATE && n + nkw == 0) {
                    throw in.typeError("enumerate() missing required argument 'iterable'");
                }
                for (int i = n; i < s.min; i++) {
                    if (kw == null || !List.of(kw).contains(s.params.get(i))) {
                        throw in.typeError(name + "() missing required argument '" + s.params.get(i) + "' (pos "
                                + (i + 1) + ")");
                    }
                }
                for (int i = 0; i < n && kw != null; i++) {
                    if (List.of(kw).contains(s.params.get(i))) {
                        throw in.typeError("argument for " + name + "() given by name ('" + s.params.get(i)
                                + "') and position (" + (i + 1) + ")");
                    }
                }
            }
            case ANY -> {
            }
        }
        if (s.style != Style.ENUMERATE && s.style != Style.ANY) {
            checkKeywords(in, s, kw, false);
        }
    }

    /** The keywords of the built-in types' constructors; a type not listed takes none. */
    private static final Map<String, List<String>> CONSTRUCTOR_KEYWORDS = Map.of(
            "int", List.of("base"),
            "str", List.of("object", "encoding", "errors"),
            "bytes", List.of("source", "encoding", "errors"),
            "property", List.of("fget", "fset", "fdel", "doc"));

    /** How many positional arguments each built-in type's constructor takes at most (at least: see below). */
    private static final Map<String, Integer> CONSTRUCTOR_MAX = Map.ofEntries(
            Map.entry("range", 3), Map.entry("slice", 3), Map.entry("list", 1), Map.entry("tuple", 1),
            Map.entry("set", 1), Map.entry("frozenset", 1), Map.entry("float", 1), Map.entry("bool", 1),
            Map.entry("dict", 1), Map.entry("staticmethod", 1), Map.entry("classmethod", 1), Map.entry("int", 2),
            Map.entry("str", 3), Map.entry("bytes", 3), Map.entry("property", 4));

    /**
     * CPython's TypeError when built-in type {@code name} (an exact built-in, not a subclass) cannot be called
     * with these arguments: its keywords, then its count (tp_new's _PyArg_NoKeywords, _PyArg_CheckPositional or
     * Argument Clinic, whose wording for int and str changed in 3.13).
     */
    static void checkConstructor(Interp in, String name, long[] args, String[] kw) {
        int nkw = kw == null ? 0 : kw.length;
        int n = args.length - nkw;
        if (name.equals("object")) {
            if (n + nkw > 0) {
                throw in.typeError("object() takes no arguments");
            }
            return;
        }
        Integer max = CONSTRUCTOR_MAX.get(name);
        if (max == null) {
            return; // type, super, dict's keywords and the rest check their own
        }
        List<String> keywords = CONSTRUCTOR_KEYWORDS.get(name);
        if (nkw > 0 && keywords == null && !name.equals("dict")) {
            throw in.typeError(name + "() takes no keyword arguments");
        }
        int min = switch (name) {
            case "range", "slice", "staticmethod", "classmethod" -> 1;
            default -> 0;
        };
        boolean clinic = keywords != null && !(in.minor >= 13 && (name.equals("int") || name.equals("str")));
        if (clinic && n + nkw > max) {
            throw in.typeError(name + "() takes at most " + max + " argument" + plural(max) + " (" + (n + nkw) + " given)");
        }
        if (n < min || n > max) {
            throw in.typeError(min == max ? name + " expected " + min + " argument" + plural(min) + ", got " + n
                    : n < min ? name + " expected at least " + min + " argument" + plural(min) + ", got " + n
                    : name + " expected at most " + max + " argument" + plural(max) + ", got " + n);
        }
        for (int i = 0; i < nkw && keywords != null; i++) {
            if (!keywords.contains(kw[i])) {
                throw KeywordErrors.builtin(in, name, kw[i], keywords);
            }
        }
    }

    private static void checkKeywords(Interp in, Signature s, String[] kw, boolean oldMessage) {
        if (kw == null) {
            return;
        }
        for (String k : kw) {
            if (!s.keywords.contains(k)) {
                throw oldMessage ? in.typeError("'" + k + "' is an invalid keyword argument for " + s.keywordOwner + "()")
                        : KeywordErrors.builtin(in, s.keywordOwner, k, s.keywords);
            }
        }
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}
