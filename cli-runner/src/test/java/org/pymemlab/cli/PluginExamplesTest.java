package org.pymemlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugins, built the way the README tells a user to build them: {@code mvn -q -B -o package} in each
 * example's directory (a copy of it in a temporary directory, so that the checkout gets no {@code target/}), the
 * jars dropped into a temporary {@code plugins/}, then {@code pymem list} and {@code pymem run} in-process with that
 * directory as the working directory.
 *
 * <p>Needs {@code mvn} on the PATH and the lab installed in the local repository ({@code mvn install}, which the
 * reactor does before this module's tests only with {@code install}; with {@code verify} the examples resolve
 * {@code pymem-core-api} and {@code pymem-plugin-testkit} from {@code ~/.m2}). Offline ({@code -o}): the plugins
 * the examples use are the lab's own, already cached. Skipped, not failed, when {@code mvn} is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginExamplesTest {

    private static final Map<String, String> EXAMPLES = Map.of(
            "bump-allocator", "pymem-example-bump-allocator-0.1.0-SNAPSHOT.jar",
            "every-n-collector", "pymem-example-every-n-collector-0.1.0-SNAPSHOT.jar",
            "big-interning", "pymem-example-big-interning-0.1.0-SNAPSHOT.jar");

    @TempDir
    static Path work;

    /** The working directory of the runs: holds {@code plugins/} with the three jars. */
    private Path lab;

    @BeforeAll
    void buildTheExamples() throws Exception {
        Path mvn = onPath("mvn");
        assumeTrue(mvn != null, "mvn is not on the PATH: the examples cannot be built");
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(examples), "no examples directory at " + examples);
        lab = Files.createDirectories(work.resolve("lab"));
        Path plugins = Files.createDirectories(lab.resolve("plugins"));
        // The three builds run side by side: each is a JVM mostly waiting on the compiler and surefire.
        List<Process> builds = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (String example : EXAMPLES.keySet()) {
            Path copy = work.resolve("build").resolve(example);
            copyTree(examples.resolve(example), copy);
            Path log = work.resolve(example + ".log");
            builds.add(new ProcessBuilder(mvn.toString(), "-q", "-B", "-o", "package")
                    .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start());
            logs.add(log);
            dirs.add(copy);
        }
        for (int i = 0; i < builds.size(); i++) {
            Process build = builds.get(i);
            if (!build.waitFor(5, TimeUnit.MINUTES)) {
                build.destroyForcibly();
                throw new AssertionError("mvn package did not finish in " + dirs.get(i));
            }
            assertEquals(0, build.exitValue(), "mvn -q -B -o package in " + dirs.get(i) + ":\n"
                    + Files.readString(logs.get(i)));
            Path jar = dirs.get(i).resolve("target").resolve(EXAMPLES.get(dirs.get(i).getFileName().toString()));
            assertTrue(Files.size(jar) < 100_000, "a small jar: " + jar);
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
    }

    private CliRun pymem(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PymemCommand.execute(args, new PrintWriter(out), new PrintWriter(err),
                new CliEnvironment(getClass().getClassLoader(), new Properties(), lab));
        return new CliRun(status, out.toString(), err.toString());
    }

    @Test
    void listShowsTheThreePluginsWithTheirKeys() {
        CliRun run = pymem("list");
        assertEquals(0, run.status(), run::toString);
        assertEquals("", run.err(), run::toString);
        for (String id : List.of("bump", "every-n", "big", "obmalloc", "generational", "cpython")) {
            assertTrue(run.out().contains("  " + id + "  "), () -> id + " missing\n" + run);
        }
        assertTrue(run.out().contains("chunk-size"), run::toString);
        assertTrue(run.out().contains("# Run a full collection after this many GC-type allocations."), run::toString);
        assertTrue(run.out().contains("max-string-length"), run::toString);
    }

    @Test
    void runUsesTheThreePlugins() {
        CliRun run = pymem("run", "--workload", "mixed-small", "--allocator", "bump", "--collector", "every-n",
                "--interning", "big", "--set", "pymem.workloads.mixed-small.rounds=5",
                "--set", "pymem.every-n.allocations=200", "--set", "pymem.bump.chunk-size=\"64 KiB\"");
        assertEquals(0, run.status(), run::toString);
        assertTrue(Pattern.compile("allocator\\s+bump\\b").matcher(run.out()).find(), run::toString);
        assertTrue(Pattern.compile("collector\\s+every-n\\b").matcher(run.out()).find(), run::toString);
        assertTrue(Pattern.compile("interning\\s+big\\b").matcher(run.out()).find(), run::toString);
        // The bump allocator's own figures: chunks taken, nothing reused.
        assertTrue(Pattern.compile("bump\\.reused-blocks\\s+0\\b").matcher(run.out()).find(), run::toString);
        assertTrue(Pattern.compile("bump\\.chunks\\s+[1-9]").matcher(run.out()).find(), run::toString);
        assertTrue(Pattern.compile("every-n\\.automatic-collections\\s+[1-9]").matcher(run.out()).find(),
                run::toString);
    }

    @Test
    void aBadSettingOfAPluginIsOneLine() {
        CliRun run = pymem("run", "--workload", "mixed-small", "--allocator", "bump",
                "--set", "pymem.bump.chunk-size=\"1 KiB\"");
        assertEquals(2, run.status(), run::toString);
        assertEquals("pymem: pymem.bump.chunk-size = 1024: a memory size of at least 4 KiB\n", run.err(),
                run::toString);
    }

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
