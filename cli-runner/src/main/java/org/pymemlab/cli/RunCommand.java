package org.pymemlab.cli;

import java.util.concurrent.Callable;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.EffectiveConfig;
import org.pymemlab.runtime.config.RuntimeSelection;
import org.pymemlab.runtime.plugin.PluginRegistry;
import org.pymemlab.workloads.Workload;
import org.pymemlab.workloads.WorkloadRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pymem run}: one workload on one combination, then a report of what it measured. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a workload on one combination of allocator, collector, interning and profile.")
final class RunCommand implements Callable<Integer> {

    enum ReportFormat { text, json, none }

    @ParentCommand
    private PymemCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "ID", description = "The workload to run (see pymem list).")
    private String workloadId;

    @Mixin
    private ConfigOptions options;

    @Option(names = "--report", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or none (default: ${DEFAULT-VALUE}).")
    private ReportFormat report;

    @Override
    public Integer call() {
        CliEnvironment environment = parent.environment();
        // Everything a user can get wrong is checked before the runtime reserves any memory.
        EffectiveConfig effective = options.build(environment);
        Workload workload = WorkloadRegistry.load(environment.classLoader()).get(workloadId);
        RuntimeSelection selection = Selection.validate(effective.config(),
                PluginRegistry.load(environment.classLoader()));

        RunReport result;
        try (PyRuntime runtime = PyRuntime.create(effective.config())) {
            long start = System.nanoTime();
            workload.run(runtime.mutator(), effective.config());
            long wallNanos = System.nanoTime() - start;
            var allocatorStats = runtime.allocator().stats();
            var collectorStats = runtime.collector().stats();
            var interningStats = runtime.interner().stats();
            var heapStats = runtime.heapStats();
            // As CPython's finalization does, collect once more before counting what is left: a leak is
            // what no collector of this combination will ever reclaim, not cyclic garbage not yet due.
            runtime.collector().collect(runtime.collector().generationCount() - 1);
            result = new RunReport(workload.id(), selection, wallNanos, allocatorStats, collectorStats,
                    interningStats, heapStats, runtime.leaks());
        }
        switch (report) {
            case text -> spec.commandLine().getOut().print(result.text());
            case json -> spec.commandLine().getOut().print(result.json());
            case none -> { }
        }
        spec.commandLine().getOut().flush();
        return ExitStatus.OK;
    }
}
