package org.pymemlab.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pymemlab.cli.report.ResultJson;
import org.pymemlab.cli.report.RunMeasurement;
import org.pymemlab.cli.report.RunMetadata;
import org.pymemlab.cli.report.RunMetrics;
import org.pymemlab.frontend.PythonWorkload;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyException;
import org.pymemlab.runtime.config.EffectiveConfig;
import org.pymemlab.runtime.config.RuntimeSelection;
import org.pymemlab.runtime.limit.HeapLimit;
import org.pymemlab.runtime.plugin.PluginRegistry;
import org.pymemlab.workloads.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pymem run}: one workload on one combination, then a report of what it measured.
 *
 * <p>A workload that runs out of memory (past {@code pymem.heap.limit}, or an allocator that returns NULL) raises
 * Python's {@code MemoryError}. The run then ends as a Python program would: the workload stops there, the
 * report of what ran is printed (the final collection and the leak count included, and a last line saying the
 * run was stopped), one line {@code pymem: MemoryError: could not allocate N bytes (pymem.heap.limit = 256 KiB)}
 * goes to standard error, and the exit status is {@value #STOPPED_BY_MEMORY_ERROR}, CPython's for an uncaught
 * exception. {@code --debug} adds the stack trace.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a workload on one combination of allocator, collector, interning and profile.")
final class RunCommand implements Callable<Integer> {

    enum ReportFormat { text, json, none }

    /** Exit status of a run stopped by {@code MemoryError}: CPython's status for an uncaught exception. */
    static final int STOPPED_BY_MEMORY_ERROR = 1;

    @ParentCommand
    private PymemCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", paramLabel = "ID",
            description = "The workload to run (see pymem list), or a .py file.")
    private String workloadId;

    @Option(names = "-c", paramLabel = "CODE", description = "Run this Python source, as python -c does.")
    private String code;

    @Parameters(arity = "0..*", paramLabel = "FILE.py [ARG]",
            description = "A Python program to run (and its sys.argv[1:]), as python FILE.py does.")
    private List<String> program = new ArrayList<>();

    @Mixin
    private ConfigOptions options;

    @Option(names = "--report", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or none (default: ${DEFAULT-VALUE}).")
    private ReportFormat report;

    @Option(names = "--sample-every", defaultValue = "1000", paramLabel = "N",
            description = "Mutator operations between samples of memory in use (default: ${DEFAULT-VALUE}).")
    private long sampleEvery;

    @Override
    public Integer call() {
        if (sampleEvery < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sample-every must be at least 1");
        }
        CliEnvironment environment = parent.environment();
        // Everything a user can get wrong is checked before the runtime reserves any memory.
        EffectiveConfig effective = options.build(environment);
        int sources = (workloadId != null ? 1 : 0) + (code != null ? 1 : 0) + (program.isEmpty() ? 0 : 1);
        if (sources != 1 || workloadId != null && !program.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "give exactly one of --workload ID, FILE.py or -c CODE");
        }
        PrintStream programOut = new PrintStream(new WriterStream(spec.commandLine().getOut()), true,
                StandardCharsets.UTF_8);
        PrintStream programErr = new PrintStream(new WriterStream(spec.commandLine().getErr()), true,
                StandardCharsets.UTF_8);
        Workload workload;
        if (code != null) {
            List<String> argv = new ArrayList<>(List.of("-c"));
            argv.addAll(program);
            workload = Workloads.python(code, "<string>", argv, programOut, programErr);
        } else if (!program.isEmpty()) {
            Path file = Path.of(program.get(0));
            if (!Workloads.isPythonFile(file.toString()) && !Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "no such Python file: " + file);
            }
            workload = Workloads.python(Workloads.read(file), file.toAbsolutePath().toString(), program,
                    programOut, programErr);
        } else {
            workload = Workloads.resolve(workloadId, environment.classLoader(), programOut, programErr);
        }
        // A Python program owns standard output; its run report goes to standard error, as the issue asks.
        boolean python = workload instanceof PythonWorkload;
        PluginRegistry plugins = PluginRegistry.load(environment.classLoader());
        RuntimeSelection selection = Selection.validate(effective.config(), plugins);
        HeapLimit.from(effective.config());

        MemoryErrorGuard guarded = new MemoryErrorGuard(workload);
        RunMetrics metrics;
        try {
            // Memory over time is only printed in a report: with none, sample at the start and the end only.
            long interval = report == ReportFormat.none ? Long.MAX_VALUE : sampleEvery;
            metrics = RunMeasurement.run(guarded, effective.config(), selection, interval, plugins);
        } catch (PyException e) {
            if (!isMemoryError(e)) {
                throw e;
            }
            // Before the workload started (the runtime's own start-up objects did not fit): nothing ran to report.
            printMemoryError(e, effective.config(), "before the workload started");
            return STOPPED_BY_MEMORY_ERROR;
        }
        PyException stopped = guarded.memoryError();
        programOut.flush();
        programErr.flush();
        PrintWriter out = python ? spec.commandLine().getErr() : spec.commandLine().getOut();
        switch (report) {
            case text -> {
                out.print(report(metrics).text());
                if (stopped != null) {
                    out.print("\nstopped by MemoryError: " + stopped.getMessage().substring("MemoryError: ".length())
                            + limitSuffix(effective.config()) + "\n");
                }
            }
            case json -> {
                String json = report(metrics).json();
                out.print(stopped == null ? json : withStop(json, stopped, effective.config()));
            }
            case none -> { }
        }
        out.flush();
        if (stopped != null) {
            printMemoryError(stopped, effective.config(), null);
            return STOPPED_BY_MEMORY_ERROR;
        }
        return python ? ((PythonWorkload) workload).exitStatus() : ExitStatus.OK;
    }

    /** The report with the run's metadata, collected only when a report is printed (it costs start-up time). */
    private RunReport report(RunMetrics metrics) {
        return new RunReport(metrics, RunMetadata.collect(spec.commandLine().getParseResult().originalArgs()));
    }

    static boolean isMemoryError(PyException e) {
        return "MemoryError".equals(e.pythonType());
    }

    /** {@code " (pymem.heap.limit = 256 KiB)"} as the user wrote the limit, or "" when there is none. */
    private static String limitSuffix(Config config) {
        if (!HeapLimit.from(config).isSet()) {
            return "";
        }
        return " (" + HeapLimit.KEY + " = " + config.getValue(HeapLimit.KEY).unwrapped() + ")";
    }

    private void printMemoryError(PyException e, Config config, String when) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("pymem: " + e.getMessage() + limitSuffix(config) + (when == null ? "" : ", " + when));
        if (spec.commandLine().getParseResult().originalArgs().contains("--debug")) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** The JSON report with {@code "stoppedBy": {"exception", "message", "heapLimit"}} added at the top level. */
    private static String withStop(String json, PyException stopped, Config config) {
        try {
            ObjectNode root = (ObjectNode) ResultJson.MAPPER.readTree(json);
            ObjectNode stop = root.putObject("stoppedBy");
            stop.put("exception", stopped.pythonType());
            stop.put("message", stopped.getMessage().substring(stopped.pythonType().length() + 2));
            HeapLimit limit = HeapLimit.from(config);
            if (limit.isSet()) {
                stop.put("heapLimit", limit.bytes());
            }
            return ResultJson.write(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The workload, stopped by {@code MemoryError} as a Python program is: the exception ends the workload and is
     * kept, so that the measurement still reads every counter, runs the final collection and counts the leaks.
     */
    private static final class MemoryErrorGuard implements Workload {
        private final Workload workload;
        private PyException memoryError;

        MemoryErrorGuard(Workload workload) {
            this.workload = requireNonNull(workload, "workload is null");
        }

        @Override
        public String id() {
            return workload.id();
        }

        @Override
        public String description() {
            return workload.description();
        }

        @Override
        public String configPath() {
            return workload.configPath();
        }

        @Override
        public void run(Mutator mutator, Config config) {
            try {
                workload.run(mutator, config);
            } catch (PyException e) {
                if (!isMemoryError(e)) {
                    throw e;
                }
                memoryError = e;
            }
        }

        /** The MemoryError that stopped the workload, or null when it ran to its end. */
        PyException memoryError() {
            return memoryError;
        }
    }
}
