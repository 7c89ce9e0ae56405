package org.pymemlab.frontend.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pymemlab.frontend.PythonProgram;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

/**
 * The benchmark programs of tools/bench/frontend_bench.sh run on the interpreter and collect what CPython
 * collects (400,000 ring nodes; nothing from the all-alive traversal shape), so the benchmark times real work.
 */
class BenchProgramsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gc_collect, 400000", "gc_traversal, 0"})
    void oneRoundCollectsWhatCpythonCollects(String program, long collected) throws Exception {
        Path file = Path.of(BenchProgramsTest.class.getClassLoader().getResource("bench/" + program + ".py").toURI());
        var config = ConfigLayers.builder(BenchProgramsTest.class.getClassLoader())
                .set("pymem.profile", "cpython-3.13").build().config();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PyRuntime runtime = PyRuntime.create(config)) {
            status = PythonProgram.run(runtime.mutator(), Files.readString(file), file.toString(), List.of("1"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.matches("round 1: collected " + collected + ", whole [\\d.]+ s, collect [\\d.]+ s, cpu [\\d.]+ s, collect cpu [\\d.]+ s\n"), printed);
    }
}
