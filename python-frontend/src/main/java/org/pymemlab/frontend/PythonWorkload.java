package org.pymemlab.frontend;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import java.io.PrintStream;
import java.util.List;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.workloads.Workload;

/**
 * A Python program as a {@link Workload}, so {@code pymem run FILE.py} measures it like any built-in workload.
 * The program's exit status is kept for the caller ({@link #exitStatus()}); the mutator handed to
 * {@link #run} must forward {@link Mutator#objectSpace()}.
 */
public final class PythonWorkload implements Workload {

    private final String source;
    private final String filename;
    private final List<String> argv;
    private final PrintStream out;
    private final PrintStream err;
    private int exitStatus = -1;

    /**
     * @param filename the name tracebacks show ({@code "<string>"} for {@code -c})
     * @param argv {@code sys.argv}
     */
    public PythonWorkload(String source, String filename, List<String> argv, PrintStream out, PrintStream err) {
        this.source = requireNonNull(source, "source is null");
        this.filename = requireNonNull(filename, "filename is null");
        this.argv = List.copyOf(requireNonNull(argv, "argv is null"));
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    @Override
    public String id() {
        return "python:" + filename;
    }

    @Override
    public String description() {
        return "The Python program " + filename + ", run by the python-frontend interpreter";
    }

    @Override
    public String configPath() {
        return "pymem.python";
    }

    @Override
    public void run(Mutator mutator, Config config) {
        exitStatus = PythonProgram.run(mutator, source, filename, argv, out, err);
    }

    /** The program's exit status once {@link #run} returned: 0, 1 (uncaught exception) or SystemExit's code. */
    public int exitStatus() {
        return exitStatus;
    }
}
