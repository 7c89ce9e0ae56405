package org.pymemlab.cli.badinput;

import static org.pymemlab.cli.badinput.Pymem.assertRejected;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config}: missing, a directory, or not HOCON (the line of the problem is named). */
class ConfigFileTest {

    @Test
    void missingFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.conf");
        assertRejected("--config " + missing + ": no such file", "run", "--workload", "mixed-small", "--config", missing.toString());
    }

    @Test
    void directory(@TempDir Path dir) {
        assertRejected("--config " + dir + ": not a readable file", "run", "--workload", "mixed-small", "--config", dir.toString());
    }

    @Test
    void unparsableFile(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "pymem {\n  allocator = [\n");
        assertRejected("--config " + bad + ":3: List should have ] or a first element after the open [, instead had token:"
                        + " end of file (if you want end of file to be part of a string value, then double-quote it)",
                "run", "--workload", "mixed-small", "--config", bad.toString());
    }
}
