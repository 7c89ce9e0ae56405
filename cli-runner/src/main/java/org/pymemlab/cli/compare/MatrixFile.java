package org.pymemlab.cli.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pymemlab.api.PluginConfigException;

/**
 * A comparison matrix written down (HOCON), for {@code pymem compare --matrix FILE}. Every key is optional; an
 * option given on the command line wins over the file.
 *
 * <pre>
 * workloads  = [gc-collect, temporaries]     # or one string
 * profiles   = [cpython-3.12, cpython-3.13]
 * allocators = [obmalloc, system]
 * collectors = [generational, refcount-only]
 * interning  = [cpython, none]
 * repeat = 5, warmup = 1
 * baseline = "gc-collect+cpython-3.13+obmalloc+generational+cpython"
 * shuffle = true, seed = 7, fork = true
 * set { "pymem.workloads.gc-collect.rounds" = 5 }   # each pair as --set key=value
 * </pre>
 */
record MatrixFile(
        List<String> workloads, List<String> profiles, List<String> allocators, List<String> collectors,
        List<String> interning, Optional<Integer> repeat, Optional<Integer> warmup, Optional<String> baseline,
        Optional<Boolean> shuffle, Optional<Long> seed, Optional<Boolean> fork, List<String> sets) {

    static final MatrixFile EMPTY = new MatrixFile(List.of(), List.of(), List.of(), List.of(), List.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of());

    /** The top-level keys a matrix file may have. */
    static final List<String> KEYS = List.of("workloads", "profiles", "allocators", "collectors", "interning",
            "repeat", "warmup", "baseline", "shuffle", "seed", "fork", "set");

    /** @throws PluginConfigException naming {@code --matrix} and what is wrong */
    static MatrixFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PluginConfigException("--matrix", file, "a readable HOCON file");
        }
        Config config;
        try {
            config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                    .resolve();
        } catch (ConfigException e) {
            throw new PluginConfigException("--matrix", file, "valid HOCON (" + e.getMessage() + ")");
        }
        // A misspelt key would silently run a different matrix: refuse what the format does not know.
        for (String key : config.root().keySet()) {
            if (!KEYS.contains(key)) {
                throw new PluginConfigException("--matrix", file + " (key '" + key + "')",
                        "only the keys " + String.join(", ", KEYS));
            }
        }
        try {
            List<String> sets = new ArrayList<>();
            if (config.hasPath("set")) {
                for (Map.Entry<String, ConfigValue> e : config.getConfig("set").entrySet()) {
                    sets.add(String.join(".", ConfigUtil.splitPath(e.getKey())) + "=" + e.getValue().render(ConfigRenderOptions.concise()));
                }
            }
            return new MatrixFile(list(config, "workloads"), list(config, "profiles"), list(config, "allocators"),
                    list(config, "collectors"), list(config, "interning"),
                    config.hasPath("repeat") ? Optional.of(config.getInt("repeat")) : Optional.empty(),
                    config.hasPath("warmup") ? Optional.of(config.getInt("warmup")) : Optional.empty(),
                    config.hasPath("baseline") ? Optional.of(config.getString("baseline")) : Optional.empty(),
                    config.hasPath("shuffle") ? Optional.of(config.getBoolean("shuffle")) : Optional.empty(),
                    config.hasPath("seed") ? Optional.of(config.getLong("seed")) : Optional.empty(),
                    config.hasPath("fork") ? Optional.of(config.getBoolean("fork")) : Optional.empty(),
                    sets.stream().sorted().toList());
        } catch (ConfigException e) {
            throw new PluginConfigException("--matrix", file, "a matrix file (" + e.getMessage() + ")");
        }
    }

    private static List<String> list(Config config, String key) {
        if (!config.hasPath(key)) {
            return List.of();
        }
        if (config.getValue(key).valueType() == ConfigValueType.LIST) {
            return config.getStringList(key);
        }
        return List.of(config.getString(key).split(","));
    }
}
