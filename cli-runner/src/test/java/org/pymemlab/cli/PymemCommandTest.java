package org.pymemlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pymemlab.api.PluginProvider;
import org.pymemlab.runtime.plugin.PluginRegistry;

class PymemCommandTest {

    /** The plugins the project ships (DESIGN.md) and its built-in workload: the class path must offer them all. */
    private static final List<String> SHIPPED_IDS =
            List.of("obmalloc", "system", "generational", "refcount-only", "cpython", "none", "mixed-small");

    private static List<String> discoveredIds() {
        PluginRegistry registry = PluginRegistry.load(PymemCommandTest.class.getClassLoader());
        List<String> ids = new ArrayList<>();
        Stream.of(registry.allocators(), registry.collectors(), registry.interners())
                .flatMap(List::stream).map(PluginProvider::id).forEach(ids::add);
        return ids;
    }

    private static void assertFails(CliRun run, String expectedLine) {
        assertEquals(2, run.status(), run::toString);
        assertEquals("pymem: " + expectedLine + "\n", run.err(), run::toString);
    }

    @Test
    void listTextNamesEveryProviderAndWorkload() {
        CliRun run = CliRun.of("list");
        assertEquals(0, run.status(), run::toString);
        for (String id : discoveredIds()) {
            assertTrue(run.out().contains("  " + id + "  "), () -> id + " missing\n" + run);
        }
        for (String id : SHIPPED_IDS) {
            assertTrue(run.out().contains("  " + id + "  "), () -> id + " missing\n" + run);
        }
        assertTrue(run.out().contains("rounds             = 200"), run::toString);
        assertTrue(run.out().contains("# How many rounds to run"), run::toString);
    }

    @Test
    void listJsonNamesEveryProviderWithItsKeys() throws IOException {
        CliRun run = CliRun.of("list", "--format", "json");
        assertEquals(0, run.status(), run::toString);
        JsonNode root = Json.MAPPER.readTree(run.out());
        List<String> ids = new ArrayList<>();
        for (String section : List.of("allocators", "collectors", "interners", "workloads")) {
            root.get(section).forEach(entry -> ids.add(entry.get("id").asText()));
        }
        assertTrue(ids.containsAll(discoveredIds()), ids::toString);
        assertTrue(ids.containsAll(SHIPPED_IDS), ids::toString);

        JsonNode mixed = null;
        for (JsonNode workload : root.get("workloads")) {
            if (workload.get("id").asText().equals("mixed-small")) {
                mixed = workload;
            }
        }
        assertEquals("pymem.workloads.mixed-small", mixed.get("configPath").asText());
        JsonNode rounds = null;
        for (JsonNode key : mixed.get("keys")) {
            if (key.get("key").asText().equals("pymem.workloads.mixed-small.rounds")) {
                rounds = key;
            }
        }
        assertEquals(200, rounds.get("default").asInt());
        assertTrue(rounds.get("comment").asText().startsWith("How many rounds"), rounds::toString);
    }

    @Test
    void configShowsWhereValuesCameFrom() {
        CliRun run = CliRun.of("config", "--set", "pymem.hash-seed=7", "--collector", "refcount-only");
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().startsWith("profile cpython-3.13\n"), run::toString);
        assertTrue(line(run.out(), "pymem.hash-seed ").endsWith("--set pymem.hash-seed=7"), run::toString);
        assertTrue(line(run.out(), "pymem.collector ").endsWith("--collector refcount-only"), run::toString);
        assertTrue(line(run.out(), "pymem.runtime.python-version ").endsWith("profile cpython-3.13:3"),
                run::toString);
        assertTrue(line(run.out(), "pymem.profile ").contains("reference.conf ("), run::toString);
    }

    @Test
    void configFollowsTheChosenProfile() {
        CliRun run = CliRun.of("config", "--profile", "cpython-3.11");
        assertEquals(0, run.status(), run::toString);
        assertTrue(line(run.out(), "pymem.runtime.python-version ").contains("\"3.11"), run::toString);
        assertTrue(line(run.out(), "pymem.runtime.python-version ").endsWith("profile cpython-3.11:3"),
                run::toString);
    }

    @Test
    void configJsonAndHoconCarryOrigins() throws IOException {
        CliRun json = CliRun.of("config", "--format", "json", "--set", "pymem.hash-seed=7");
        assertEquals(0, json.status(), json::toString);
        JsonNode root = Json.MAPPER.readTree(json.out());
        assertEquals("cpython-3.13", root.get("profile").asText());
        JsonNode seed = null;
        for (JsonNode value : root.get("values")) {
            if (value.get("key").asText().equals("pymem.hash-seed")) {
                seed = value;
            }
        }
        assertEquals(7, seed.get("value").asInt());
        assertEquals("set", seed.get("origin").get("layer").asText());

        CliRun hocon = CliRun.of("config", "--format", "hocon", "--set", "pymem.hash-seed=7");
        assertEquals(0, hocon.status(), hocon::toString);
        assertTrue(hocon.out().contains("# from --set pymem.hash-seed=7"), hocon::toString);
    }

    @Test
    void systemPropertiesAreALayer() {
        Properties properties = new Properties();
        properties.setProperty("pymem.hash-seed", "12");
        CliRun run = CliRun.withProperties(properties, "config");
        assertEquals(0, run.status(), run::toString);
        assertTrue(line(run.out(), "pymem.hash-seed ").endsWith("-Dpymem.hash-seed=12"), run::toString);
    }

    @Test
    void unknownAllocatorListsTheKnownOnes() {
        CliRun run = CliRun.of("config", "--allocator", "nope");
        List<String> allocators = PluginRegistry.load(getClass().getClassLoader()).allocators().stream()
                .map(PluginProvider::id).toList();
        assertFails(run, "pymem.allocator = nope: one of " + String.join(", ", allocators));
        assertTrue(allocators.containsAll(List.of("obmalloc", "system")), allocators::toString);
        assertFails(CliRun.of("run", "--workload", "mixed-small", "--allocator", "nope"),
                "pymem.allocator = nope: one of " + String.join(", ", allocators));
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        assertFails(CliRun.of("config", "--profile", "cpython-2.7"),
                "pymem.profile = cpython-2.7: one of cpython-3.11, cpython-3.12, cpython-3.13");
    }

    @Test
    void wrongTypeOfHashSeedIsOneLine() {
        assertFails(CliRun.of("config", "--set", "pymem.hash-seed=abc"),
                "pymem.hash-seed = \"abc\": an integer from 0 to 4294967295");
        assertFails(CliRun.of("run", "--workload", "mixed-small", "--set", "pymem.hash-seed=[1]"),
                "pymem.hash-seed = [1]: an integer from 0 to 4294967295");
    }

    @Test
    void missingConfigFileIsOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("missing.conf");
        assertFails(CliRun.of("config", "--config", missing.toString()), "--config " + missing + ": no such file");
    }

    @Test
    void unparsableConfigFileNamesTheLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "pymem {\n  allocator = [\n");
        CliRun run = CliRun.of("run", "--workload", "mixed-small", "--config", bad.toString());
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().matches("pymem: --config \\Q" + bad + "\\E:\\d+: .+\n"), run::toString);
    }

    @Test
    void unknownWorkloadListsTheKnownOnes() {
        CliRun run = CliRun.of("run", "--workload", "nope");
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().startsWith("pymem: --workload = nope: one of "), run::toString);
        assertTrue(run.err().contains("mixed-small"), run::toString);
    }

    @Test
    void usageErrorsExitTwoWithPicocliMessage() {
        CliRun missingOption = CliRun.of("run");
        assertEquals(2, missingOption.status(), missingOption::toString);
        assertTrue(missingOption.err().startsWith("give exactly one of --workload ID, FILE.py or -c CODE"),
                missingOption::toString);
        CliRun badFormat = CliRun.of("list", "--format", "xml");
        assertEquals(2, badFormat.status(), badFormat::toString);
        CliRun noCommand = CliRun.of();
        assertEquals(2, noCommand.status(), noCommand::toString);
        assertTrue(noCommand.err().startsWith("Missing required subcommand"), noCommand::toString);
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.status(), help::toString);
        assertTrue(help.out().contains("Usage: pymem"), help::toString);
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.status(), version::toString);
        assertTrue(version.out().startsWith("pymem "), version::toString);
    }

    @Test
    void runReportJsonParses() throws IOException {
        CliRun run = CliRun.of("run", "--workload", "mixed-small", "--report", "json", "--collector", "refcount-only",
                "--set", "pymem.workloads.mixed-small.rounds=3",
                "--set", "pymem.workloads.mixed-small.objects-per-round=200");
        assertEquals(0, run.status(), run::toString);
        assertEquals("", run.err(), run::toString);
        JsonNode root = Json.MAPPER.readTree(run.out());
        assertEquals(RunReport.SCHEMA, root.get("schema").asText());
        assertEquals("mixed-small", root.get("workload").asText());
        assertEquals("refcount-only", root.get("plugins").get("collector").asText());
        assertTrue(root.get("allocator").get("mallocCalls").asLong() > 0, run::toString);
        assertTrue(root.get("heap").get("objectsAllocated").asLong() > 0, run::toString);
        assertTrue(root.get("leaks").get("objects").asLong() > 0, "refcount-only leaks the cycles");
    }

    @Test
    void runReportTextAndNone() {
        String[] small = {"--set", "pymem.workloads.mixed-small.rounds=2",
            "--set", "pymem.workloads.mixed-small.objects-per-round=100"};
        CliRun text = CliRun.of(concat(new String[] {"run", "--workload", "mixed-small"}, small));
        assertEquals(0, text.status(), text::toString);
        for (String section : List.of("\nallocator\n", "\ncollector\n", "\ninterning\n", "\nheap\n", "\nleaks (unreachable after a final full collection)\n")) {
            assertTrue(text.out().contains(section), () -> section + text);
        }
        CliRun none = CliRun.of(concat(new String[] {"run", "--workload", "mixed-small", "--report", "none"}, small));
        assertEquals(0, none.status(), none::toString);
        assertEquals("", none.out(), none::toString);
    }

    @Test
    void internalErrorsSayHowToSeeTheStackTrace() {
        CliRun run = CliRun.of("run", "--workload", "test-failing-workload", "--report", "none");
        assertEquals(1, run.status(), run::toString);
        assertEquals("pymem: internal error: java.lang.IllegalStateException: boom\n"
                + "(run with --debug for the stack trace)\n", run.err());

        CliRun debug = CliRun.of("--debug", "run", "--workload", "test-failing-workload");
        assertEquals(1, debug.status(), debug::toString);
        assertTrue(debug.err().contains("\tat org.pymemlab.cli.FailingTestWorkload.run"), debug::toString);
    }

    @Test
    void userErrorsHaveNoStackTraceUnlessAskedFor() {
        String[] args = {"run", "--workload", "mixed-small", "--set", "pymem.workloads.mixed-small.rounds=x"};
        CliRun run = CliRun.of(args);
        assertFails(run, "pymem.workloads.mixed-small.rounds = \"x\": an integer from 0 to 2147483647");
        CliRun debug = CliRun.of(concat(args, new String[] {"--debug"}));
        assertEquals(2, debug.status(), debug::toString);
        assertTrue(debug.err().contains("\tat "), debug::toString);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + text)).stripTrailing();
    }
}
