package org.pymemlab.frontend.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pymemlab.frontend.PythonProgram;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

/**
 * The conformance corpus: every program under {@code corpus/} (not {@code pending/}) runs on each profile with
 * obmalloc, the generational collector and CPython interning, and its stdout must equal what the real CPython
 * printed ({@code corpus/expected/<profile>/<name>.out}, written by tools/oracle/frontend_generate.sh).
 */
class CorpusTest {

    static final List<String> PROFILES = List.of("cpython-3.11", "cpython-3.12", "cpython-3.13");

    static Path corpus() throws URISyntaxException {
        return Path.of(CorpusTest.class.getClassLoader().getResource("corpus").toURI());
    }

    static Stream<Arguments> programs() throws IOException, URISyntaxException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus())) {
            List<Path> programs = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
            for (String profile : PROFILES) {
                for (Path p : programs) {
                    out.add(Arguments.of(profile, p.getFileName().toString()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("programs")
    void matchesCpython(String profile, String program) throws Exception {
        Path dir = corpus();
        String source = Files.readString(dir.resolve(program));
        String name = program.substring(0, program.length() - 3);
        String expected = Files.readString(dir.resolve("expected").resolve(profile).resolve(name + ".out"));
        int expectedStatus = Integer.parseInt(Files.readString(dir.resolve("expected").resolve(profile)
                .resolve(name + ".status")).strip());
        var config = ConfigLayers.builder(CorpusTest.class.getClassLoader())
                .set("pymem.profile", profile)
                .set("pymem.allocator", "obmalloc")
                .set("pymem.collector", "generational")
                .set("pymem.interning", "cpython")
                .build().config();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        org.pymemlab.runtime.LeakReport leaks;
        java.io.InputStream savedIn = System.in;
        System.setIn(new java.io.ByteArrayInputStream(stdinOf(source).getBytes(StandardCharsets.UTF_8)));
        try (PyRuntime rt = PyRuntime.create(config);
             PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, false, StandardCharsets.UTF_8)) {
            status = PythonProgram.run(rt, source, program, dir, o, e); // as CPython runs it: in the corpus directory
            leaks = rt.leaks();
        } finally {
            System.setIn(savedIn);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(expected, shaped(expected, out.toString(StandardCharsets.UTF_8)),
                program + " on " + profile + "; stderr:\n" + stderr);
        assertEquals(expectedStatus, status, "exit status; stderr:\n" + stderr);
        // once the interpreter has exited, nothing is left but what gc.freeze() set aside for good
        if (!source.contains("gc.freeze(")) {
            assertEquals(0, leaks.objects(), program + " on " + profile + " leaves unreachable objects: " + leaks.byType());
        }
        Path errFile = dir.resolve("expected").resolve(profile).resolve(name + ".err");
        if (Files.exists(errFile)) {
            String expectedErr = Files.readString(errFile);
            assertEquals(expectedErr, shaped(expectedErr, mask(stderr)), program + " on " + profile + ": stderr");
        }
    }

    /**
     * The standard input a program's {@code # stdin: 'text'} line gives it (a quoted Python literal with
     * backslash escapes for newline and backslash), empty without one, as frontend_corpus.py gives CPython.
     */
    static String stdinOf(String source) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^# stdin: '(.*)'$", java.util.regex.Pattern.MULTILINE)
                .matcher(source.substring(0, Math.min(500, source.length())));
        if (!m.find()) {
            return "";
        }
        return m.group(1).replace("\\\\", "\u0000").replace("\\n", "\n").replace("\u0000", "\\");
    }

    /** The marker of a line CPython itself printed differently from run to run (tools/oracle/frontend_corpus.py). */
    static final String VARIES = "#VARIES#";

    /** The actual text with each line the expected text marks as varying replaced by the marker. */
    static String shaped(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        if (e.length != a.length || !expected.contains(VARIES)) {
            return actual;
        }
        for (int i = 0; i < e.length; i++) {
            if (e[i].equals(VARIES)) {
                a[i] = VARIES;
            }
        }
        return String.join("\n", a);
    }

    /** The masks of tools/oracle/frontend_corpus.py: timings, addresses, the permanent generation's size. */
    static String mask(String text) {
        return text.replaceAll("\\d+\\.\\d+s elapsed", "#s elapsed")
                .replaceAll("0x[0-9a-f]+", "0x#")
                .replaceAll("(objects in permanent generation: )\\d+", "$1#");
    }
}
