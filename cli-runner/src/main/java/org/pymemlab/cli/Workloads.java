package org.pymemlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.frontend.PythonWorkload;
import org.pymemlab.workloads.Workload;
import org.pymemlab.workloads.WorkloadRegistry;

/**
 * Resolves what {@code run} and {@code compare} are asked to run: a built-in or plugin workload by id, or a
 * Python program ({@code prog.py}) run by the python-frontend interpreter.
 */
public final class Workloads {

    private Workloads() {
    }

    /** True when {@code id} names a Python source file rather than a registered workload. */
    public static boolean isPythonFile(String id) {
        return id.endsWith(".py");
    }

    /**
     * The workload {@code id} names. A {@code .py} file becomes a program whose output goes to {@code out} and
     * {@code err}; a missing or unreadable file is a one-line error, as is an unknown id.
     */
    public static Workload resolve(String id, ClassLoader classLoader, PrintStream out, PrintStream err) {
        if (isPythonFile(id)) {
            Path file = Path.of(id);
            List<String> argv = new ArrayList<>();
            argv.add(id);
            return python(read(file), file.toAbsolutePath().toString(), argv, out, err);
        }
        return WorkloadRegistry.load(classLoader).get(id);
    }

    /** A Python program; {@code filename} is what tracebacks show ({@code <string>} for {@code -c}). */
    public static PythonWorkload python(String source, String filename, List<String> argv, PrintStream out,
            PrintStream err) {
        return new PythonWorkload(source, filename, argv, out, err);
    }

    /** The source of a Python file, or a one-line error naming it. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PluginConfigException("--workload", file, "an existing .py file (no such file)");
        } catch (IOException | UncheckedIOException e) {
            throw new PluginConfigException("--workload", file, "a readable UTF-8 .py file (" + e.getMessage() + ")");
        }
    }

    /** A stream that discards everything: the output of programs run as compare cells. */
    public static PrintStream discard() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }
}
