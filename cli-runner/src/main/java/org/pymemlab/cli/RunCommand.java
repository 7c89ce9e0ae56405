package org.pymemlab.cli;

import java.util.concurrent.Callable;
import org.pymemlab.cli.report.RunMeasurement;
import org.pymemlab.cli.report.RunMetadata;
import org.pymemlab.cli.report.RunMetrics;
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
        Workload workload = WorkloadRegistry.load(environment.classLoader()).get(workloadId);
        PluginRegistry plugins = PluginRegistry.load(environment.classLoader());
        RuntimeSelection selection = Selection.validate(effective.config(), plugins);

        RunMetrics metrics = RunMeasurement.run(workload, effective.config(), selection, sampleEvery, plugins);
        RunReport result = new RunReport(metrics,
                RunMetadata.collect(spec.commandLine().getParseResult().originalArgs()));
        switch (report) {
            case text -> spec.commandLine().getOut().print(result.text());
            case json -> spec.commandLine().getOut().print(result.json());
            case none -> { }
        }
        spec.commandLine().getOut().flush();
        return ExitStatus.OK;
    }
}
