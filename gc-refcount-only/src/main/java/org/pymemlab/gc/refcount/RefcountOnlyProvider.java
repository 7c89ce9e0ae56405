package org.pymemlab.gc.refcount;

import static java.util.Objects.requireNonNull;

import com.google.auto.service.AutoService;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.typesafe.config.Config;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorProvider;

/** The {@code refcount-only} collector: reference counting alone, cycles are never collected. */
@AutoService(CollectorProvider.class)
public final class RefcountOnlyProvider implements CollectorProvider {

    /** The id users select this collector by ({@code pymem.collector = refcount-only}). */
    public static final String ID = "refcount-only";

    public RefcountOnlyProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Reference counting alone: cycles are never collected";
    }

    /** The collector reads no settings; {@code pymem.refcount-only} in reference.conf is empty. */
    @Override
    public String configPath() {
        return "";
    }

    @Override
    public Module module(Config config) {
        requireNonNull(config, "config is null");
        return new RefcountOnlyModule();
    }

    /** Binds {@link Collector}; only binds. */
    private static final class RefcountOnlyModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(Collector.class).to(RefcountOnlyCollector.class).in(Singleton.class);
        }
    }
}
