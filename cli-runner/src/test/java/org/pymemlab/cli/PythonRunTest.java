package org.pymemlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pymem run FILE.py} and {@code pymem run -c CODE}: the program owns stdout, the report goes to stderr. */
class PythonRunTest {

    @TempDir
    Path dir;

    @Test
    void aFileRunsWithItsOutputOnStdoutAndTheReportOnStderr() throws Exception {
        Path program = dir.resolve("cycle.py");
        Files.writeString(program, """
                import sys, gc
                class Node:
                    def __init__(self, nxt=None):
                        self.next = nxt
                a = Node(); b = Node(a); a.next = b
                print(sys.getrefcount(a), sys.getsizeof(a), sys.getsizeof([1, 2, 3]))
                del a, b
                print(gc.collect())
                print(sys.argv[1:])
                """);
        // expected output as CPython 3.13 prints it for this program (checked by hand against python3.13)
        CliRun run = CliRun.of("run", program.toString(), "x", "y", "--report", "json");
        assertEquals(0, run.status(), run::toString);
        assertEquals("3 48 88\n2\n['x', 'y']\n", run.out(), run::toString);
        var report = new ObjectMapper().readTree(run.err());
        assertEquals("cpython-3.13", report.get("profile").asText());
        assertTrue(report.at("/heap/objectsAllocated").asLong() > 0, run::toString);
    }

    @Test
    void codeWithAnUncaughtExceptionPrintsATracebackAndExitsOne() {
        CliRun run = CliRun.of("run", "-c", "print('before')\nprint(1/0)", "--report", "none");
        assertEquals(1, run.status(), run::toString);
        assertEquals("before\n", run.out(), run::toString);
        assertTrue(run.err().startsWith("Traceback (most recent call last):\n"), run::toString);
        assertTrue(run.err().endsWith("ZeroDivisionError: division by zero\n"), run::toString);
    }

    @Test
    void aMissingFileIsOneLineAndStatusTwo() {
        CliRun run = CliRun.of("run", dir.resolve("absent.py").toString());
        assertEquals(2, run.status(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("pymem: --workload = "), run::toString);
        assertTrue(run.err().trim().endsWith("an existing .py file (no such file)"), run::toString);
    }

    @Test
    void aPythonFileIsACompareWorkloadToo() throws Exception {
        Path program = dir.resolve("temp.py");
        Files.writeString(program, "xs = [[i] for i in range(2000)]\nprint(len(xs))\n");
        CliRun run = CliRun.of("compare", "--workload", program.toString(), "--collector",
                "generational,refcount-only", "--repeat", "1", "--warmup", "0", "--no-fork", "--quiet");
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("refcount-only"), run::toString);
    }
}
