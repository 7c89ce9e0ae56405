package org.pymemlab.runtime.config;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;

/**
 * The runtime's own selection keys, validated: which plugins, which profile and which hash seed.
 *
 * @param profile {@code pymem.profile}
 * @param allocator {@code pymem.allocator}, the id of an allocator provider
 * @param collector {@code pymem.collector}, the id of a collector provider
 * @param interning {@code pymem.interning}, the id of an interner provider
 * @param hashSeed {@code pymem.hash-seed}, as {@code PYTHONHASHSEED}: 0 to 4294967295
 */
public record RuntimeSelection(String profile, String allocator, String collector, String interning, long hashSeed) {

    public static final String ALLOCATOR_KEY = "pymem.allocator";
    public static final String COLLECTOR_KEY = "pymem.collector";
    public static final String INTERNING_KEY = "pymem.interning";
    public static final String HASH_SEED_KEY = "pymem.hash-seed";

    /** PYTHONHASHSEED's range: CPython rejects anything above 2**32 - 1. */
    public static final long MAX_HASH_SEED = 4_294_967_295L;

    public RuntimeSelection {
        requireNonNull(profile, "profile is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(collector, "collector is null");
        requireNonNull(interning, "interning is null");
    }

    /**
     * Reads and checks the keys.
     *
     * @throws org.pymemlab.api.PluginConfigException naming the key, the value and the expected type when one
     *     is missing or of the wrong type
     */
    public static RuntimeSelection from(Config config) {
        requireNonNull(config, "config is null");
        return new RuntimeSelection(
                TypedSettings.string(config, ConfigLayers.PROFILE_KEY),
                TypedSettings.string(config, ALLOCATOR_KEY),
                TypedSettings.string(config, COLLECTOR_KEY),
                TypedSettings.string(config, INTERNING_KEY),
                TypedSettings.longInRange(config, HASH_SEED_KEY, 0, MAX_HASH_SEED));
    }
}
