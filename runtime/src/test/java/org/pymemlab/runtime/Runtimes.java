package org.pymemlab.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.pymemlab.runtime.config.ConfigLayers;

/** Builds runtimes for tests from the real configuration layers. */
final class Runtimes {

    private Runtimes() {
    }

    static Config config(String profile, String allocator, String collector, String interning) {
        return ConfigLayers.builder(Runtimes.class.getClassLoader())
                .set("pymem.profile", profile)
                .set("pymem.allocator", allocator)
                .set("pymem.collector", collector)
                .set("pymem.interning", interning)
                .build()
                .config();
    }

    static PyRuntime create(String profile, String allocator, String collector, String interning) {
        return PyRuntime.create(config(profile, allocator, collector, interning));
    }

    static PyRuntime defaults() {
        return PyRuntime.create(ConfigLayers.builder(Runtimes.class.getClassLoader()).build().config());
    }

    static Config parse(String hocon) {
        return ConfigFactory.parseString(hocon);
    }
}
