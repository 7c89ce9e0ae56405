package org.pymemlab.frontend.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.pymemlab.frontend.PySyntaxError;
import org.pymemlab.frontend.ast.Module;
import org.pymemlab.frontend.lexer.Lexer;
import org.pymemlab.frontend.parser.Parser;

/**
 * What every input to the frontend must end with, whatever it is: the tokenizer returns its tokens or throws a
 * {@link PySyntaxError}, and the parser returns a {@link Module} or throws a {@link PySyntaxError} of one of
 * CPython's three syntax classes, whose line is one of the input's (or the one after the last, where CPython
 * reports an unexpected end of file) — each within {@link #TIME_BOUND}. Any other exception, an
 * {@link StackOverflowError}, or a hang fails the property, with the input printed as a Java string literal.
 */
final class FrontendOutcome {

    /**
     * Per input, tokenizing and parsing together: a hang guard, not a speed test. The slowest edge input (a
     * 100,000-digit literal) takes 0.2-1 s on a loaded 2-core machine; 2 s proved too tight there.
     */
    static final Duration TIME_BOUND = Duration.ofSeconds(10);

    private static final Set<String> SYNTAX_CLASSES = Set.of("SyntaxError", "IndentationError", "TabError");

    /** Inputs checked in this JVM, and how many of them parsed: printed at the end for the record. */
    static final AtomicInteger CHECKED = new AtomicInteger();
    static final AtomicInteger ACCEPTED = new AtomicInteger();

    private FrontendOutcome() {
    }

    /** Tokenizes and parses {@code source}; fails unless both end cleanly in time. Returns whether it parsed. */
    static boolean check(String source) {
        boolean accepted = assertTimeoutPreemptively(TIME_BOUND, () -> {
            tokenize(source);
            return parse(source);
        }, () -> "no result within " + TIME_BOUND + " for " + literal(source));
        CHECKED.incrementAndGet();
        if (accepted) {
            ACCEPTED.incrementAndGet();
        }
        return accepted;
    }

    private static void tokenize(String source) {
        try {
            assertNotNull(new Lexer(source, "<fuzz>").tokenizeAll());
        } catch (PySyntaxError e) {
            checkError(source, e);
        } catch (Throwable t) {
            throw new AssertionError("tokenizer threw " + t + " for " + literal(source), t);
        }
    }

    private static boolean parse(String source) {
        try {
            assertNotNull(Parser.parseModule(source, "<fuzz>"));
            return true;
        } catch (PySyntaxError e) {
            checkError(source, e);
            return false;
        } catch (Throwable t) {
            throw new AssertionError("parser threw " + t + " for " + literal(source), t);
        }
    }

    private static void checkError(String source, PySyntaxError e) {
        assertNotNull(e.type(), () -> "no type: " + e + " for " + literal(source));
        assertTrue(SYNTAX_CLASSES.contains(e.type().pyName()), () -> e.type() + " for " + literal(source));
        assertNotNull(e.msg(), () -> "no message for " + literal(source));
        assertTrue(!e.msg().isBlank(), () -> "blank message for " + literal(source));
        int lines = lineCount(source);
        assertTrue(e.line() >= 1 && e.line() <= lines + 1,
                () -> "line " + e.line() + " outside 1.." + (lines + 1) + " (" + e.type().pyName() + ": " + e.msg()
                        + ") for " + literal(source));
        // format() is what a user sees; it must not throw either, whatever the positions are.
        assertNotNull(e.format());
    }

    /** Lines as CPython's tokenizer counts them (after \r\n and \r become \n). */
    static int lineCount(String source) {
        String s = Lexer.normalize(source);
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return Math.max(n, 1);
    }

    /** The input as a Java string literal, to paste into a regression test. */
    static String literal(String s) {
        String shown = s.length() > 2000 ? s.substring(0, 2000) : s;
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
        if (s.length() > shown.length()) {
            b.append(" ... (").append(s.length()).append(" chars)");
        }
        return b.toString();
    }
}
