package org.pymemlab.workloads;

import com.google.auto.service.AutoService;
import com.typesafe.config.Config;
import java.util.Random;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * A long-lived dict cache with a steady replacement rate: the root dict {@code cache} is filled with
 * {@code capacity} entries ({@code "key<i>"} to a value), then each of {@code operations} steps looks up a random
 * key, built at run time as a program builds it; with probability {@code replace-rate} the entry is replaced by a
 * fresh value (the old one dies), otherwise the value is only read. A value is a tuple of an int, a float and a
 * bytes object of up to {@code value-bytes} bytes. The cache lives for the whole run, so it reaches the oldest
 * generation while its values keep changing. Nothing is cyclic. {@link Mutator#safePoint()} is called after each
 * step; the cache is released at the end.
 */
@AutoService(Workload.class)
public final class CacheChurnWorkload implements Workload {

    static final String CONFIG_PATH = "pymem.workloads.cache-churn";

    /**
     * @param capacity entries in the cache
     * @param operations lookups after the fill
     * @param replaceRate share of the lookups that replace the value, 0 to 1
     * @param valueBytes largest bytes object in a value
     * @param seed seed of the keys chosen and the values
     */
    record Settings(int capacity, int operations, double replaceRate, int valueBytes, long seed) {
        static Settings from(Config config) {
            return new Settings(
                    TypedSettings.intInRange(config, CONFIG_PATH + ".capacity", 1, Integer.MAX_VALUE),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".operations", 0, Integer.MAX_VALUE),
                    TypedSettings.doubleInRange(config, CONFIG_PATH + ".replace-rate", 0.0, 1.0),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".value-bytes", 0, 1 << 20),
                    TypedSettings.longInRange(config, CONFIG_PATH + ".seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    public CacheChurnWorkload() {
    }

    @Override
    public String id() {
        return "cache-churn";
    }

    @Override
    public String description() {
        return "A long-lived dict cache whose values are replaced at a steady rate";
    }

    @Override
    public String configPath() {
        return CONFIG_PATH;
    }

    @Override
    public void run(Mutator py, Config config) {
        Settings settings = Settings.from(config);
        Random random = new Random(settings.seed());
        long cache = Roots.bind(py, "cache", py.newDict());
        for (int i = 0; i < settings.capacity(); i++) {
            Roots.dictSetNew(py, cache, py.newStr("key" + i), value(py, random, settings));
            py.safePoint();
        }
        for (int i = 0; i < settings.operations(); i++) {
            long key = py.newStr("key" + random.nextInt(settings.capacity()));
            if (random.nextDouble() < settings.replaceRate()) {
                long value = value(py, random, settings);
                py.dictSet(cache, key, value); // the old value dies here
                py.decref(value);
            } else {
                py.dictGet(cache, key);
            }
            py.decref(key);
            py.safePoint();
        }
        py.delRoot("cache");
    }

    /** (int, float, bytes): one cached value. New reference. */
    private static long value(Mutator py, Random random, Settings settings) {
        long number = py.newInt(random.nextInt(1 << 24));
        long ratio = py.newFloat(random.nextDouble());
        byte[] content = new byte[settings.valueBytes() == 0 ? 0 : random.nextInt(settings.valueBytes() + 1)];
        random.nextBytes(content);
        long payload = py.newBytes(content);
        long value = py.newTuple(number, ratio, payload);
        py.decref(number);
        py.decref(ratio);
        py.decref(payload);
        return value;
    }
}
