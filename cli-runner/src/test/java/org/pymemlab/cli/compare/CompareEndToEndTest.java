package org.pymemlab.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pymemlab.cli.report.ResultJson;

/**
 * Small matrices run end to end through the command line, in process and forked, and the files they write:
 * results.json against its schema, results.csv row by row, report.html with its charts.
 */
class CompareEndToEndTest {

    /** Small settings, so that a cell takes a fraction of a second. */
    private static final String[] SMALL = {
        "--set", "pymem.workloads.gc-collect.rounds=3", "--set", "pymem.workloads.gc-collect.rings=20",
        "--set", "pymem.workloads.temporaries.operations=20000"};

    @TempDir
    static Path shared;

    private static Path matrixDir;
    private static Pymem matrix;

    /** gc-collect and temporaries × generational and refcount-only, two repetitions, in process. */
    @BeforeAll
    static void runMatrix() {
        matrixDir = shared.resolve("matrix");
        matrix = Pymem.run(concat(new String[] {"compare", "--no-fork", "--quiet",
            "--workload", "gc-collect,temporaries", "--collector", "generational,refcount-only",
            "--repeat", "2", "--warmup", "1", "--out", matrixDir.toString()}, SMALL)).ok();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static JsonNode summary(JsonNode results, String cellId, String metric) {
        for (JsonNode cell : results.get("summary")) {
            if (cell.get("cell").asText().equals(cellId)) {
                return cell.get("metrics").get(metric);
            }
        }
        throw new AssertionError("no cell " + cellId);
    }

    static Set<ValidationMessage> validate(JsonNode document) throws IOException {
        try (InputStream in = CompareEndToEndTest.class.getResourceAsStream(
                "/org/pymemlab/cli/compare/results.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return schema.validate(document);
        }
    }

    @Test
    void printsATableWithRatiosAgainstTheFirstCell() {
        assertTrue(matrix.out().startsWith("baseline: gc-collect/generational "
                + "(gc-collect+cpython-3.13+obmalloc+generational+cpython); 4 cells"), matrix::toString);
        assertTrue(matrix.out().contains("\nwall time (s, lower is better)\n"), matrix::toString);
        assertTrue(matrix.out().contains("\n* gc-collect/generational "), matrix::toString);
        assertTrue(matrix.out().contains("1.00x"), matrix::toString);
        assertEquals("", matrix.err(), "--quiet and no terminal: no progress bar");
    }

    @Test
    void resultsJsonValidatesAgainstItsSchema() throws IOException {
        JsonNode results = ResultJson.read(matrixDir.resolve("results.json"));
        Set<ValidationMessage> errors = validate(results);
        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals("pymem-compare/1", results.get("schema").asText());
        assertEquals(4, results.get("cells").size());
        JsonNode first = results.get("cells").get(0);
        assertEquals(2, first.get("repetitions").size());
        assertFalse(first.get("forked").asBoolean());
        assertTrue(first.get("metadata").get("cores").asInt() >= 1);
        assertEquals("3", first.get("config").get("workloads").get("gc-collect").get("rounds").asText());
        assertTrue(first.get("repetitions").get(0).get("samples").size() >= 2, "memory sampled over the run");

        // A result the schema must refuse: a run without its allocator figures.
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.get("repetitions").get(0)).remove("allocator");
        assertFalse(validate(results).isEmpty());
    }

    @Test
    void csvHasOneRowPerCellAndRepetition() throws IOException {
        List<String> lines = Files.readAllLines(matrixDir.resolve("results.csv"));
        assertEquals(1 + 4 * 2, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("cell,label,baseline,workload,profile,allocator,collector,interning,"
                + "repetition,host,forked,wallTimeSeconds,"), lines.get(0));
        int columns = lines.get(0).split(",", -1).length;
        for (String line : lines) {
            assertEquals(columns, line.split(",", -1).length, line);
        }
        assertTrue(lines.get(1).startsWith("gc-collect+cpython-3.13+obmalloc+generational+cpython,"
                + "gc-collect/generational,true,gc-collect,cpython-3.13,obmalloc,generational,cpython,1,"), lines.get(1));
    }

    @Test
    void htmlIsSelfContainedWithTheCharts() throws IOException {
        String html = Files.readString(matrixDir.resolve("report.html"));
        for (String chart : List.of("relative", "metric-wallTimeSeconds", "metric-allocator-peakBytesReserved",
                "memory-bytesRequested", "pauses")) {
            assertTrue(html.contains("<figure id=\"chart-" + chart + "\"><img class=\"chart\""), chart);
        }
        assertTrue(html.contains("src=\"data:image/png;base64,iVBORw0KGgo"), "inline PNG");
        assertFalse(html.contains("src=\"http"), "nothing fetched from outside");
        assertTrue(Files.size(matrixDir.resolve("charts/relative.png")) > 5_000);
        assertTrue(Files.readString(matrixDir.resolve("report.md")).contains("![Metrics relative to the baseline]"));
    }

    @Test
    void refcountOnlyLeaksOnGcCollectAndNotOnTemporaries() throws IOException {
        JsonNode results = ResultJson.read(matrixDir.resolve("results.json"));
        double gcGenerational = summary(results, "gc-collect+cpython-3.13+obmalloc+generational+cpython",
                "leaks.objects").get("median").asDouble();
        double gcRefcount = summary(results, "gc-collect+cpython-3.13+obmalloc+refcount-only+cpython",
                "leaks.objects").get("median").asDouble();
        double tempRefcount = summary(results, "temporaries+cpython-3.13+obmalloc+refcount-only+cpython",
                "leaks.objects").get("median").asDouble();
        System.out.printf("objects leaked: gc-collect generational %.0f, gc-collect refcount-only %.0f,"
                + " temporaries refcount-only %.0f%n", gcGenerational, gcRefcount, tempRefcount);
        assertEquals(0, gcGenerational);
        // 3 rounds x 20 rings x 21 nodes, each an instance and its payload int at least.
        assertTrue(gcRefcount >= 3 * 20 * 21, () -> "gc-collect refcount-only leaked " + gcRefcount);
        assertEquals(0, tempRefcount);
    }

    @Test
    void noInterningUsesMoreMemoryThanCpythonOnStringDedup() throws IOException {
        Path dir = shared.resolve("interning");
        Pymem.run("compare", "--no-fork", "-q", "--workload", "string-dedup", "--interning", "cpython,none",
                "--repeat", "1", "--warmup", "0", "--set", "pymem.workloads.string-dedup.records=20000",
                "--out", dir.toString()).ok();
        JsonNode results = ResultJson.read(dir.resolve("results.json"));
        JsonNode none = summary(results, "string-dedup+cpython-3.13+obmalloc+generational+none",
                "allocator.peakBytesRequested");
        double cpython = summary(results, "string-dedup+cpython-3.13+obmalloc+generational+cpython",
                "allocator.peakBytesRequested").get("median").asDouble();
        System.out.printf("string-dedup peak MiB requested: cpython %.3f, none %.3f (ratio %.2f)%n", cpython,
                none.get("median").asDouble(), none.get("ratio").asDouble());
        assertTrue(none.get("median").asDouble() > cpython);
        assertTrue(none.get("ratio").asDouble() > 1.5, none::toString);
    }

    /**
     * "Reserved" for the system allocator is what malloc_usable_size reports for the live blocks: it leaves out
     * malloc's chunk headers and its own free lists, so it flatters system. Even so, on many small live objects
     * (28-byte ints, which malloc rounds to 40 usable bytes and pymalloc to 32) obmalloc reserves less.
     */
    @Test
    void obmallocReservesLessThanSystemOnManySmallObjects() throws IOException {
        Path dir = shared.resolve("allocators");
        Pymem.run("compare", "--no-fork", "-q", "--workload", "list-growth", "--allocator", "obmalloc,system",
                "--repeat", "1", "--warmup", "0", "--set", "pymem.workloads.list-growth.live-lists=5000",
                "--out", dir.toString()).ok();
        JsonNode results = ResultJson.read(dir.resolve("results.json"));
        double obmalloc = summary(results, "list-growth+cpython-3.13+obmalloc+generational+cpython",
                "allocator.peakBytesReserved").get("median").asDouble();
        double system = summary(results, "list-growth+cpython-3.13+system+generational+cpython",
                "allocator.peakBytesReserved").get("median").asDouble();
        System.out.printf("list-growth peak MiB reserved: obmalloc %.3f, system %.3f%n", obmalloc, system);
        assertTrue(obmalloc < system);
    }

    @Test
    void aForkedCellRunsInItsOwnJvm() throws IOException {
        Path dir = shared.resolve("forked");
        Pymem run = Pymem.run(concat(new String[] {"compare", "--fork", "-q", "--workload", "temporaries",
            "--repeat", "1", "--warmup", "0", "--out", dir.toString()}, SMALL)).ok();
        JsonNode cell = ResultJson.read(dir.resolve("cells/temporaries+cpython-3.13+obmalloc+generational+cpython.json"));
        assertTrue(cell.get("forked").asBoolean());
        assertNotEquals(ProcessHandle.current().pid(), cell.get("metadata").get("pid").asLong());
        assertTrue(cell.get("repetitions").get(0).get("process").get("peakResidentBytes").asLong() > 0);
        assertTrue(validate(ResultJson.read(dir.resolve("results.json"))).isEmpty());
        assertTrue(run.out().contains("temporaries"), run::toString);
    }

    @Test
    void emittedJobsRunAnywhereAndReportMergesTheirResults() throws Exception {
        Path dir = shared.resolve("jobs");
        Path jobs = dir.resolve("jobs.txt");
        Pymem emit = Pymem.run(concat(new String[] {"compare", "--workload", "temporaries", "--allocator",
            "obmalloc,system", "--repeat", "1", "--warmup", "0", "--emit-jobs", jobs.toString(),
            "--out", dir.resolve("results").toString()}, SMALL)).ok();
        List<String> lines = Files.readAllLines(jobs);
        assertEquals(2, lines.size(), emit::toString);
        assertTrue(lines.get(0).contains(" --enable-native-access=ALL-UNNAMED"
                + " --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED"
                + " -Dguice_custom_class_loading=CHILD "));
        assertTrue(lines.get(0).contains(" org.pymemlab.cli.Main cell --workload temporaries "), lines.get(0));
        // As a batch system would: each line in a shell of its own, from another directory.
        for (String line : lines) {
            Process job = new ProcessBuilder("bash", "-c", line).directory(shared.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(job.getInputStream().readAllBytes());
            assertEquals(0, job.waitFor(), output);
        }
        Path merged = dir.resolve("merged");
        Pymem report = Pymem.run("report", dir.resolve("results/cells").toString(), "--out", merged.toString(),
                "--baseline", "system").ok();
        assertTrue(report.out().startsWith("baseline: system "), report::toString);
        JsonNode results = ResultJson.read(merged.resolve("results.json"));
        assertTrue(validate(results).isEmpty());
        assertEquals(2, results.get("cells").size());
        assertEquals("temporaries+cpython-3.13+system+generational+cpython", results.get("baseline").asText());
        assertEquals(3, Files.readAllLines(merged.resolve("results.csv")).size());
    }

    @Test
    void badBaselineIsOneLineBeforeAnythingRuns() {
        Pymem run = Pymem.run("compare", "--no-fork", "--workload", "temporaries", "--baseline", "nope");
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().startsWith("pymem: --baseline = nope: a cell id, label or position 1..1: "
                + "temporaries+cpython-3.13+obmalloc+generational+cpython"), run::toString);
        Pymem unknown = Pymem.run("compare", "--no-fork", "--workload", "temporaries", "--allocator", "obmalloc,nope");
        assertEquals(2, unknown.status(), unknown::toString);
        assertTrue(unknown.err().startsWith("pymem: pymem.allocator = nope: one of "), unknown::toString);
    }

    @Test
    void matrixFileSetsTheAxes() throws IOException {
        Path file = shared.resolve("matrix.conf");
        Files.writeString(file, """
                workloads = [temporaries]
                interning = [cpython, none]
                repeat = 1
                warmup = 0
                fork = false
                set { "pymem.workloads.temporaries.operations" = 5000 }
                """);
        Path dir = shared.resolve("from-file");
        Pymem run = Pymem.run("compare", "-q", "--matrix", file.toString(), "--out", dir.toString()).ok();
        assertTrue(run.out().contains("; 2 cells;"), run::toString);
        JsonNode results = ResultJson.read(dir.resolve("results.json"));
        assertEquals("5000",
                results.get("cells").get(0).get("config").get("workloads").get("temporaries").get("operations").asText());
    }
}
