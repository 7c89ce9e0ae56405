package org.pymemlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.util.List;
import java.util.concurrent.Callable;
import org.pymemlab.runtime.config.ConfigEntry;
import org.pymemlab.runtime.config.EffectiveConfig;
import org.pymemlab.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pymem config}: the effective {@code pymem} tree, each value with the layer it came from. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show the effective configuration and where each value came from.")
final class ConfigCommand implements Callable<Integer> {

    enum Format { text, json, hocon }

    @ParentCommand
    private PymemCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions options;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or hocon (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() {
        CliEnvironment environment = parent.environment();
        EffectiveConfig effective = options.build(environment);
        // The same start-up checks as `run`, so that `config` tells what `run` would refuse.
        Selection.validate(effective.config(), PluginRegistry.load(environment.classLoader()));
        List<ConfigEntry> entries = effective.entries("pymem");
        String rendered = switch (format) {
            case text -> text(effective, entries);
            case json -> json(effective, entries);
            case hocon -> hocon(effective, entries);
        };
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return ExitStatus.OK;
    }

    static String text(EffectiveConfig effective, List<ConfigEntry> entries) {
        AlignedTable table = new AlignedTable(3, 1, 2).row("KEY", "VALUE", "FROM");
        for (ConfigEntry entry : entries) {
            table.row(entry.path(), entry.renderedValue(), entry.origin().describe());
        }
        return "profile " + effective.profileId() + "\n" + table.render(0);
    }

    static String json(EffectiveConfig effective, List<ConfigEntry> entries) {
        ObjectNode root = Json.object();
        root.put("profile", effective.profileId());
        ArrayNode values = root.putArray("values");
        for (ConfigEntry entry : entries) {
            ObjectNode node = values.addObject();
            node.put("key", entry.path());
            node.set("value", Json.MAPPER.valueToTree(entry.value().unwrapped()));
            ObjectNode origin = node.putObject("origin");
            origin.put("layer", entry.origin().layer().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            origin.put("source", entry.origin().source());
            if (entry.origin().line() >= 0) {
                origin.put("line", entry.origin().line());
            }
            origin.put("description", entry.origin().describe());
        }
        return Json.write(root) + "\n";
    }

    /** HOCON that can be fed back with {@code --config}, each value preceded by a comment naming its origin. */
    static String hocon(EffectiveConfig effective, List<ConfigEntry> entries) {
        Config annotated = effective.config();
        for (ConfigEntry entry : entries) {
            var value = entry.value();
            annotated = annotated.withValue(entry.path(),
                    value.withOrigin(value.origin().withComments(List.of(" from " + entry.origin().describe()))));
        }
        String body = annotated.root().withOnlyKey("pymem").render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setComments(true).setJson(false).setFormatted(true));
        return "# effective configuration, profile " + effective.profileId() + "\n" + body;
    }
}
