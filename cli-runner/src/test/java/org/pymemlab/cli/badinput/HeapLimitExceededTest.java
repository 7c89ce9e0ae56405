package org.pymemlab.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A run past {@code pymem.heap.limit} ends as a Python program does on an uncaught {@code MemoryError}: one line on
 * standard error naming the limit, the report of what ran with a line saying it was stopped, exit status 1, and no
 * stack trace unless {@code --debug}.
 */
class HeapLimitExceededTest {

    private static final String[] RUN = {"run", "--workload", "mixed-small", "--set", "pymem.heap.limit=256 KiB"};
    private static final String ERR_LINE = "pymem: MemoryError: could not allocate \\d+ bytes \\(pymem\\.heap\\.limit = 256 KiB\\)\n";

    @Test
    void textReportSaysTheRunWasStopped() {
        Pymem run = Pymem.run(RUN);
        assertEquals(1, run.status(), run::toString);
        assertTrue(run.err().matches(ERR_LINE), run::toString);
        assertTrue(run.out().startsWith("pymem run mixed-small\n"), run::toString);
        assertTrue(run.out().contains("\nleaks (unreachable after a final full collection)\n"), run::toString);
        assertTrue(run.out().matches("(?s).*\n\nstopped by MemoryError: could not allocate \\d+ bytes"
                + " \\(pymem\\.heap\\.limit = 256 KiB\\)\n"), run::toString);
        // The number is the same in both places.
        String bytes = run.err().replaceAll("(?s).*allocate (\\d+) bytes.*", "$1");
        assertTrue(run.out().contains("stopped by MemoryError: could not allocate " + bytes + " bytes"), run::toString);
    }

    @Test
    void jsonReportCarriesTheStop() throws IOException {
        Pymem run = Pymem.run(concat(RUN, "--report", "json"));
        assertEquals(1, run.status(), run::toString);
        assertTrue(run.err().matches(ERR_LINE), run::toString);
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode stop = root.get("stoppedBy");
        assertEquals("MemoryError", stop.get("exception").asText(), run::toString);
        assertTrue(stop.get("message").asText().matches("could not allocate \\d+ bytes"), run::toString);
        assertEquals(256 * 1024, stop.get("heapLimit").asLong(), run::toString);
        assertTrue(root.get("allocator").get("mallocCalls").asLong() > 0, run::toString);
    }

    @Test
    void noStackTraceUnlessDebug() {
        Pymem quiet = Pymem.run(concat(RUN, "--report", "none"));
        assertEquals(1, quiet.status(), quiet::toString);
        assertEquals("", quiet.out(), quiet::toString);
        assertFalse(quiet.err().contains("\tat "), quiet::toString);

        Pymem debug = Pymem.run(concat(RUN, "--report", "none", "--debug"));
        assertEquals(1, debug.status(), debug::toString);
        assertTrue(debug.err().startsWith("pymem: MemoryError: could not allocate "), debug::toString);
        assertTrue(debug.err().contains("org.pymemlab.runtime.PyException: MemoryError"), debug::toString);
        assertTrue(debug.err().contains("\tat "), debug::toString);
    }

    @Test
    void limitTooSmallForTheRuntimeItself() {
        Pymem run = Pymem.run("run", "--workload", "mixed-small", "--set", "pymem.heap.limit=1 KiB");
        assertEquals(1, run.status(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(run.err().matches("pymem: MemoryError: could not allocate \\d+ bytes \\(pymem\\.heap\\.limit = 1 KiB\\),"
                + " before the workload started\n"), run::toString);
    }

    @Test
    void aLimitThatIsNotReachedChangesNothing() {
        Pymem run = Pymem.run("run", "--workload", "mixed-small", "--set", "pymem.heap.limit=512 MiB",
                "--set", "pymem.workloads.mixed-small.rounds=2", "--report", "none");
        assertEquals(0, run.status(), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
