package org.pymemlab.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pymem compare --out DIR} stopped in the middle of writing its outputs leaves every file either the old
 * complete one or a new complete one, never a partial one; a temporary file left behind is hidden, ends in
 * {@code .tmp}, and is not read by {@code pymem report}.
 *
 * <p>Two ways of stopping it, both in a forked JVM so that the stop is a real crash (no {@code finally}, no shutdown
 * hook): deterministically, with {@code AtomicFiles}' test hook {@code -Dpymem.test.halt-writing=<file>:<bytes>}
 * halting the JVM after exactly that many bytes of one output reached the disk; and {@code kill -9} at seeded
 * random moments of a whole run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtomicCompareOutputsTest {

    private static final List<String> COMPARE = List.of("compare", "--workload", "mixed-small",
            "--allocator", "obmalloc,system", "--no-fork", "--repeat", "1", "--warmup", "0", "-q",
            "--set", "pymem.workloads.mixed-small.rounds=2", "--set", "pymem.workloads.mixed-small.objects-per-round=100");
    private static final int HALT_STATUS = 99;

    @TempDir
    static Path work;
    private Path out;
    /** The complete outputs of a first run, by path relative to {@link #out}. */
    private Map<String, byte[]> old;

    @BeforeAll
    void firstCompleteRun() throws IOException {
        out = work.resolve("results");
        List<String> args = new ArrayList<>(COMPARE);
        args.addAll(List.of("--out", out.toString()));
        Pymem run = Pymem.run(args.toArray(String[]::new));
        assertEquals(0, run.status(), run::toString);
        old = outputs();
        for (String expected : List.of("results.json", "results.csv", "report.md", "report.html")) {
            assertTrue(old.containsKey(expected), () -> expected + " in " + old.keySet());
        }
        assertTrue(old.keySet().stream().anyMatch(k -> k.startsWith("cells/")), old.keySet()::toString);
        assertTrue(old.keySet().stream().anyMatch(k -> k.startsWith("charts/")), old.keySet()::toString);
    }

    /** Halts the JVM half way through writing each kind of output, and at its first byte. */
    @Test
    void haltedMidWriteLeavesOldOrNewCompleteFiles() throws Exception {
        String cell = old.keySet().stream().filter(k -> k.startsWith("cells/")).findFirst().orElseThrow();
        String chart = old.keySet().stream().filter(k -> k.startsWith("charts/")).findFirst().orElseThrow();
        List<String> halts = new ArrayList<>();
        for (String target : List.of(cell, "results.json", "results.csv", chart, "report.md", "report.html")) {
            halts.add(target + ":" + old.get(target).length / 2);
        }
        halts.add("results.json:0");
        for (String halt : halts) {
            String target = halt.substring(0, halt.lastIndexOf(':'));
            long bytes = Long.parseLong(halt.substring(halt.lastIndexOf(':') + 1));
            String name = Path.of(target).getFileName().toString();
            Process process = fork("-Dpymem.test.halt-writing=" + name + ":" + bytes);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "compare did not end");
            assertEquals(HALT_STATUS, process.exitValue(), () -> halt + ": " + log());
            Map<String, byte[]> now = checkEveryFileComplete(halt);
            assertArrayEquals(old.get(target), now.get(target), halt + ": the interrupted file is the old one");
            // The halted write left its temporary file, of exactly the bytes written, next to the target.
            Path dir = out.resolve(target).getParent();
            List<Path> temps = temporaries(dir, name);
            assertTrue(temps.stream().anyMatch(t -> size(t) == bytes), () -> halt + ": temporaries " + temps);
            old = now;
        }
    }

    /** {@code kill -9} at seeded random moments of whole runs. */
    @Test
    void killedAtRandomMomentsLeavesOldOrNewCompleteFiles() throws Exception {
        long start = System.nanoTime();
        Process whole = fork();
        assertTrue(whole.waitFor(120, TimeUnit.SECONDS), "compare did not end");
        assertEquals(0, whole.exitValue(), this::log);
        long runMillis = (System.nanoTime() - start) / 1_000_000;
        old = checkEveryFileComplete("a whole run");
        Random random = new Random(20261123);
        for (int i = 0; i < 5; i++) {
            long delay = runMillis / 3 + random.nextLong(runMillis);
            Process process = fork();
            if (!process.waitFor(delay, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "killed compare did not end");
            old = checkEveryFileComplete("killed after " + delay + " ms (exit " + process.exitValue() + ")");
        }
    }

    /** Every output there is, complete and of its kind; the same set as before; temporaries hidden and ignored. */
    private Map<String, byte[]> checkEveryFileComplete(String when) throws IOException {
        Map<String, byte[]> now = outputs();
        assertEquals(old.keySet(), now.keySet(), when + ": the same outputs");
        now.forEach((path, bytes) -> assertComplete(when, path, bytes));
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (!now.containsKey(out.relativize(p).toString().replace(File.separatorChar, '/'))) {
                    assertTrue(name.startsWith(".") && name.endsWith(".tmp"), when + ": unexpected file " + p);
                }
            }
        }
        // pymem report over the cells (temporaries included in the directory) reads only the complete results.
        Pymem report = Pymem.run("report", out.resolve("cells").toString());
        assertEquals(0, report.status(), () -> when + ": " + report);
        return now;
    }

    private void assertComplete(String when, String path, byte[] bytes) {
        String what = when + ": " + path;
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (path.endsWith(".json")) {
            try {
                new ObjectMapper().readTree(bytes);
            } catch (IOException e) {
                fail(what + " is not complete JSON: " + e.getMessage());
            }
            assertTrue(text.endsWith("}\n") || text.endsWith("}"), what);
        } else if (path.endsWith(".png")) {
            byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
            assertTrue(bytes.length > iend.length
                    && Arrays.equals(Arrays.copyOfRange(bytes, bytes.length - iend.length, bytes.length), iend), what);
        } else if (path.endsWith(".csv")) {
            String header = new String(old.get(path), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            // RFC 4180: records end with CRLF, the last one too.
            assertTrue(text.startsWith(header + "\r\n") && text.endsWith("\r\n"), what);
            long columns = header.chars().filter(c -> c == ',').count();
            assertEquals(new String(old.get(path), StandardCharsets.UTF_8).lines().count(), text.lines().count(), what);
            assertTrue(columns > 0, what);
        } else if (path.endsWith(".html")) {
            assertTrue(text.stripTrailing().endsWith("</html>"), what);
        } else if (path.endsWith(".md")) {
            String lastLine = new String(old.get(path), StandardCharsets.UTF_8).stripTrailing().lines()
                    .reduce((a, b) -> b).orElseThrow();
            // The last line names the files (no figures), so a complete report ends with it.
            assertTrue(text.stripTrailing().lines().reduce((a, b) -> b).orElseThrow().startsWith(
                    lastLine.substring(0, Math.min(10, lastLine.length()))), what);
            assertTrue(text.length() > old.get(path).length / 2, what);
        } else {
            fail(what + ": an output of a kind this test does not know");
        }
    }

    private Map<String, byte[]> outputs() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (!(name.startsWith(".") && name.endsWith(".tmp"))) {
                    files.put(out.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static List<Path> temporaries(Path dir, String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("." + name)
                    && p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private Process fork(String... jvmFlags) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED", "-Dguice_custom_class_loading=CHILD"));
        command.addAll(List.of(jvmFlags));
        command.add("-cp");
        command.add(classPath());
        command.add("org.pymemlab.cli.Main");
        command.addAll(COMPARE);
        command.addAll(List.of("--out", out.toString()));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("fork.log").toFile()).start();
    }

    private String log() {
        try {
            return Files.readString(work.resolve("fork.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** This JVM's class path, every entry absolute, so that the fork runs from {@link #work}. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
