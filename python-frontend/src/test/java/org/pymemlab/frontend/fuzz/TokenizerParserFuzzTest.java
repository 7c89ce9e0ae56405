package org.pymemlab.frontend.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the tokenizer and parser: whatever the input, each ends with tokens / a {@code Module} or with a
 * {@code SyntaxError}, {@code IndentationError} or {@code TabError} on one of the input's lines, within
 * {@link FrontendOutcome#TIME_BOUND} — no other exception, no escaping {@link StackOverflowError}, no hang.
 *
 * <p>CI size: {@value FuzzSize#CI_TRIES} inputs per property. Nightly size: {@code -Dpymem.fuzz.tries=N}, e.g.
 * {@code mvn -B -pl python-frontend test -Dtest='org/pymemlab/frontend/fuzz/**' -Dpymem.fuzz.tries=20000}.
 * A failure prints the input as a Java string literal and jqwik's seed ({@code target/jqwik-database} replays it).
 */
@AddLifecycleHook(FuzzSize.class)
class TokenizerParserFuzzTest {

    @Property(shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void characterSoup(@ForAll("charSoup") String source) {
        FrontendOutcome.check(source);
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void byteSoup(@ForAll("byteSoup") String source) {
        FrontendOutcome.check(source);
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void tokenSequences(@ForAll("tokenSequence") String source) {
        FrontendOutcome.check(source);
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void mutatedValidPrograms(@ForAll("mutatedProgram") PythonSoup.MutatedProgram program) {
        FrontendOutcome.check(program.source());
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void deepNesting(@ForAll("nestCase") PythonSoup.NestCase nest) {
        FrontendOutcome.check(nest.source());
    }

    /** Every nesting shape at the depths around the limits (200 brackets, 100 indents, 1000 expressions) and far past them. */
    @Example
    void everyNestingShapeAtTheLimitsAndFarPast() {
        for (PythonSoup.Nest nest : PythonSoup.NESTS) {
            for (int depth : List.of(1, 99, 100, 101, 150, 199, 200, 201, 999, 1000, 1001, 3000, 10_000)) {
                for (boolean closed : List.of(true, false)) {
                    FrontendOutcome.check(new PythonSoup.NestCase(nest, depth, closed, "").source());
                }
            }
        }
    }

    /** The unmutated programs parse: the mutations start from valid input, so a rejection means a mutation. */
    @Example
    void theValidProgramsParse() {
        for (String source : PythonSoup.validSources()) {
            assertEquals(true, FrontendOutcome.check(source), () -> FrontendOutcome.literal(source));
        }
    }

    /** Inputs that once broke, or that sit on an edge of the tokenizer. */
    @Example
    void edgeInputs() {
        for (String source : List.of("", "\n", "\r", "\r\n", "\ufeff", "\ufeff\ufeff", "\u0000", "\\", "\\\n", "\\\r",
                "\t", " \t", "\t x", "if x:\n\tpass\n        pass\n", "\f", "\u000b", "'", "'''", "f'", "f'{", "f'{'",
                "f'{x:{y:{z}}}'", "f'{x!}'", "\ud800", "\udc00x", "x = '\ud800'", "#\ud800", "# coding: latin-1\nx",
                "0" + "_0".repeat(5000), "1" + "0".repeat(100_000), "'" + "a".repeat(200_000) + "'",
                "x" + ".x".repeat(50_000), "x = 1\n".repeat(20_000), "(".repeat(100_000), ")".repeat(100_000),
                " ".repeat(10_000) + "x", "if x:\n" + " ".repeat(100_000) + "pass\n")) {
            FrontendOutcome.check(source);
        }
    }

    @AfterContainer
    static void report() {
        System.out.println("frontend fuzz: " + FrontendOutcome.CHECKED.get() + " inputs checked, "
                + FrontendOutcome.ACCEPTED.get() + " parsed, the rest SyntaxError/IndentationError/TabError");
        assertFalse(FrontendOutcome.CHECKED.get() == 0);
    }

    @Provide
    Arbitrary<String> charSoup() {
        return PythonSoup.charSoup();
    }

    @Provide
    Arbitrary<String> byteSoup() {
        return PythonSoup.byteSoup();
    }

    @Provide
    Arbitrary<String> tokenSequence() {
        return PythonSoup.tokenSequence();
    }

    @Provide
    Arbitrary<PythonSoup.MutatedProgram> mutatedProgram() {
        return PythonSoup.mutatedProgram();
    }

    @Provide
    Arbitrary<PythonSoup.NestCase> nestCase() {
        return PythonSoup.nestCase();
    }
}
