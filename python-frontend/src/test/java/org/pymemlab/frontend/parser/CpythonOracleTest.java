package org.pymemlab.frontend.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pymemlab.frontend.PySyntaxError;
import org.pymemlab.frontend.ast.AstDump;

/**
 * Compares the parser with CPython 3.13 on the cases of {@code tools/oracle/syntax_cases.py}
 * (expected values in {@code syntax/cpython-3.13.json}, written by that script).
 */
class CpythonOracleTest {

    private static JsonNode oracle() throws IOException {
        try (InputStream in = CpythonOracleTest.class.getResourceAsStream("/syntax/cpython-3.13.json")) {
            if (in == null) {
                throw new IllegalStateException("syntax/cpython-3.13.json missing: run tools/oracle/syntax_cases.py");
            }
            return new ObjectMapper().readTree(in);
        }
    }

    private static int counter;

    private static String shown(String src) {
        String s = src.length() > 60 ? src.substring(0, 60) + "..." : src;
        return "[" + (counter++) + "] " + s.replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String dumpOrError(String src) {
        try {
            return AstDump.dump(Parser.parseModule(src, "<unknown>"));
        } catch (PySyntaxError e) {
            return "raised " + e.type().pyName() + ": " + e.msg() + " at " + e.line() + ":" + e.offset();
        }
    }

    @TestFactory
    Stream<DynamicTest> validSnippetsDumpLikeCpython() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : oracle().get("valid")) {
            String src = c.get("src").asText();
            String expected = c.get("dump").asText();
            tests.add(DynamicTest.dynamicTest(shown(src), () -> assertEquals(expected, dumpOrError(src), src)));
        }
        assertTrue(tests.size() >= 150, "at least 150 valid cases");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> programsDumpLikeCpython() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : oracle().get("programs")) {
            String src = c.get("src").asText();
            String expected = c.get("dump").asText();
            tests.add(DynamicTest.dynamicTest("program " + (i++), () -> assertEquals(expected, dumpOrError(src))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidSnippetsFailLikeCpython() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : oracle().get("invalid")) {
            String src = c.get("src").asText();
            String check = c.get("check").asText();
            tests.add(DynamicTest.dynamicTest(shown(src), () -> {
                PySyntaxError e;
                try {
                    Parser.parseModule(src, "<unknown>");
                    fail("parsed, but CPython raises " + c.get("type").asText() + ": " + c.get("msg").asText());
                    return;
                } catch (PySyntaxError x) {
                    e = x;
                }
                String expected = c.get("type").asText() + " line " + c.get("lineno").asInt();
                String actual = e.type().pyName() + " line " + e.line();
                if (!check.equals("line")) {
                    expected += ": " + c.get("msg").asText();
                    actual += ": " + e.msg();
                }
                if (check.equals("all")) {
                    expected += " @" + c.get("offset").asInt();
                    actual += " @" + e.offset();
                }
                assertEquals(expected, actual, src);
            }));
        }
        assertTrue(tests.size() >= 40, "at least 40 invalid cases");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> unsupportedConstructsAreRefusedClearly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : oracle().get("unsupported")) {
            String src = c.get("src").asText();
            tests.add(DynamicTest.dynamicTest(shown(src), () -> {
                PySyntaxError e = assertThrows(PySyntaxError.class, () -> Parser.parseModule(src, "<unknown>"));
                assertTrue(e.msg().endsWith("not supported by PyMem Lab's frontend"), e.msg());
            }));
        }
        return tests.stream();
    }
}
