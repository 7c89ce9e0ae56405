package org.pymemlab.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.cli.report.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pymem report DIR…}: merges cell result files (from {@code --emit-jobs} runs on many machines, or from
 * earlier comparisons' {@code cells/} or {@code results.json}) into the outputs of {@code pymem compare}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Merge cell result files (directories searched two levels deep, or results.json files) into"
                + " one comparison: the table, and with --out results.json, results.csv, report.md and report.html.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Directories or files of cell results.")
    private List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the reports.")
    private Path outDir;

    @Option(names = "--baseline", paramLabel = "CELL",
            description = "The cell ratios are against: its id, label or position (default: the first cell by id).")
    private String baseline;

    @Override
    public Integer call() throws IOException {
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        Map<String, Path> origins = new LinkedHashMap<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new PluginConfigException("report", input, "an existing directory or file");
            }
            for (Path file : jsonFiles(input)) {
                JsonNode document = ResultJson.read(file);
                String schema = document.path("schema").asText();
                List<JsonNode> found = new ArrayList<>();
                if (schema.equals(CellRunner.CELL_SCHEMA)) {
                    found.add(document);
                } else if (schema.equals(ComparisonOutputs.SCHEMA)) {
                    document.path("cells").forEach(found::add);
                }
                for (JsonNode cell : found) {
                    String id = cell.path("cell").path("id").asText();
                    Path previous = origins.putIfAbsent(id, file);
                    if (previous != null && !previous.equals(file)) {
                        throw new PluginConfigException("report", file,
                                "one result per cell, but " + id + " is also in " + previous);
                    }
                    cells.put(id, cell);
                }
            }
        }
        if (cells.isEmpty()) {
            throw new PluginConfigException("report", inputs, "directories holding cell result files ("
                    + CellRunner.CELL_SCHEMA + ")");
        }
        List<JsonNode> ordered = cells.values().stream()
                .sorted(Comparator.comparing(c -> c.path("cell").path("id").asText())).toList();
        Comparison comparison = Comparison.of(ordered, baseline);
        PrintWriter out = spec.commandLine().getOut();
        out.print(ComparisonTable.render(comparison));
        if (outDir != null) {
            List<String> commandLine = new ArrayList<>(List.of("pymem"));
            commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
            List<Path> written = ComparisonOutputs.write(comparison, outDir, commandLine);
            out.printf("%nwritten: %s%n", String.join(", ", written.stream().map(Path::toString).toList()));
        }
        out.flush();
        return 0;
    }

    private List<Path> jsonFiles(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        try (Stream<Path> files = Files.walk(input, 2)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !outputOf(f)).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** A results.json written by an earlier report into the directory being merged would count every cell twice. */
    private boolean outputOf(Path file) {
        return file.getFileName().toString().equals("results.json") && Files.isDirectory(file.getParent().resolve("cells"));
    }
}
