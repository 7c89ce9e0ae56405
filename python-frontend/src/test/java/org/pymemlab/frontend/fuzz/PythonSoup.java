package org.pymemlab.frontend.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.pymemlab.frontend.lexer.TokenKind;

/** Generators of frontend input: character and byte soup, token sequences, mutated valid programs, deep nests. */
final class PythonSoup {

    private PythonSoup() {
    }

    /** Characters that mean something to the tokenizer, weighted towards them, plus some that mean nothing. */
    private static final String PYTHON_CHARS = "()[]{}'\"#\\:;,.=+-*/%@!<>&|^~ \t\n\r\f\u000b0123456789_eEjJxXoObBrRfFuU"
            + "abcdefghijklmnopqrstuvwxyz$?`\u0000\u00a0\u00e9\u03c0\u2028\u3000\ufeff\ud800\udc00";

    static Arbitrary<String> charSoup() {
        Arbitrary<Character> pythonish = Arbitraries.of(chars(PYTHON_CHARS));
        Arbitrary<Character> anything = Arbitraries.chars().all();
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, pythonish),
                        net.jqwik.api.Tuple.of(1, anything))
                .list().ofMinSize(0).ofMaxSize(300)
                .map(PythonSoup::join);
    }

    /** Random bytes read as a file would be: as UTF-8 (malformed sequences replaced) or as Latin-1. */
    static Arbitrary<String> byteSoup() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(400), Arbitraries.of(true, false))
                .as((bytes, utf8) -> new String(bytes, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    /** Fragments that are, or start, one token each. */
    static List<String> tokenSpellings() {
        List<String> spellings = new ArrayList<>();
        for (TokenKind k : TokenKind.values()) {
            if (k.text() != null) {
                spellings.add(k.text());
            }
        }
        spellings.addAll(List.of("x", "y", "_", "match", "case", "type", "print", "self", "é", "𝔘",
                "0", "1", "007", "0x1f", "0o7", "0b1", "1_000", "1.5", ".5e-3", "1j", "1e", "0x", "1__0",
                "'s'", "\"s\"", "'''t'''", "\"\"\"t\"\"\"", "b'b'", "rb'\\d'", "u'u'", "'unterminated", "'''open",
                "f'{x}'", "f'{x!r:>{w}}'", "f'{'", "f'}'", "f\"{x=}\"", "f'{f'{x}'}'", "rf'{x}\\n'",
                "\n", "\n", "\n", "    ", "\t", " ", "\\\n", "# comment", "\r\n", "\f", ";", "$", "?", "`"));
        return List.copyOf(spellings);
    }

    /** Token sequences, joined with spaces, with nothing (so tokens run together), or with newlines. */
    static Arbitrary<String> tokenSequence() {
        Arbitrary<List<String>> tokens = Arbitraries.of(tokenSpellings()).list().ofMaxSize(60);
        return Combinators.combine(tokens, Arbitraries.of(" ", "", "\n", "  "))
                .as((list, sep) -> String.join(sep, list));
    }

    // ------------------------------------------------------------------ mutations of valid programs

    enum Edit { DELETE_CHARS, DUPLICATE_CHARS, SWAP_CHARS, INSERT, DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS,
        INDENT_LINE, DEDENT_LINE, TAB_LINE, TRUNCATE, NEST }

    /** One edit at positions {@code a} and {@code b} (taken modulo the length), inserting {@code text}. */
    record Mutation(Edit edit, int a, int b, String text) {
    }

    private static final List<String> INSERTS = List.of("(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\"\"\"",
            ":", "\\", "\n", "\t", "    ", "#", "f'", "{", "=", ",", "*", "**", "lambda", "if", "else", "def",
            "class", "await", "yield", "\r", "\u0000", "\ufeff", "\ud83d", "(((((((((", ")))))))))");

    static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(Edit.class), Arbitraries.integers().between(0, 1 << 16),
                        Arbitraries.integers().between(0, 1 << 16), Arbitraries.of(INSERTS))
                .as(Mutation::new);
    }

    static Arbitrary<List<Mutation>> mutations() {
        return mutation().list().ofMinSize(1).ofMaxSize(6);
    }

    private static final Pattern TOKENISH = Pattern.compile("\\w+|\\s+|[^\\w\\s]");

    static String apply(String source, List<Mutation> edits) {
        String s = source;
        for (Mutation m : edits) {
            s = apply(s, m);
        }
        return s;
    }

    static String apply(String s, Mutation m) {
        int n = s.length();
        int a = n == 0 ? 0 : m.a() % (n + 1);
        int b = n == 0 ? 0 : m.b() % (n + 1);
        int lo = Math.min(a, b);
        int hi = Math.min(Math.max(a, b), lo + 40);
        switch (m.edit()) {
            case DELETE_CHARS:
                return s.substring(0, lo) + s.substring(hi);
            case DUPLICATE_CHARS:
                return s.substring(0, hi) + s.substring(lo, hi) + s.substring(hi);
            case SWAP_CHARS:
                if (n < 2) {
                    return s;
                }
                char[] cs = s.toCharArray();
                int i = m.a() % n;
                int j = m.b() % n;
                char t = cs[i];
                cs[i] = cs[j];
                cs[j] = t;
                return new String(cs);
            case INSERT:
                return s.substring(0, a) + m.text() + s.substring(a);
            case TRUNCATE:
                return s.substring(0, a);
            case NEST: {
                int depth = 1 + m.b() % 300;
                return s.substring(0, lo) + "(".repeat(depth) + s.substring(lo, hi) + ")".repeat(depth) + s.substring(hi);
            }
            case DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS:
                return editTokens(s, m);
            case INDENT_LINE, DEDENT_LINE, TAB_LINE:
                return editLine(s, m);
            default:
                throw new AssertionError(m);
        }
    }

    private static String editTokens(String s, Mutation m) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKENISH.matcher(s);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        if (tokens.isEmpty()) {
            return s;
        }
        int i = m.a() % tokens.size();
        int j = m.b() % tokens.size();
        switch (m.edit()) {
            case DELETE_TOKEN -> tokens.remove(i);
            case DUPLICATE_TOKEN -> tokens.add(i, tokens.get(i));
            default -> {
                String t = tokens.get(i);
                tokens.set(i, tokens.get(j));
                tokens.set(j, t);
            }
        }
        return String.join("", tokens);
    }

    private static String editLine(String s, Mutation m) {
        String[] lines = s.split("\n", -1);
        int i = m.a() % lines.length;
        String line = lines[i];
        lines[i] = switch (m.edit()) {
            case INDENT_LINE -> " ".repeat(1 + m.b() % 8) + line;
            case DEDENT_LINE -> line.substring(Math.min(line.length() - line.stripLeading().length(), 1 + m.b() % 8));
            default -> "\t" + line.stripLeading();
        };
        return String.join("\n", lines);
    }

    // ------------------------------------------------------------------ the valid programs

    private static List<String> validSources;

    /** The valid snippets and whole programs of the CPython 3.13 oracle file. */
    static synchronized List<String> validSources() {
        if (validSources == null) {
            try (InputStream in = PythonSoup.class.getResourceAsStream("/syntax/cpython-3.13.json")) {
                if (in == null) {
                    throw new IllegalStateException("syntax/cpython-3.13.json missing");
                }
                JsonNode root = new ObjectMapper().readTree(in);
                List<String> all = new ArrayList<>();
                for (String section : List.of("valid", "programs")) {
                    root.get(section).forEach(c -> all.add(c.get("src").asText()));
                }
                validSources = List.copyOf(all);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validSources;
    }

    /** A valid program with its edits; shown by jqwik as the program and the edits, shrinking both. */
    record MutatedProgram(String original, List<Mutation> edits) {
        String source() {
            return apply(original, edits);
        }

        @Override
        public String toString() {
            return FrontendOutcome.literal(source()) + " (from " + FrontendOutcome.literal(original) + " by " + edits + ")";
        }
    }

    static Arbitrary<MutatedProgram> mutatedProgram() {
        return Combinators.combine(Arbitraries.of(validSources()), mutations()).as(MutatedProgram::new);
    }

    // ------------------------------------------------------------------ deep nesting

    /** An opening and closing spelling whose repetition nests one level each. */
    record Nest(String name, String open, String middle, String close) {
        String build(int depth, boolean closed) {
            return open.repeat(depth) + middle + (closed ? close.repeat(depth) : "");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Nest> NESTS = List.of(
            new Nest("parens", "(", "x", ")"),
            new Nest("lists", "[", "x", "]"),
            new Nest("sets", "{", "x", "}"),
            new Nest("dicts", "{x:", "x", "}"),
            new Nest("calls", "f(", "x", ")"),
            new Nest("subscripts", "x[", "x", "]"),
            new Nest("tuples", "(x,", "x", ")"),
            new Nest("unary minus", "-", "x", ""),
            new Nest("unary tilde", "~", "x", ""),
            new Nest("not", "not ", "x", ""),
            new Nest("await", "await ", "x", ""),
            new Nest("power", "x**", "x", ""),
            new Nest("lambda", "lambda: ", "x", ""),
            new Nest("conditional", "x if x else ", "x", ""),
            new Nest("star", "*", "x", ""),
            new Nest("walrus", "(y:=", "x", ")"),
            new Nest("additions", "x+", "x", ""),
            new Nest("comparisons", "x<", "x", ""),
            new Nest("attributes", "x.", "x", ""),
            new Nest("strings", "'s' ", "'s'", ""),
            new Nest("f-strings", "f'{", "x", "}'"),
            new Nest("f-string dq", "f\"{", "x", "}\""),
            new Nest("generators", "(x for x in ", "x", ")"),
            new Nest("decorators", "@x\n", "def f(): pass", ""),
            new Nest("if blocks", "if x:\n", "pass", ""),
            new Nest("if inline", "if x: ", "pass", ""));

    record NestCase(Nest nest, int depth, boolean closed, String prefix) {
        String source() {
            String body = nest.build(depth, closed);
            if (nest.name().equals("if blocks")) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    b.append(" ".repeat(i)).append("if x:\n");
                }
                return prefix + b + " ".repeat(depth) + "pass\n";
            }
            return prefix + body;
        }

        @Override
        public String toString() {
            return nest + " x" + depth + (closed ? "" : " unclosed") + " after " + FrontendOutcome.literal(prefix);
        }
    }

    static Arbitrary<NestCase> nestCase() {
        Arbitrary<Integer> depth = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 300)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(300, 5000)));
        return Combinators.combine(Arbitraries.of(NESTS), depth, Arbitraries.of(true, true, false),
                Arbitraries.of("", "y = ", "print(", "def f():\n    return ", "x[", "async def f():\n return "))
                .as(NestCase::new);
    }

    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            out.add(c);
        }
        return out;
    }

    private static String join(List<Character> cs) {
        StringBuilder b = new StringBuilder(cs.size());
        cs.forEach(b::append);
        return b.toString();
    }
}
