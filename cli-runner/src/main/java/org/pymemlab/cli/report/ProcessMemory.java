package org.pymemlab.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of this process, from {@code /proc/self/status} (Linux): {@code VmHWM}, the peak resident
 * set, and {@code VmRSS}, the current one. Both include the JVM's own heap and code, so they compare cells only
 * when each cell runs in its own JVM ({@code --fork}); −1 where the file is not there.
 */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** {@code VmHWM} in bytes, or −1. */
    public static long peakResidentBytes() {
        return field("VmHWM:");
    }

    /** {@code VmRSS} in bytes, or −1. */
    public static long residentBytes() {
        return field("VmRSS:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    // "VmHWM:	  123456 kB"
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
