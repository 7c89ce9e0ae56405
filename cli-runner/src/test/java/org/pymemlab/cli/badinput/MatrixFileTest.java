package org.pymemlab.cli.badinput;

import static org.pymemlab.cli.badinput.Pymem.assertRejected;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --matrix}: missing, not HOCON, of the wrong shape, with an unknown key, naming an unknown plugin. */
class MatrixFileTest {

    @Test
    void missingFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.conf");
        assertRejected("--matrix = " + missing + ": a readable HOCON file", "compare", "--matrix", missing.toString());
    }

    @Test
    void directory(@TempDir Path dir) {
        assertRejected("--matrix = " + dir + ": a readable HOCON file", "compare", "--matrix", dir.toString());
    }

    @Test
    void notHocon(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("m.conf"), "workloads = [mixed-small\n");
        assertRejected("--matrix = " + bad + ": valid HOCON (" + bad + ": 2: List should have had new element after a"
                        + " comma, instead had token: end of file (if you want the comma or end of file to be part of a"
                        + " string value, then double-quote it))",
                "compare", "--matrix", bad.toString());
    }

    @Test
    void wrongShape(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("m.conf"), "workloads = {a: 1}\n");
        assertRejected("--matrix = " + bad + ": a matrix file (" + bad + ": 1: workloads has type OBJECT rather than STRING)",
                "compare", "--matrix", bad.toString());
    }

    @Test
    void unknownAllocator(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("m.conf"), "allocators = [nope]\nworkloads = [mixed-small]\n");
        assertRejected("pymem.allocator = nope: one of obmalloc, system", "compare", "--matrix", bad.toString(), "-q");
    }

    @Test
    void unknownKey(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("m.conf"), "workloads = [mixed-small]\nbogus = 1\n");
        assertRejected("--matrix = " + bad + " (key 'bogus'): only the keys workloads, profiles, allocators,"
                        + " collectors, interning, repeat, warmup, baseline, shuffle, seed, fork, set",
                "compare", "--matrix", bad.toString(), "-q");
    }
}
