package org.pymemlab.cli.compare;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file whole or not at all, so that a reader (or {@code pymem report} on a half-finished batch) never
 * sees a partial file, and a crash, {@code kill -9} or Ctrl-C at any moment leaves either the old file or the new
 * one:
 *
 * <ol>
 *   <li>the bytes go to a temporary file in the target's directory (same file system, so the move is a
 *       {@code rename(2)}), named {@code .<name><random>.tmp}: hidden, and with a suffix no reader of the lab's
 *       outputs takes ({@code pymem report} reads {@code *.json}), so a temporary file left by a killed process
 *       never shadows a real output;</li>
 *   <li>the temporary file is forced to the device ({@code fsync}), so that after a power loss the rename cannot
 *       point at a file whose blocks were never written;</li>
 *   <li>it is moved over the target with {@link StandardCopyOption#ATOMIC_MOVE}; a file system that cannot do that
 *       gets a plain {@code REPLACE_EXISTING} move (on POSIX still a rename; elsewhere the one window where a
 *       reader could find no file, never a partial one);</li>
 *   <li>the directory is forced too, where the platform allows, so that the rename itself is durable.</li>
 * </ol>
 *
 * <p>On any exception the temporary file is deleted. Only a process killed between steps 1 and 3 leaves one behind
 * (nothing can run on {@code SIGKILL}); it is not cleaned up later, because another process (a batch job writing
 * to the same {@code cells/} directory) may still be writing it.
 *
 * <p>Testing hook: the system property {@value #HALT_PROPERTY} = {@code <file name>:<bytes>} makes the JVM halt
 * (status {@value #HALT_STATUS}, as a crash: no shutdown hooks, no {@code finally}) after that many bytes of the
 * temporary file of that target have been written and forced. The atomic-write tests fork {@code pymem compare}
 * with it to stop a write at an exact byte.
 */
final class AtomicFiles {

    static final String HALT_PROPERTY = "pymem.test.halt-writing";
    static final int HALT_STATUS = 99;

    private AtomicFiles() {
    }

    static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            long haltAfter = haltAfter(target);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                if (haltAfter >= 0 && haltAfter <= content.length) {
                    buffer.limit((int) haltAfter);
                    writeFully(channel, buffer);
                    channel.force(true);
                    Runtime.getRuntime().halt(HALT_STATUS);
                }
                writeFully(channel, buffer);
                channel.force(true);
            }
            // createTempFile makes the file private (0600); results are meant to be read by others.
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** fsync of the directory makes the rename durable on Linux; Windows cannot open a directory, and needs not. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the file itself is already forced and in place.
        }
    }

    /** The byte count of {@value #HALT_PROPERTY} when it names this target's file name, else -1. */
    private static long haltAfter(Path target) {
        String value = System.getProperty(HALT_PROPERTY);
        if (value == null) {
            return -1;
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0 || !value.substring(0, colon).equals(target.getFileName().toString())) {
            return -1;
        }
        return Long.parseLong(value.substring(colon + 1).trim());
    }
}
