package org.pymemlab.frontend;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.pymemlab.frontend.interp.Interpreter;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyRuntime;

/**
 * Runs a Python program on a runtime's heap: the entry point of {@code pymem run FILE.py} and {@code -c}.
 * The program's output goes to {@code out} exactly as printed; a traceback or syntax error goes to
 * {@code err}, and so do {@code gc.set_debug} output and {@code sys._debugmallocstats()}. One program per
 * runtime. The program runs on a thread of its own with a deep stack (the caller waits for it).
 */
public final class PythonProgram {

    private PythonProgram() {
    }

    /**
     * Parses and runs {@code source}. Returns the exit status: 0, 1 for an uncaught exception or a syntax
     * error, or the code of {@code SystemExit}.
     */
    public static int run(PyRuntime runtime, String source, String filename, PrintStream out, PrintStream err) {
        requireNonNull(runtime, "runtime is null");
        return run(runtime.mutator(), source, filename, List.of(filename), out, err);
    }

    /**
     * As {@link #run(PyRuntime, String, String, PrintStream, PrintStream)} for a program started in
     * {@code workingDirectory}: a relative filename, and the relative entries of {@code sys.path} the program's
     * imports search, resolve against it instead of this process's directory.
     */
    public static int run(PyRuntime runtime, String source, String filename, Path workingDirectory, PrintStream out,
            PrintStream err) {
        requireNonNull(runtime, "runtime is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        return run(runtime.mutator(), source, filename, List.of(filename), workingDirectory, out, err);
    }

    /**
     * As {@link #run(PyRuntime, String, String, PrintStream, PrintStream)}, through a mutator (which may wrap the
     * runtime's, e.g. to count operations, provided it forwards {@link Mutator#objectSpace()}), with
     * {@code sys.argv}.
     */
    public static int run(Mutator mutator, String source, String filename, List<String> argv, PrintStream out,
            PrintStream err) {
        return run(mutator, source, filename, argv, Path.of("").toAbsolutePath(), out, err);
    }

    private static int run(Mutator mutator, String source, String filename, List<String> argv, Path workingDirectory,
            PrintStream out, PrintStream err) {
        requireNonNull(mutator, "mutator is null");
        requireNonNull(source, "source is null");
        requireNonNull(filename, "filename is null");
        requireNonNull(argv, "argv is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        return Interpreter.run(mutator, source, filename, List.copyOf(argv), workingDirectory, out, err);
    }
}
