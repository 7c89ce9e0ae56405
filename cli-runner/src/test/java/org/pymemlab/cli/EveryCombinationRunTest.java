package org.pymemlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code pymem run} on every allocator × collector × interning combination reports figures that make sense. */
class EveryCombinationRunTest {

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (String allocator : List.of("obmalloc", "system")) {
            for (String collector : List.of("generational", "refcount-only")) {
                for (String interning : List.of("cpython", "none")) {
                    all.add(Arguments.of(allocator, collector, interning));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void runReportsSensibleFigures(String allocator, String collector, String interning) throws Exception {
        CliRun run = CliRun.of("run", "--workload", "mixed-small", "--report", "json",
                "--allocator", allocator, "--collector", collector, "--interning", interning,
                "--set", "pymem.workloads.mixed-small.rounds=20",
                "--set", "pymem.workloads.mixed-small.objects-per-round=200");
        assertEquals(0, run.status(), run::toString);
        assertEquals("", run.err(), "a normal run prints nothing on stderr");
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(allocator, report.at("/plugins/allocator").asText());
        assertEquals(collector, report.at("/plugins/collector").asText());
        assertEquals(interning, report.at("/plugins/interning").asText());

        JsonNode a = report.get("allocator");
        assertTrue(a.get("mallocCalls").asLong() > 1_000, run::toString);
        assertTrue(a.get("freeCalls").asLong() > 0);
        assertTrue(a.get("bytesReserved").asLong() >= a.get("bytesUsable").asLong());
        assertTrue(a.get("bytesUsable").asLong() >= a.get("bytesRequested").asLong());

        JsonNode heap = report.get("heap");
        assertEquals(heap.get("objectsAllocated").asLong() - heap.get("objectsFreed").asLong(),
                heap.get("objectsAlive").asLong());

        // the workload drops a tenth of its objects as cycles: only a cycle collector gets them back
        long leaked = report.at("/leaks/objects").asLong();
        if (collector.equals("generational")) {
            assertEquals(0, leaked, run::toString);
        } else {
            assertTrue(leaked > 0, run::toString);
            assertTrue(report.at("/leaks/bytes").asLong() > 0);
            assertEquals(0, report.at("/collector/totalCollected").asLong());
        }

        long hits = report.at("/interning/totalHits").asLong();
        if (interning.equals("cpython")) {
            assertTrue(hits > 0 && report.at("/interning/bytesSaved").asLong() > 0, run::toString);
        } else {
            assertEquals(0, hits, run::toString);
        }
    }
}
