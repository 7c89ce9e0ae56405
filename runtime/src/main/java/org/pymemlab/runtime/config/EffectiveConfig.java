package org.pymemlab.runtime.config;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved configuration {@link ConfigLayers} built, with the profile it chose and the means to say where
 * each value came from.
 */
public final class EffectiveConfig {

    private final Config config;
    private final String profileId;
    private final Path configFile;

    EffectiveConfig(Config config, String profileId, Path configFile) {
        this.config = requireNonNull(config, "config is null");
        this.profileId = requireNonNull(profileId, "profileId is null");
        this.configFile = configFile;
    }

    /** The resolved configuration, to hand to {@code PyRuntime.create}. */
    public Config config() {
        return config;
    }

    /** The profile the layers selected ({@code cpython-3.13}). */
    public String profileId() {
        return profileId;
    }

    /** The {@code --config} file, if one was given. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /**
     * Every leaf under {@code path} (lists and nulls are leaves), sorted by path, with its origin; empty when
     * the path does not exist.
     */
    public List<ConfigEntry> entries(String path) {
        requireNonNull(path, "path is null");
        List<ConfigEntry> entries = new ArrayList<>();
        if (config.hasPathOrNull(path)) {
            ConfigValue value = config.getValue(path);
            collect(ConfigUtil.splitPath(path), value, entries);
        }
        entries.sort(Comparator.comparing(ConfigEntry::path));
        return List.copyOf(entries);
    }

    private void collect(List<String> path, ConfigValue value, List<ConfigEntry> into) {
        if (value.valueType() == ConfigValueType.OBJECT) {
            for (Map.Entry<String, ConfigValue> child : ((ConfigObject) value).entrySet()) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(child.getKey());
                collect(childPath, child.getValue(), into);
            }
        } else {
            into.add(new ConfigEntry(ConfigUtil.joinPath(path), value, originOf(value)));
        }
    }

    /** The layer and source of a value of this configuration. */
    public ValueOrigin originOf(ConfigValue value) {
        return classify(requireNonNull(value, "value is null").origin(), profileId);
    }

    /** Recognises the layer a value came from by its Typesafe Config origin. */
    static ValueOrigin classify(ConfigOrigin origin, String profileId) {
        int line = origin.lineNumber();
        String description = withoutLine(origin.description(), line);
        // Resources first: a resource in a class-path directory also reports a filename.
        String resource = origin.resource();
        if (resource != null) {
            if (resource.startsWith("reference.")) {
                return new ValueOrigin(ConfigLayer.REFERENCE, location(origin.url(), resource), line);
            }
            if (resource.startsWith(ConfigLayers.PROFILE_RESOURCE_PREFIX)) {
                String id = resource.substring(ConfigLayers.PROFILE_RESOURCE_PREFIX.length());
                id = id.endsWith(".conf") ? id.substring(0, id.length() - ".conf".length()) : profileId;
                return new ValueOrigin(ConfigLayer.PROFILE, id, line);
            }
            if (resource.startsWith("application.")) {
                return new ValueOrigin(ConfigLayer.APPLICATION, location(origin.url(), resource), line);
            }
            return new ValueOrigin(ConfigLayer.OTHER, resource, line);
        }
        // Only --config (and what it includes) is read from a file.
        if (origin.filename() != null) {
            return new ValueOrigin(ConfigLayer.CONFIG_FILE, origin.filename(), line);
        }
        if (description.startsWith(ConfigLayers.SET_ORIGIN)) {
            return new ValueOrigin(ConfigLayer.SET, description, -1);
        }
        if (description.startsWith(ConfigLayers.SYSTEM_PROPERTY_ORIGIN)) {
            return new ValueOrigin(ConfigLayer.SYSTEM_PROPERTY,
                    description.substring(ConfigLayers.SYSTEM_PROPERTY_ORIGIN.length()), -1);
        }
        return new ValueOrigin(ConfigLayer.OTHER, description, line);
    }

    private static String withoutLine(String description, int line) {
        String suffix = ": " + line;
        return line >= 0 && description.endsWith(suffix)
                ? description.substring(0, description.length() - suffix.length())
                : description;
    }

    /** The jar file name, or the class-path directory, a resource was read from. */
    private static String location(URL url, String resource) {
        if (url == null) {
            return resource;
        }
        String text = url.toString();
        if (text.startsWith("jar:")) {
            int bang = text.indexOf("!/");
            String jar = bang > 0 ? text.substring("jar:".length(), bang) : text.substring("jar:".length());
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        if ("file".equals(url.getProtocol())) {
            try {
                Path file = Path.of(URI.create(text));
                Path directory = file.getParent();
                return directory == null ? file.toString() : directory.toString();
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        return text;
    }
}
