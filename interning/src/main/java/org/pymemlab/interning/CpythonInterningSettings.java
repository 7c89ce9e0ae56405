package org.pymemlab.interning;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import java.util.List;
import org.pymemlab.api.PluginConfigException;

/**
 * The settings of the {@code cpython} interning policy, read once from {@code pymem.cpython-interning}
 * (every key is documented in this module's {@code reference.conf}).
 *
 * @param smallIntMin the smallest cached int
 * @param smallIntMax the largest cached int
 * @param singleCharStrings whether the one-character latin-1 strings are singletons
 * @param singleByteBytes whether the one-byte bytes objects are singletons
 * @param startupInternedChars one-character strings already interned, as objects of their own, when a
 *     program starts (CPython 3.11/3.12: constants of the code its start-up loads), not the latin-1 singletons
 */
record CpythonInterningSettings(long smallIntMin, long smallIntMax, boolean singleCharStrings, boolean singleByteBytes,
        String startupInternedChars) {

    static final String PATH = "pymem.cpython-interning";
    static final String SMALL_INT_MIN = PATH + ".small-int-min";
    static final String SMALL_INT_MAX = PATH + ".small-int-max";
    static final String SINGLE_CHAR_STRINGS = PATH + ".single-char-strings";
    static final String SINGLE_BYTE_BYTES = PATH + ".single-byte-bytes";
    static final String STARTUP_INTERNED_CHARS = PATH + ".startup-interned-chars";

    /** The most small ints the cache may hold: they are all created at start-up. */
    static final long MAX_SMALL_INTS = 1_000_000;

    private static final List<String> KEYS = List.of("small-int-min", "small-int-max", "single-char-strings", "single-byte-bytes",
            "startup-interned-chars");

    /** Settings with no start-up interned characters. */
    CpythonInterningSettings(long smallIntMin, long smallIntMax, boolean singleCharStrings, boolean singleByteBytes) {
        this(smallIntMin, smallIntMax, singleCharStrings, singleByteBytes, "");
    }

    CpythonInterningSettings {
        for (int i = 0; i < startupInternedChars.length(); i++) {
            if (startupInternedChars.charAt(i) >= 256) {
                throw new PluginConfigException(STARTUP_INTERNED_CHARS, startupInternedChars,
                        "a string of latin-1 characters (code points below 256)");
            }
        }
        if (smallIntMin > smallIntMax) {
            throw new PluginConfigException(SMALL_INT_MAX, smallIntMax,
                    "an integer >= small-int-min (" + smallIntMin + ")");
        }
        // max - min is exact when read as unsigned, since min <= max.
        if (Long.compareUnsigned(smallIntMax - smallIntMin, MAX_SMALL_INTS - 1) > 0) {
            throw new PluginConfigException(SMALL_INT_MAX, smallIntMax, "at most " + MAX_SMALL_INTS
                    + " ints from small-int-min (" + smallIntMin + "), so at most " + (smallIntMin + MAX_SMALL_INTS - 1));
        }
    }

    /**
     * Reads and validates the settings from the effective configuration.
     *
     * @throws PluginConfigException naming the first key that is missing, unknown, of the wrong type or impossible
     */
    static CpythonInterningSettings from(Config config) {
        Config section = section(config);
        for (String key : section.root().keySet()) {
            if (!KEYS.contains(key)) {
                throw new PluginConfigException(PATH + "." + key, render(section, quote(key)),
                        "not a setting of the cpython interning policy; the settings are " + String.join(", ", KEYS));
            }
        }
        return new CpythonInterningSettings(
                readLong(config, SMALL_INT_MIN),
                readLong(config, SMALL_INT_MAX),
                readBoolean(config, SINGLE_CHAR_STRINGS),
                readBoolean(config, SINGLE_BYTE_BYTES),
                readString(config, STARTUP_INTERNED_CHARS));
    }

    /** How many ints the cache holds (at most {@link #MAX_SMALL_INTS}). */
    int smallIntCount() {
        return (int) (smallIntMax - smallIntMin + 1);
    }

    private static Config section(Config config) {
        if (!config.hasPath(PATH)) {
            throw new PluginConfigException(PATH, "(missing)", "an object with the keys " + String.join(", ", KEYS));
        }
        try {
            return config.getConfig(PATH);
        } catch (ConfigException.WrongType e) {
            throw new PluginConfigException(PATH, render(config, PATH), "an object with the keys " + String.join(", ", KEYS));
        }
    }

    private static long readLong(Config config, String key) {
        requirePresent(config, key, "an integer");
        // getLong would silently truncate 2.5 to 2.
        if (config.getValue(key).unwrapped() instanceof Double) {
            throw new PluginConfigException(key, render(config, key), "an integer");
        }
        try {
            return config.getLong(key);
        } catch (ConfigException.WrongType e) {
            throw new PluginConfigException(key, render(config, key), "an integer");
        }
    }

    private static boolean readBoolean(Config config, String key) {
        requirePresent(config, key, "true or false");
        try {
            return config.getBoolean(key);
        } catch (ConfigException.WrongType e) {
            throw new PluginConfigException(key, render(config, key), "true or false");
        }
    }

    private static String readString(Config config, String key) {
        requirePresent(config, key, "a string");
        if (!(config.getValue(key).unwrapped() instanceof String)) {
            throw new PluginConfigException(key, render(config, key), "a string");
        }
        return config.getString(key);
    }

    private static void requirePresent(Config config, String key, String allowed) {
        if (!config.hasPath(key)) {
            throw new PluginConfigException(key, "(missing)", allowed);
        }
    }

    private static String render(Config config, String path) {
        return config.getValue(path).render(ConfigRenderOptions.concise());
    }

    /** A key as a HOCON path expression, so that keys with dots or odd characters can be looked up. */
    private static String quote(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
