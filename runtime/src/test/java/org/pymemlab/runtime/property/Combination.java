package org.pymemlab.runtime.property;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pymemlab.runtime.config.ConfigLayers;

/** One allocator × collector × interning × profile combination, with its effective configuration. */
record Combination(String profile, String allocator, String collector, String interning) {

    static final List<String> PROFILES = List.of("cpython-3.11", "cpython-3.12", "cpython-3.13");
    static final List<String> ALLOCATORS = List.of("obmalloc", "system");
    static final List<String> COLLECTORS = List.of("generational", "refcount-only");
    static final List<String> INTERNING = List.of("cpython", "none");

    private static final Map<Combination, Config> CONFIGS = new ConcurrentHashMap<>();

    /** All 24. */
    static List<Combination> all() {
        List<Combination> out = new ArrayList<>();
        for (String profile : PROFILES) {
            for (String allocator : ALLOCATORS) {
                for (String collector : COLLECTORS) {
                    for (String interning : INTERNING) {
                        out.add(new Combination(profile, allocator, collector, interning));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    Config config() {
        return CONFIGS.computeIfAbsent(this, c -> ConfigLayers.builder(Combination.class.getClassLoader())
                .set("pymem.profile", c.profile)
                .set("pymem.allocator", c.allocator)
                .set("pymem.collector", c.collector)
                .set("pymem.interning", c.interning)
                .build()
                .config());
    }

    @Override
    public String toString() {
        return profile + "/" + allocator + "/" + collector + "/" + interning;
    }
}
