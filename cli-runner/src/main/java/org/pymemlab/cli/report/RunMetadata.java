package org.pymemlab.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Where and when a result was measured: JDK, OS, CPU model, cores, host, the git commit of the working
 * directory when there is one, the date and the command line. Recorded with every result so that results merged
 * from many machines stay comparable (or visibly not).
 */
public final class RunMetadata {

    private RunMetadata() {
    }

    /** The metadata of this process, now, for the given command line. */
    public static ObjectNode collect(List<String> commandLine) {
        ObjectNode node = ResultJson.object();
        node.put("date", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        node.put("jdk", Runtime.version().toString());
        node.put("jvm", System.getProperty("java.vm.name", "") + " " + System.getProperty("java.vm.version", ""));
        node.put("os", System.getProperty("os.name", "") + " " + System.getProperty("os.version", "") + " "
                + System.getProperty("os.arch", ""));
        node.put("cpu", cpuModel().orElse("unknown"));
        node.put("cores", Runtime.getRuntime().availableProcessors());
        node.put("host", hostName());
        gitCommit(Path.of("").toAbsolutePath()).ifPresentOrElse(c -> node.put("gitCommit", c),
                () -> node.putNull("gitCommit"));
        node.put("pid", ProcessHandle.current().pid());
        var args = node.putArray("commandLine");
        commandLine.forEach(args::add);
        return node;
    }

    private static Optional<String> cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return Optional.of(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through.
        }
        return Optional.empty();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The commit checked out in the nearest enclosing git work tree, read from {@code .git} without running git:
     * {@code HEAD} is a commit or a ref, found loose or in {@code packed-refs}.
     */
    static Optional<String> gitCommit(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (!Files.isDirectory(git)) {
                continue;
            }
            try {
                String head = Files.readString(git.resolve("HEAD")).trim();
                if (!head.startsWith("ref: ")) {
                    return Optional.of(head);
                }
                String ref = head.substring(5);
                Path loose = git.resolve(ref);
                if (Files.exists(loose)) {
                    return Optional.of(Files.readString(loose).trim());
                }
                Path packed = git.resolve("packed-refs");
                if (Files.exists(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + ref)) {
                            return Optional.of(line.substring(0, line.indexOf(' ')));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
        return Optional.empty();
    }
}
