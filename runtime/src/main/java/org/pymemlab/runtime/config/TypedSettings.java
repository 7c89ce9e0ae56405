package org.pymemlab.runtime.config;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueType;
import java.util.List;
import org.pymemlab.api.PluginConfigException;

/**
 * Reads one typed setting and turns Typesafe Config's exceptions into the one-line
 * {@link PluginConfigException} ({@code key = value: what is allowed}) that the {@code pymem} command prints.
 */
public final class TypedSettings {

    private TypedSettings() {
    }

    /** A string; numbers and booleans are accepted as their text, as Typesafe Config does. */
    public static String string(Config config, String path) {
        requirePresent(config, path, "a string");
        try {
            return config.getString(path);
        } catch (ConfigException.WrongType e) {
            throw new PluginConfigException(path, rendered(config, path), "a string");
        }
    }

    /** A list of strings. */
    public static List<String> stringList(Config config, String path) {
        requirePresent(config, path, "a list of strings");
        try {
            return List.copyOf(config.getStringList(path));
        } catch (ConfigException.WrongType e) {
            throw new PluginConfigException(path, rendered(config, path), "a list of strings");
        }
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public static long longInRange(Config config, String path, long min, long max) {
        String allowed = "an integer from " + min + " to " + max;
        requirePresent(config, path, allowed);
        long value;
        try {
            value = config.getLong(path);
        } catch (ConfigException.WrongType e) {
            throw new PluginConfigException(path, rendered(config, path), allowed);
        }
        // getLong truncates 1.5 to 1: a fraction is not an integer setting.
        Object raw = config.getValue(path).unwrapped();
        if (raw instanceof Double d && d != Math.rint(d)) {
            throw new PluginConfigException(path, rendered(config, path), allowed);
        }
        if (value < min || value > max) {
            throw new PluginConfigException(path, rendered(config, path), allowed);
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max} that fits an int. */
    public static int intInRange(Config config, String path, int min, int max) {
        return (int) longInRange(config, path, min, max);
    }

    /** A number from {@code min} to {@code max}, both included. */
    public static double doubleInRange(Config config, String path, double min, double max) {
        String allowed = "a number from " + min + " to " + max;
        requirePresent(config, path, allowed);
        double value;
        try {
            value = config.getDouble(path);
        } catch (ConfigException.WrongType e) {
            throw new PluginConfigException(path, rendered(config, path), allowed);
        }
        if (!(value >= min && value <= max)) {
            throw new PluginConfigException(path, rendered(config, path), allowed);
        }
        return value;
    }

    /** A memory size ({@code 256 KiB}) or a number of bytes, from {@code min} to {@code max} bytes. */
    public static long bytesInRange(Config config, String path, long min, long max) {
        String allowed = "a size from " + min + " to " + max + " bytes, such as 256 KiB";
        requirePresent(config, path, allowed);
        long value;
        try {
            value = config.getBytes(path);
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            throw new PluginConfigException(path, rendered(config, path), allowed);
        }
        if (value < min || value > max) {
            throw new PluginConfigException(path, rendered(config, path), allowed);
        }
        return value;
    }

    /** A boolean ({@code true}, {@code false}, {@code yes}, {@code no}, {@code on}, {@code off}). */
    public static boolean bool(Config config, String path) {
        requirePresent(config, path, "true or false");
        try {
            return config.getBoolean(path);
        } catch (ConfigException.WrongType e) {
            throw new PluginConfigException(path, rendered(config, path), "true or false");
        }
    }

    private static void requirePresent(Config config, String path, String allowed) {
        requireNonNull(config, "config is null");
        requireNonNull(path, "path is null");
        if (!config.hasPathOrNull(path)) {
            throw new PluginConfigException(path, "(not set)", allowed);
        }
        if (config.getIsNull(path)) {
            throw new PluginConfigException(path, "null", allowed);
        }
    }

    /** The value as the user would have written it in HOCON, on one line. */
    static String rendered(Config config, String path) {
        if (!config.hasPathOrNull(path)) {
            return "(not set)";
        }
        var value = config.getValue(path);
        return value.valueType() == ConfigValueType.NULL ? "null" : value.render(ConfigRenderOptions.concise());
    }
}
