package org.pymemlab.gc.generational;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import org.pymemlab.api.PluginConfigException;

/**
 * The settings under {@code pymem.generational}, validated once at start-up.
 *
 * @param thresholds the three thresholds, youngest first
 * @param timing when automatic collections run
 * @param enabled whether automatic collection starts enabled
 * @param debugFlags CPython's {@code gc.set_debug} flags
 */
record GenerationalSettings(List<Integer> thresholds, CollectionTiming timing, boolean enabled, int debugFlags) {

    static final String PATH = "pymem.generational";
    static final int GENERATIONS = 3;
    /** DEBUG_STATS | DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL. */
    static final int KNOWN_DEBUG_FLAGS = 1 | 2 | 4 | 32;

    GenerationalSettings {
        thresholds = List.copyOf(requireNonNull(thresholds, "thresholds is null"));
        requireNonNull(timing, "timing is null");
    }

    /**
     * Reads and checks {@code pymem.generational}.
     *
     * @throws PluginConfigException with one line naming the key, the value and what is allowed
     */
    static GenerationalSettings from(Config config) {
        requireNonNull(config, "config is null");
        Config reference = ConfigFactory.defaultReference(GenerationalSettings.class.getClassLoader());
        try {
            config.checkValid(reference, PATH);
        } catch (ConfigException.ValidationFailed e) {
            ConfigException.ValidationProblem p = e.problems().iterator().next();
            throw new PluginConfigException(p.path(), valueAt(config, p.path()), p.problem());
        }
        Config c = config.getConfig(PATH);

        String thresholdsKey = PATH + ".thresholds";
        String allowedThresholds = "a list of " + GENERATIONS + " integers from 0 to " + Integer.MAX_VALUE;
        List<Integer> thresholds = new ArrayList<>(GENERATIONS);
        com.typesafe.config.ConfigList list = read(config, "thresholds", allowedThresholds, c::getList);
        if (list.size() != GENERATIONS) {
            throw new PluginConfigException(thresholdsKey, list.unwrapped(), allowedThresholds);
        }
        for (ConfigValue v : list) {
            Object raw = v.unwrapped();
            if (v.valueType() != ConfigValueType.NUMBER || !(raw instanceof Integer i) || i < 0) {
                throw new PluginConfigException(thresholdsKey, list.unwrapped(), allowedThresholds);
            }
            thresholds.add(i);
        }

        String timingName = read(config, "timing", "one of [immediate, safe-point]", c::getString);
        CollectionTiming timing = CollectionTiming.byConfigName(timingName);
        if (timing == null) {
            throw new PluginConfigException(PATH + ".timing", timingName, "one of [immediate, safe-point]");
        }

        boolean enabled = read(config, "enabled", "true or false", c::getBoolean);

        String allowedFlags = "a sum of DEBUG_STATS = 1, DEBUG_COLLECTABLE = 2, DEBUG_UNCOLLECTABLE = 4, DEBUG_SAVEALL = 32";
        int debugFlags = read(config, "debug-flags", allowedFlags, c::getInt);
        if (debugFlags < 0 || (debugFlags & ~KNOWN_DEBUG_FLAGS) != 0) {
            throw new PluginConfigException(PATH + ".debug-flags", debugFlags, allowedFlags);
        }
        return new GenerationalSettings(thresholds, timing, enabled, debugFlags);
    }

    /** Reads {@code key} of the section, turning a wrong type into one clear line. */
    private static <T> T read(Config config, String key, String allowed, java.util.function.Function<String, T> getter) {
        try {
            return getter.apply(key);
        } catch (ConfigException.WrongType | ConfigException.Missing e) {
            throw new PluginConfigException(PATH + "." + key, valueAt(config, PATH + "." + key), allowed);
        }
    }

    private static Object valueAt(Config config, String path) {
        try {
            return config.hasPath(path) ? config.getValue(path).unwrapped() : "(missing)";
        } catch (ConfigException e) {
            return "(unreadable)";
        }
    }
}
