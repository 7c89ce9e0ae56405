package org.pymemlab.gc.generational;

import static java.util.Objects.requireNonNull;

import com.google.auto.service.AutoService;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.typesafe.config.Config;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorProvider;

/**
 * The {@code generational} collector: CPython's cycle collector (three generations plus the permanent
 * one, thresholds, gc_refs in the object header), configured under {@code pymem.generational}.
 */
@AutoService(CollectorProvider.class)
public final class GenerationalProvider implements CollectorProvider {

    /** The id users select this collector by ({@code pymem.collector = generational}). */
    public static final String ID = "generational";

    public GenerationalProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "CPython's generational cycle collector: 3 generations, thresholds, gc_refs (gc.c)";
    }

    @Override
    public String configPath() {
        return GenerationalSettings.PATH;
    }

    /** Validates {@code pymem.generational} now, so a bad value fails at start-up with one line. */
    @Override
    public Module module(Config config) {
        return new GenerationalModule(GenerationalSettings.from(requireNonNull(config, "config is null")));
    }

    /** Binds {@link Collector} and the validated settings; only binds. */
    private static final class GenerationalModule extends AbstractModule {
        private final GenerationalSettings settings;

        GenerationalModule(GenerationalSettings settings) {
            this.settings = settings;
        }

        @Override
        protected void configure() {
            bind(GenerationalSettings.class).toInstance(settings);
            bind(Collector.class).to(GenerationalCollector.class).in(Singleton.class);
        }
    }
}
