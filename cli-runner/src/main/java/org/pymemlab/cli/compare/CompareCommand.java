package org.pymemlab.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pymemlab.cli.CliEnvironment;
import org.pymemlab.cli.PymemCommand;
import org.pymemlab.cli.report.ResultJson;
import org.pymemlab.runtime.config.RuntimeSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pymem compare}: a matrix of workloads × profiles × allocators × collectors × interning policies, each
 * cell run {@code --warmup} times unmeasured and {@code --repeat} times measured, by default each cell in its own
 * JVM. Prints a table of every metric with its ratio to the baseline cell; with {@code --out DIR} also writes
 * {@code results.json}, {@code results.csv}, {@code report.md}, {@code report.html} and the cells' own result
 * files under {@code cells/}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run workloads on a matrix of allocators, collectors, interning policies and profiles, and"
                + " compare every metric against a baseline cell.")
public final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    private PymemCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", split = ",", paramLabel = "ID", description = "Workloads (comma-separated).")
    private List<String> workloads = new ArrayList<>();

    @Option(names = "--profile", split = ",", paramLabel = "ID", description = "CPython profiles (comma-separated).")
    private List<String> profiles = new ArrayList<>();

    @Option(names = "--allocator", split = ",", paramLabel = "ID", description = "Allocator plugins (comma-separated).")
    private List<String> allocators = new ArrayList<>();

    @Option(names = "--collector", split = ",", paramLabel = "ID", description = "Collector plugins (comma-separated).")
    private List<String> collectors = new ArrayList<>();

    @Option(names = "--interning", split = ",", paramLabel = "ID", description = "Interning plugins (comma-separated).")
    private List<String> interning = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Sets a config key in every cell. Repeatable.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "A HOCON file layered over application.conf.")
    private Path configFile;

    @Option(names = "--matrix", paramLabel = "FILE", description = "A HOCON matrix file; options given here win.")
    private Path matrixFile;

    @Option(names = "--repeat", paramLabel = "N", description = "Measured repetitions per cell (default 3).")
    private Integer repeat;

    @Option(names = "--warmup", paramLabel = "N", description = "Unmeasured repetitions first (default 1).")
    private Integer warmup;

    @Option(names = "--baseline", paramLabel = "CELL",
            description = "The cell ratios are against: its id, label or position (default: the first cell).")
    private String baseline;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write results.json, results.csv, report.md, report.html and cells/ here.")
    private Path outDir;

    @Option(names = "--shuffle", negatable = true, description = "Run the cells in a random order (see --seed).")
    private Boolean shuffle;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of --shuffle (default 1).")
    private Long seed;

    @Option(names = "--fork", negatable = true,
            description = "Run each cell in its own JVM (default); --no-fork runs them all in this one.")
    private Boolean fork;

    @Option(names = "--sample-every", defaultValue = "1000", paramLabel = "N",
            description = "Mutator operations between samples of memory in use (default: ${DEFAULT-VALUE}).")
    private long sampleEvery;

    @Option(names = "--emit-jobs", paramLabel = "FILE",
            description = "Write one self-contained command line per cell to FILE instead of running them.")
    private Path emitJobs;

    @Option(names = {"--quiet", "-q"}, description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        CliEnvironment environment = parent.environment();
        MatrixFile matrix = matrixFile == null ? MatrixFile.EMPTY : MatrixFile.read(matrixFile);
        int repetitions = repeat != null ? repeat : matrix.repeat().orElse(3);
        int warmups = warmup != null ? warmup : matrix.warmup().orElse(1);
        checkCounts(spec, repetitions, warmups, sampleEvery);
        List<String> allSets = new ArrayList<>(matrix.sets());
        allSets.addAll(sets);
        CellSettings settings = new CellSettings(allSets, configFile, repetitions, warmups, sampleEvery);
        CellRunner runner = new CellRunner(environment);

        // Everything a user can get wrong is checked before the first cell runs.
        RuntimeSelection defaults = RuntimeSelection.from(runner.config(null, settings).config());
        List<String> workloadIds = pick(workloads, matrix.workloads(), null);
        if (workloadIds.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing --workload (or workloads in --matrix)");
        }
        List<CellSpec> cells = new ArrayList<>();
        for (String w : workloadIds) {
            for (String p : pick(profiles, matrix.profiles(), defaults.profile())) {
                for (String a : pick(allocators, matrix.allocators(), defaults.allocator())) {
                    for (String c : pick(collectors, matrix.collectors(), defaults.collector())) {
                        for (String i : pick(interning, matrix.interning(), defaults.interning())) {
                            CellSpec cell = new CellSpec(w, p, a, c, i);
                            if (!cells.contains(cell)) {
                                cells.add(cell);
                            }
                        }
                    }
                }
            }
        }
        for (CellSpec cell : cells) {
            runner.validate(cell, settings);
        }
        String baselineCell = baseline != null ? baseline : matrix.baseline().orElse(null);
        Comparison.baselineIndex(cells.stream().map(CellSpec::id).toList(), Comparison.labels(cells), baselineCell);

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path resultsDir = outDir != null ? outDir : Path.of("pymem-results");
        if (Files.exists(resultsDir) && !Files.isDirectory(resultsDir)) {
            // checked before any cell runs or any job line is written: every cell would fail to write there
            throw new org.pymemlab.api.PluginConfigException("--out", resultsDir, "a directory (this is a file)");
        }
        if (emitJobs != null) {
            StringBuilder jobs = new StringBuilder();
            for (CellSpec cell : cells) {
                Path result = resultsDir.toAbsolutePath().resolve("cells").resolve(cell.fileName());
                jobs.append(ForkedCell.shellLine(
                        ForkedCell.command(cell, settings, environment.systemProperties(), result))).append('\n');
            }
            AtomicFiles.write(emitJobs, jobs.toString());
            out.printf("%d jobs written to %s; when they are done: pymem report %s%n", cells.size(), emitJobs,
                    resultsDir.toAbsolutePath().resolve("cells"));
            out.flush();
            return 0;
        }

        boolean forked = fork != null ? fork : matrix.fork().orElse(true);
        Path workDir = outDir != null ? outDir : Files.createTempDirectory("pymem-compare");
        Path cellsDir = workDir.resolve("cells");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            order.add(i);
        }
        if (shuffle != null ? shuffle : matrix.shuffle().orElse(false)) {
            Collections.shuffle(order, new Random(seed != null ? seed : matrix.seed().orElse(1L)));
        }
        List<String> commandLine = new ArrayList<>(List.of("pymem"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());

        JsonNode[] results = new JsonNode[cells.size()];
        ProgressBar progress = new ProgressBar(err, cells.size(), !quiet && ProgressBar.onTerminal(),
                System::nanoTime);
        try {
            for (int index : order) {
                CellSpec cell = cells.get(index);
                progress.running(Comparison.labels(cells).get(index));
                Path result = cellsDir.resolve(cell.fileName());
                if (forked) {
                    results[index] = ForkedCell.run(
                            ForkedCell.command(cell, settings, environment.systemProperties(), result), result,
                            cellsDir.resolve(cell.fileName().replaceAll("\\.json$", ".log")), cell.id());
                } else {
                    JsonNode json = runner.run(cell, settings, commandLine, false);
                    AtomicFiles.write(result, ResultJson.write(json));
                    results[index] = json;
                }
                progress.cellDone();
            }
        } finally {
            progress.finish();
        }

        Comparison comparison = Comparison.of(List.of(results), baselineCell);
        out.print(ComparisonTable.render(comparison));
        if (outDir != null) {
            List<Path> written = ComparisonOutputs.write(comparison, outDir, commandLine);
            out.printf("%nwritten: %s, and %s%n", String.join(", ", written.stream().map(Path::toString).toList()),
                    cellsDir);
        } else {
            deleteTree(workDir);
        }
        out.flush();
        return 0;
    }

    /** The option's values, else the matrix file's, else the configured default (none for workloads). */
    private static List<String> pick(List<String> option, List<String> fromFile, String fallback) {
        List<String> values = !option.isEmpty() ? option : fromFile;
        List<String> trimmed = values.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
        if (trimmed.isEmpty() && fallback != null) {
            return List.of(fallback);
        }
        return trimmed;
    }

    static void checkCounts(CommandSpec spec, int repeat, int warmup, long sampleEvery) {
        if (repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat must be at least 1");
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must not be negative");
        }
        if (sampleEvery < 1) {
            throw new ParameterException(spec.commandLine(), "--sample-every must be at least 1");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
