package org.pymemlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pymemlab.api.PluginProvider;
import org.pymemlab.runtime.config.ConfigLayers;
import org.pymemlab.runtime.plugin.PluginProblem;
import org.pymemlab.runtime.plugin.PluginRegistry;
import org.pymemlab.workloads.Workload;
import org.pymemlab.workloads.WorkloadRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pymem list}: every plugin and workload on the class path and in the plugin directories, with its settings as
 * reference.conf documents them. Plugins that cannot be used are warnings on stderr ({@code pymem: plugin problem: …}).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every plugin and workload: id, description, config path and keys with defaults.")
final class ListCommand implements Callable<Integer> {

    enum Format { text, json }

    @ParentCommand
    private PymemCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    /** One key under a config path: its full path, its reference.conf default and the comment above it. */
    record KeyDoc(String key, ConfigValue defaultValue, String comment) {
        String renderedDefault() {
            return defaultValue.valueType() == ConfigValueType.NULL ? "null"
                    : defaultValue.render(ConfigRenderOptions.concise());
        }
    }

    /** One listed plugin or workload. */
    record Entry(String id, String description, String configPath, List<KeyDoc> keys) {
    }

    /** One section of the listing: the key that selects an entry and the entries. */
    record Section(String name, String selectedBy, List<Entry> entries) {
    }

    @Override
    public Integer call() {
        CliEnvironment environment = parent.environment();
        // Each provider's module is tried against the configuration once, so that a plugin that would fail when
        // selected is a warning here and not a line among the good ones.
        Config effective = ConfigLayers.builder(environment.classLoader())
                .systemProperties(environment.systemProperties()).build().config();
        PluginRegistry plugins = PluginRegistry.load(environment.classLoader()).checked(effective);
        for (PluginProblem problem : plugins.problems()) {
            spec.commandLine().getErr().println("pymem: plugin problem: " + problem.message());
        }
        spec.commandLine().getErr().flush();
        WorkloadRegistry workloads = WorkloadRegistry.load(environment.classLoader());
        // reference.conf alone: its values are the defaults and its comments the documentation.
        Config reference = ConfigFactory.defaultReferenceUnresolved(environment.classLoader())
                .resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true));
        List<Section> sections = List.of(
                new Section("allocators", "pymem.allocator", providers(plugins.allocators(), reference)),
                new Section("collectors", "pymem.collector", providers(plugins.collectors(), reference)),
                new Section("interners", "pymem.interning", providers(plugins.interners(), reference)),
                new Section("workloads", "--workload", workloads.all().stream()
                        .map(w -> entry(w.id(), w.description(), w.configPath(), reference)).toList()));
        spec.commandLine().getOut().print(format == Format.json ? json(sections) : text(sections));
        spec.commandLine().getOut().flush();
        return ExitStatus.OK;
    }

    private static List<Entry> providers(List<? extends PluginProvider> providers, Config reference) {
        return providers.stream().map(p -> entry(p.id(), p.description(), p.configPath(), reference)).toList();
    }

    private static Entry entry(String id, String description, String configPath, Config reference) {
        List<KeyDoc> keys = new ArrayList<>();
        if (configPath != null && !configPath.isEmpty() && reference.hasPathOrNull(configPath)) {
            collect(ConfigUtil.splitPath(configPath), reference.getValue(configPath), keys);
        }
        keys.sort(Comparator.comparing(KeyDoc::key));
        return new Entry(id, description, configPath == null ? "" : configPath, keys);
    }

    /** Walks the tree by hand, so that keys documented with a null default are listed too. */
    private static void collect(List<String> path, ConfigValue value, List<KeyDoc> into) {
        if (value.valueType() == ConfigValueType.OBJECT) {
            for (Map.Entry<String, ConfigValue> child : ((ConfigObject) value).entrySet()) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(child.getKey());
                collect(childPath, child.getValue(), into);
            }
        } else {
            String comment = String.join(" ", value.origin().comments().stream().map(String::strip).toList());
            into.add(new KeyDoc(ConfigUtil.joinPath(path), value, comment));
        }
    }

    static String text(List<Section> sections) {
        StringBuilder out = new StringBuilder();
        for (Section section : sections) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(section.name()).append(" (").append(section.selectedBy()).append(")\n");
            if (section.entries().isEmpty()) {
                out.append("  (none on the class path)\n");
            }
            for (Entry entry : section.entries()) {
                out.append(new AlignedTable(2, 1).row(entry.id(), entry.description()).render(2));
                if (entry.keys().isEmpty()) {
                    continue;
                }
                AlignedTable keys = new AlignedTable(3, 1, 2);
                String prefix = entry.configPath() + ".";
                for (KeyDoc key : entry.keys()) {
                    String shortKey = key.key().startsWith(prefix) ? key.key().substring(prefix.length()) : key.key();
                    keys.row(shortKey, "= " + key.renderedDefault(), key.comment().isEmpty() ? "" : "# " + key.comment());
                }
                out.append("      ").append(entry.configPath()).append(":\n").append(keys.render(8));
            }
        }
        return out.toString();
    }

    static String json(List<Section> sections) {
        ObjectNode root = Json.object();
        for (Section section : sections) {
            ArrayNode entries = root.putArray(section.name());
            for (Entry entry : section.entries()) {
                ObjectNode node = entries.addObject();
                node.put("id", entry.id());
                node.put("description", entry.description());
                node.put("configPath", entry.configPath());
                ArrayNode keys = node.putArray("keys");
                for (KeyDoc key : entry.keys()) {
                    ObjectNode keyNode = keys.addObject();
                    keyNode.put("key", key.key());
                    keyNode.set("default", Json.MAPPER.valueToTree(key.defaultValue().unwrapped()));
                    keyNode.put("comment", key.comment());
                }
            }
        }
        return Json.write(root) + "\n";
    }
}
