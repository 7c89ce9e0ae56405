package org.pymemlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.pymemlab.testkit.TestJar;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.api.collector.CollectorProvider;

/**
 * Bad plugin jars in {@code plugins/}, written at test time: each is one warning line in {@code pymem list}, the good
 * plugins are still listed and usable, and selecting a bad one fails with status 2 and that line.
 */
class BadPluginsTest {

    @TempDir
    Path lab;
    private Path plugins;
    private Path duplicate;
    private Path corrupt;
    private Path missing;
    private Path throwing;

    @BeforeEach
    void writeJars() throws IOException {
        plugins = Files.createDirectories(lab.resolve("plugins"));
        duplicate = new TestJar()
                .source("Dup", TestJar.provider("Dup", "allocator", "system", "return binder -> { };"))
                .service(AllocatorProvider.class, "Dup").writeTo(plugins.resolve("duplicate.jar"));
        corrupt = Files.write(plugins.resolve("corrupt.jar"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p'});
        missing = new TestJar().service(CollectorProvider.class, "org.example.Missing")
                .writeTo(plugins.resolve("missing.jar"));
        throwing = new TestJar()
                .source("Thrower", TestJar.provider("Thrower", "allocator", "thrower",
                        "throw new IllegalStateException(\"broken on purpose\");"))
                .service(AllocatorProvider.class, "Thrower").writeTo(plugins.resolve("throwing.jar"));
    }

    private CliRun pymem(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PymemCommand.execute(args, new PrintWriter(out), new PrintWriter(err),
                new CliEnvironment(getClass().getClassLoader(), new Properties(), lab));
        return new CliRun(status, out.toString(), err.toString());
    }

    @Test
    void listWarnsOnceAboutEachAndShowsTheGoodOnes() {
        CliRun run = pymem("list");
        assertEquals(0, run.status(), run::toString);
        List<String> warnings = run.err().lines().toList();
        assertEquals(4, warnings.size(), run::toString);
        warnings.forEach(w -> assertTrue(w.startsWith("pymem: plugin problem: "), w));
        assertTrue(warnings.stream().anyMatch(w -> w.contains(corrupt + ": not a readable jar")), run::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains(missing.toString())
                && w.contains("org.example.Missing")), run::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("allocator 'system' is provided 2 times")
                && w.contains(duplicate.toString())), run::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("allocator 'thrower' from " + throwing)
                && w.contains("broken on purpose")), run::toString);
        for (String good : List.of("obmalloc", "generational", "refcount-only", "cpython", "none", "mixed-small")) {
            assertTrue(run.out().contains("  " + good + "  "), () -> good + " missing\n" + run);
        }
        assertTrue(!run.out().contains("  system  ") && !run.out().contains("  thrower  "), run::toString);
    }

    @Test
    void theGoodPluginsStillRun() {
        CliRun run = pymem("run", "--workload", "mixed-small", "--allocator", "obmalloc",
                "--set", "pymem.workloads.mixed-small.rounds=2", "--report", "none");
        assertEquals(0, run.status(), run::toString);
    }

    @Test
    void selectingADuplicatedIdFailsWithTheProblem() {
        CliRun run = pymem("run", "--workload", "mixed-small", "--allocator", "system");
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().startsWith("pymem: pymem.allocator = system: allocator 'system' is provided 2 times: "),
                run::toString);
        assertTrue(run.err().contains(duplicate.toString()), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        CliRun config = pymem("config", "--allocator", "system");
        assertEquals(2, config.status(), config::toString);
    }

    @Test
    void selectingAPluginWhoseModuleThrowsFailsNamingTheJarAndTheId() {
        CliRun run = pymem("run", "--workload", "mixed-small", "--allocator", "thrower");
        assertEquals(2, run.status(), run::toString);
        assertEquals("pymem: allocator 'thrower' from " + throwing
                + ": module(config) failed: java.lang.IllegalStateException: broken on purpose\n", run.err(),
                run::toString);
    }

    @Test
    void pluginDirectoriesCanBeSetLikeAnyKey() {
        CliRun run = pymem("config", "--set", "pymem.plugins.dirs=[elsewhere]", "--allocator", "system");
        assertEquals(0, run.status(), run::toString);
    }
}
