package org.pymemlab.cli.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pymemlab.cli.PymemCommand;
import org.pymemlab.cli.report.ResultJson;
import org.pymemlab.runtime.config.RuntimeSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pymem cell}, hidden: runs one cell of a comparison in this JVM and writes its result file. It is what
 * {@code pymem compare} forks, and what each line of {@code --emit-jobs} runs on a batch system.
 */
@Command(name = "cell", hidden = true, mixinStandardHelpOptions = true,
        description = "Run one comparison cell and write its result file (used by compare --fork and --emit-jobs).")
public final class CellCommand implements Callable<Integer> {

    @ParentCommand
    private PymemCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "ID")
    private String workload;

    @Option(names = "--profile", paramLabel = "ID")
    private String profile;

    @Option(names = "--allocator", paramLabel = "ID")
    private String allocator;

    @Option(names = "--collector", paramLabel = "ID")
    private String collector;

    @Option(names = "--interning", paramLabel = "ID")
    private String interning;

    @Option(names = "--set", paramLabel = "KEY=VALUE")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE")
    private Path configFile;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N")
    private int repeat;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "N")
    private int warmup;

    @Option(names = "--sample-every", defaultValue = "1000", paramLabel = "N")
    private long sampleEvery;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the result (JSON).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        CompareCommand.checkCounts(spec, repeat, warmup, sampleEvery);
        CellRunner runner = new CellRunner(parent.environment());
        CellSettings settings = new CellSettings(sets, configFile, repeat, warmup, sampleEvery);
        RuntimeSelection defaults = RuntimeSelection.from(runner.config(null, settings).config());
        CellSpec cell = new CellSpec(workload,
                profile != null ? profile : defaults.profile(),
                allocator != null ? allocator : defaults.allocator(),
                collector != null ? collector : defaults.collector(),
                interning != null ? interning : defaults.interning());
        runner.validate(cell, settings);
        List<String> commandLine = new ArrayList<>(List.of("pymem"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        ObjectNode result = runner.run(cell, settings, commandLine, true);
        AtomicFiles.write(out, ResultJson.write(result));
        return 0;
    }
}
