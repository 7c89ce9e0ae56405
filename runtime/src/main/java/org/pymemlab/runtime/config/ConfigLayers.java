package org.pymemlab.runtime.config;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.pymemlab.api.PluginConfigException;

/**
 * Builds the effective configuration from its layers, lowest precedence first (DESIGN.md, Configuration):
 * <ol>
 *   <li>{@code reference.conf} of every jar on the class path;</li>
 *   <li>the profile: the class-path resource {@code pymem/profiles/<id>.conf}, where {@code <id>} is
 *       {@code pymem.profile} as the other layers set it, and must be one of {@code pymem.known-profiles};</li>
 *   <li>{@code application.conf} on the class path;</li>
 *   <li>the file given with {@code --config FILE};</li>
 *   <li>{@code -Dpymem.…=value} system properties (other properties are ignored);</li>
 *   <li>{@code --set key=value} pairs, in the order given, the value parsed as HOCON
 *       ({@code [700,10,10]}, {@code "256 KiB"}).</li>
 * </ol>
 * Substitutions ({@code ${pymem.x}}) are resolved once, over the whole stack, so a higher layer changes what a
 * lower one refers to.
 *
 * <pre>{@code
 * EffectiveConfig effective = ConfigLayers.builder(classLoader)
 *         .configFile(Path.of("lab.conf"))
 *         .set("pymem.allocator", "obmalloc")
 *         .build();
 * PyRuntime runtime = PyRuntime.create(effective.config());
 * }</pre>
 */
public final class ConfigLayers {

    /** The key naming the profile. */
    public static final String PROFILE_KEY = "pymem.profile";

    /** The key listing the profile ids the runtime ships (in the runtime's {@code reference.conf}). */
    public static final String KNOWN_PROFILES_KEY = "pymem.known-profiles";

    /** Where a profile's data lives on the class path: {@code pymem/profiles/<id>.conf}. */
    public static final String PROFILE_RESOURCE_PREFIX = "pymem/profiles/";

    /** Only system properties under this prefix are a layer: the JVM's own ({@code java.home} …) are not ours. */
    static final String SYSTEM_PROPERTY_PREFIX = "pymem.";

    // Origin descriptions of the layers parsed from strings; EffectiveConfig recognises values by them.
    static final String SET_ORIGIN = "--";
    static final String SYSTEM_PROPERTY_ORIGIN = "-D";

    // Guards the resource name built from a profile id when no list of known profiles is configured.
    private static final Pattern PROFILE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ConfigLayers() {
    }

    /**
     * A builder reading {@code reference.conf}, the profiles and {@code application.conf} from the class loader,
     * and {@code -D} properties from {@link System#getProperties()} unless told otherwise.
     */
    public static Builder builder(ClassLoader classLoader) {
        return new Builder(classLoader);
    }

    /** Collects the layers above the class path; one builder builds one configuration. */
    public static final class Builder {

        private final ClassLoader classLoader;
        private Path configFile;
        private Properties systemProperties;
        // key, HOCON text of the value, how the user wrote it (the origin pymem config shows)
        private final List<String[]> sets = new ArrayList<>();

        private Builder(ClassLoader classLoader) {
            this.classLoader = requireNonNull(classLoader, "classLoader is null");
        }

        /** The {@code --config FILE} layer; null for none. */
        public Builder configFile(Path file) {
            this.configFile = file;
            return this;
        }

        /** The properties to take {@code pymem.*} keys from (a snapshot is taken at {@link #build()}). */
        public Builder systemProperties(Properties properties) {
            this.systemProperties = requireNonNull(properties, "properties is null");
            return this;
        }

        /** One {@code --set} pair; later pairs win over earlier ones. The value is HOCON. */
        public Builder set(String key, String value) {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            sets.add(new String[] {key, value, "--set " + key + "=" + value});
            return this;
        }

        /**
         * A string value at {@code --set} precedence, as a shorthand option gives it ({@code --allocator system}):
         * the value is taken literally, not parsed as HOCON, and {@code shownAs} is the origin
         * {@code pymem config} reports. It ranks with the {@code --set} pairs in the order of the calls.
         */
        public Builder setString(String key, String value, String shownAs) {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            requireNonNull(shownAs, "shownAs is null");
            sets.add(new String[] {key, ConfigUtil.quoteString(value), shownAs});
            return this;
        }

        /**
         * One {@code --set key=value} argument as the user typed it.
         *
         * @throws ConfigSourceException when it has no {@code =} or no key
         */
        public Builder set(String pair) {
            requireNonNull(pair, "pair is null");
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigSourceException("--set " + pair + ": expected key=value, e.g. --set pymem.allocator=obmalloc");
            }
            return set(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }

        /** Several {@code --set key=value} arguments, in order. */
        public Builder setAll(List<String> pairs) {
            requireNonNull(pairs, "pairs is null").forEach(this::set);
            return this;
        }

        /**
         * Reads every layer and resolves the result.
         *
         * @throws PluginConfigException when the profile is unknown or {@code pymem.profile} is not a string
         * @throws ConfigSourceException when a layer cannot be read or parsed, or a substitution cannot be resolved
         */
        public EffectiveConfig build() {
            // Unresolved, so that substitutions in reference.conf see the higher layers, and so that no system
            // property other than pymem.* sneaks in (defaultReference overlays all of them).
            Config reference = wrap("reference.conf", () -> ConfigFactory.defaultReferenceUnresolved(classLoader));
            Config application = wrap("application.conf",
                    () -> ConfigFactory.parseResourcesAnySyntax(classLoader, "application",
                            ConfigParseOptions.defaults().setClassLoader(classLoader)));
            Config file = configFile == null ? ConfigFactory.empty() : parseConfigFile(configFile);
            Config properties = systemPropertiesLayer(
                    systemProperties == null ? System.getProperties() : systemProperties);
            Config setLayer = ConfigFactory.empty();
            for (String[] pair : sets) {
                setLayer = parseSet(pair[0], pair[1], pair[2]).withFallback(setLayer);
            }

            Config aboveProfile = setLayer.withFallback(properties).withFallback(file).withFallback(application);
            String profileId = profileId(aboveProfile.withFallback(reference));
            Config profile = loadProfile(profileId);

            Config stack = aboveProfile.withFallback(profile).withFallback(reference);
            Config resolved;
            try {
                resolved = stack.resolve();
            } catch (ConfigException e) {
                throw new ConfigSourceException(oneLine(e.getMessage()), e);
            }
            return new EffectiveConfig(resolved, profileId, configFile);
        }

        private String profileId(Config withoutProfile) {
            Config peek;
            try {
                peek = withoutProfile.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true));
            } catch (ConfigException e) {
                throw new ConfigSourceException(oneLine(e.getMessage()), e);
            }
            if (!peek.hasPathOrNull(PROFILE_KEY) || peek.getIsNull(PROFILE_KEY)) {
                throw new ConfigSourceException(PROFILE_KEY + " is not set: no reference.conf on the class path"
                        + " names a default profile (is pymem-runtime on the class path?)");
            }
            List<String> known = peek.hasPath(KNOWN_PROFILES_KEY)
                    ? TypedSettings.stringList(peek, KNOWN_PROFILES_KEY) : List.of();
            String id = TypedSettings.string(peek, PROFILE_KEY);
            if (!known.isEmpty() && !known.contains(id)) {
                throw new PluginConfigException(PROFILE_KEY, id, "one of " + String.join(", ", new TreeSet<>(known)));
            }
            if (!PROFILE_ID.matcher(id).matches()) {
                throw new PluginConfigException(PROFILE_KEY, id, "a profile id such as cpython-3.13");
            }
            return id;
        }

        private Config loadProfile(String id) {
            String resource = PROFILE_RESOURCE_PREFIX + id + ".conf";
            if (classLoader.getResource(resource) == null) {
                throw new ConfigSourceException("profile " + id + ": the resource " + resource
                        + " is not on the class path");
            }
            try {
                return ConfigFactory.parseResources(classLoader, resource,
                        ConfigParseOptions.defaults().setClassLoader(classLoader).setAllowMissing(false));
            } catch (ConfigException e) {
                throw new ConfigSourceException("profile " + id + " (" + resource + ")" + lineOf(e) + ": "
                        + problem(e), e);
            }
        }
    }

    private static Config parseConfigFile(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigSourceException("--config " + file + ": no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigSourceException("--config " + file + ": not a readable file");
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new ConfigSourceException("--config " + file + lineOf(e) + ": " + problem(e), e);
        }
    }

    private static Config systemPropertiesLayer(Properties all) {
        Config layer = ConfigFactory.empty();
        // A snapshot, sorted so the result does not depend on the Properties' hash order.
        for (String name : new TreeSet<>(all.stringPropertyNames())) {
            if (!name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                continue;
            }
            Properties one = new Properties();
            one.setProperty(name, all.getProperty(name));
            try {
                layer = layer.withFallback(ConfigFactory.parseProperties(one,
                        ConfigParseOptions.defaults().setOriginDescription(
                                SYSTEM_PROPERTY_ORIGIN + name + "=" + all.getProperty(name))));
            } catch (ConfigException e) {
                throw new ConfigSourceException("-D" + name + ": " + problem(e), e);
            }
        }
        return layer;
    }

    private static Config parseSet(String key, String value, String shown) {
        List<String> path;
        try {
            path = ConfigUtil.splitPath(key);
        } catch (ConfigException e) {
            throw new ConfigSourceException(shown + ": '" + key + "' is not a config path", e);
        }
        // An empty value means the empty string, as `--set pymem.x=` reads to a person.
        String text = ConfigUtil.joinPath(path) + " = " + (value.isEmpty() ? "\"\"" : value);
        try {
            return ConfigFactory.parseString(text, ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.CONF)
                    .setOriginDescription(shown));
        } catch (ConfigException e) {
            throw new ConfigSourceException(shown + ": not a HOCON value (" + problem(e) + ")", e);
        }
    }

    private static Config wrap(String what, java.util.function.Supplier<Config> parse) {
        try {
            return parse.get();
        } catch (ConfigException e) {
            throw new ConfigSourceException(what + ": " + oneLine(e.getMessage()), e);
        }
    }

    private static String lineOf(ConfigException e) {
        return e.origin() != null && e.origin().lineNumber() >= 0 ? ":" + e.origin().lineNumber() : "";
    }

    /** The exception's message without the origin prefix Typesafe Config puts before it. */
    static String problem(ConfigException e) {
        String message = oneLine(e.getMessage());
        if (e.origin() != null) {
            String prefix = e.origin().description() + ": ";
            if (message.startsWith(prefix)) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
