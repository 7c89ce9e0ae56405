package org.pymemlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pymemlab.runtime.config.ConfigLayers;
import org.pymemlab.runtime.config.EffectiveConfig;
import org.pymemlab.runtime.plugin.PluginJars;
import picocli.CommandLine.Option;

/** The options that build the effective configuration, shared by {@code run} and {@code config}. */
final class ConfigOptions {

    @Option(names = "--profile", paramLabel = "ID", description = "The CPython profile (pymem.profile), e.g. cpython-3.12.")
    String profile;

    @Option(names = "--allocator", paramLabel = "ID", description = "The allocator plugin (pymem.allocator).")
    String allocator;

    @Option(names = "--collector", paramLabel = "ID", description = "The collector plugin (pymem.collector).")
    String collector;

    @Option(names = "--interning", paramLabel = "ID", description = "The interning plugin (pymem.interning).")
    String interning;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Sets a config key; the value is HOCON: --set pymem.obmalloc.arena-size=\"256 KiB\". Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "A HOCON file layered over application.conf.")
    Path configFile;

    /**
     * Builds the layers. The shorthands are applied after the {@code --set} pairs, so that
     * {@code --allocator system} wins over {@code --set pymem.allocator=obmalloc}.
     *
     * <p>The plugin jars' {@code reference.conf} files are layers too, and which jars there are depends on
     * {@code pymem.plugins.dirs}, which any layer may set: when the result names other directories than the
     * environment used, the environment switches to them and the layers are built once more.
     */
    EffectiveConfig build(CliEnvironment environment) {
        EffectiveConfig effective = build(environment.classLoader(), environment);
        if (environment.usePluginDirectories(
                PluginJars.directories(effective.config(), environment.workingDirectory()))) {
            effective = build(environment.classLoader(), environment);
        }
        return effective;
    }

    private EffectiveConfig build(ClassLoader classLoader, CliEnvironment environment) {
        ConfigLayers.Builder builder = ConfigLayers.builder(classLoader)
                .systemProperties(environment.systemProperties())
                .configFile(configFile)
                .setAll(sets);
        shorthand(builder, "--profile", ConfigLayers.PROFILE_KEY, profile);
        shorthand(builder, "--allocator", "pymem.allocator", allocator);
        shorthand(builder, "--collector", "pymem.collector", collector);
        shorthand(builder, "--interning", "pymem.interning", interning);
        return builder.build();
    }

    private static void shorthand(ConfigLayers.Builder builder, String option, String key, String value) {
        if (value != null) {
            builder.setString(key, value, option + " " + value);
        }
    }
}
