package org.pymemlab.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.pymemlab.cli.report.ResultJson;

/**
 * A cell run in its own JVM, as JMH forks: {@code java} of this JVM's installation with this class path and the
 * flags the lab needs, running the hidden {@code pymem cell} subcommand, which writes one result file. The same
 * command line, quoted for a shell, is what {@code --emit-jobs} writes.
 */
final class ForkedCell {

    /** The parent pom's flags: FFM needs native access, NativeMemory its fast path; Guice must not use sun.misc.Unsafe. */
    static final List<String> JVM_FLAGS =
            List.of("--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                    "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED", "-Dguice_custom_class_loading=CHILD");

    static final String MAIN_CLASS = "org.pymemlab.cli.Main";

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=+,@%-]+");

    private ForkedCell() {
    }

    /** The command that runs the cell and writes its result to {@code out}. */
    static List<String> command(CellSpec cell, CellSettings settings, Properties systemProperties, Path out) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        // The -D layer of the configuration travels with the cell.
        systemProperties.stringPropertyNames().stream().filter(k -> k.startsWith("pymem.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + systemProperties.getProperty(k)));
        command.add("-cp");
        command.add(classPath());
        command.add(MAIN_CLASS);
        command.addAll(cellArguments(cell, settings, out));
        return command;
    }

    /** The arguments of {@code pymem cell} for this cell. */
    static List<String> cellArguments(CellSpec cell, CellSettings settings, Path out) {
        List<String> args = new ArrayList<>(List.of("cell",
                "--workload", cell.workload(), "--profile", cell.profile(), "--allocator", cell.allocator(),
                "--collector", cell.collector(), "--interning", cell.interning()));
        for (String set : settings.sets()) {
            args.add("--set");
            args.add(set);
        }
        if (settings.configFile() != null) {
            args.add("--config");
            args.add(settings.configFile().toString());
        }
        args.addAll(List.of("--repeat", Integer.toString(settings.repeat()), "--warmup",
                Integer.toString(settings.warmup()), "--sample-every", Long.toString(settings.sampleEvery()),
                "--out", out.toAbsolutePath().toString()));
        return args;
    }

    /** This JVM's class path with every entry absolute, so that the command runs from any directory. */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The command as one line for a POSIX shell. */
    static String shellLine(List<String> command) {
        List<String> quoted = new ArrayList<>();
        for (String arg : command) {
            quoted.add(SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }

    /**
     * Runs the cell in a child JVM, its output going to {@code log}, and reads the result it wrote.
     *
     * @throws CellFailedException when the child fails, with the end of its output
     */
    static JsonNode run(List<String> command, Path out, Path log, String cellId) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CellFailedException(cellId + ": interrupted");
        }
        if (status != 0 || !Files.exists(out)) {
            List<String> lines = Files.readAllLines(log);
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
            throw new CellFailedException("cell " + cellId + " failed with exit status " + status + " (log " + log
                    + "):\n" + tail);
        }
        return ResultJson.read(out);
    }

    /** A forked cell that did not produce its result. */
    static final class CellFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CellFailedException(String message) {
            super(message);
        }
    }
}
