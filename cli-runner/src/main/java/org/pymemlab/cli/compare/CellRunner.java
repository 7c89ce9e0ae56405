package org.pymemlab.cli.compare;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.io.UncheckedIOException;
import java.util.List;
import org.pymemlab.cli.CliEnvironment;
import org.pymemlab.cli.report.ResultJson;
import org.pymemlab.cli.report.RunMeasurement;
import org.pymemlab.cli.report.RunMetadata;
import org.pymemlab.runtime.config.ConfigLayers;
import org.pymemlab.runtime.config.EffectiveConfig;
import org.pymemlab.runtime.config.RuntimeSelection;
import org.pymemlab.runtime.plugin.PluginRegistry;
import org.pymemlab.workloads.Workload;
import org.pymemlab.workloads.WorkloadRegistry;

/** Runs one cell in this JVM: its warm-up repetitions, then its measured ones, each on a fresh runtime. */
public final class CellRunner {

    /** The version of a cell result file's layout. */
    public static final String CELL_SCHEMA = "pymem-cell/1";

    private final CliEnvironment environment;

    public CellRunner(CliEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    /**
     * The effective configuration of a cell: the class path's {@code reference.conf} files, the config file, the
     * {@code -D} layer and the {@code --set} pairs, then the cell's axes, as {@code pymem run} layers its options.
     */
    public EffectiveConfig config(CellSpec cell, CellSettings settings) {
        ConfigLayers.Builder builder = ConfigLayers.builder(environment.classLoader())
                .systemProperties(environment.systemProperties())
                .configFile(settings.configFile())
                .setAll(settings.sets());
        if (cell != null) {
            builder.setString(ConfigLayers.PROFILE_KEY, cell.profile(), "--profile " + cell.profile());
            builder.setString(RuntimeSelection.ALLOCATOR_KEY, cell.allocator(), "--allocator " + cell.allocator());
            builder.setString(RuntimeSelection.COLLECTOR_KEY, cell.collector(), "--collector " + cell.collector());
            builder.setString(RuntimeSelection.INTERNING_KEY, cell.interning(), "--interning " + cell.interning());
        }
        return builder.build();
    }

    /**
     * Checks everything a user can get wrong in a cell (the workload id, the plugin ids, the settings) without
     * running it.
     *
     * @throws org.pymemlab.api.PluginConfigException naming the key, the value and what is allowed
     */
    public void validate(CellSpec cell, CellSettings settings) {
        Config config = config(cell, settings).config();
        org.pymemlab.cli.Workloads.resolve(cell.workload(), environment.classLoader(),
                org.pymemlab.cli.Workloads.discard(), org.pymemlab.cli.Workloads.discard());
        RuntimeSelection selection = RuntimeSelection.from(config);
        PluginRegistry plugins = PluginRegistry.load(environment.classLoader());
        plugins.allocator(selection.allocator());
        plugins.collector(selection.collector());
        plugins.interner(selection.interning());
    }

    /** Runs the cell and returns its result document ({@value #CELL_SCHEMA}). */
    public ObjectNode run(CellSpec cell, CellSettings settings, List<String> commandLine, boolean forked) {
        EffectiveConfig effective = config(cell, settings);
        Config config = effective.config();
        Workload workload = org.pymemlab.cli.Workloads.resolve(cell.workload(), environment.classLoader(),
                org.pymemlab.cli.Workloads.discard(), org.pymemlab.cli.Workloads.discard());
        RuntimeSelection selection = RuntimeSelection.from(config);
        PluginRegistry plugins = PluginRegistry.load(environment.classLoader());
        for (int i = 0; i < settings.warmup(); i++) {
            RunMeasurement.run(workload, config, selection, settings.sampleEvery(), plugins);
        }
        ObjectNode result = ResultJson.object();
        result.put("schema", CELL_SCHEMA);
        result.set("cell", cell.toJson());
        result.put("forked", forked);
        result.put("warmups", settings.warmup());
        ArrayNode sets = result.putArray("sets");
        settings.sets().forEach(sets::add);
        result.set("metadata", RunMetadata.collect(commandLine));
        result.set("config", configTree(config));
        ArrayNode repetitions = result.putArray("repetitions");
        for (int i = 0; i < settings.repeat(); i++) {
            repetitions.add(RunMeasurement.run(workload, config, selection, settings.sampleEvery(), plugins).toJson());
        }
        return result;
    }

    /** The whole {@code pymem} tree as JSON: every setting the cell ran with, defaults included. */
    static ObjectNode configTree(Config config) {
        String json = config.getConfig("pymem").root().render(ConfigRenderOptions.concise());
        try {
            return (ObjectNode) ResultJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
