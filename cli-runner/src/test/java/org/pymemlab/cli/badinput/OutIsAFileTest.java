package org.pymemlab.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pymemlab.cli.badinput.Pymem.assertRejected;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --out} naming a file: one line naming the path and the reason; the file is left as it was. */
class OutIsAFileTest {

    @Test
    void outIsAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me\n");
        assertRejected("--out = " + file + ": a directory (this is a file)",
                "compare", "--workload", "mixed-small", "--out", file.toString(), "--no-fork", "-q",
                "--repeat", "1", "--warmup", "0");
        // --emit-jobs too: jobs that could only fail are not written
        Path jobs = dir.resolve("jobs.txt");
        assertRejected("--out = " + file + ": a directory (this is a file)",
                "compare", "--workload", "mixed-small", "--out", file.toString(), "--emit-jobs", jobs.toString());
        assertEquals("keep me\n", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "nothing else written next to it");
        }
    }
}
