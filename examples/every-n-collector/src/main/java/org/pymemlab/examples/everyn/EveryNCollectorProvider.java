package org.pymemlab.examples.everyn;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.typesafe.config.Config;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorProvider;

/** {@code --collector every-n}: reads {@code pymem.every-n.allocations}, binds an {@link EveryNCollector}. */
@AutoService(CollectorProvider.class)
public final class EveryNCollectorProvider implements CollectorProvider {

    static final String ALLOCATIONS = "pymem.every-n.allocations";

    @Override
    public String id() {
        return "every-n";
    }

    @Override
    public String description() {
        return "One full trial-deletion collection every N GC allocations; no generations, no header";
    }

    @Override
    public String configPath() {
        return "pymem.every-n";
    }

    @Override
    public Module module(Config config) {
        int allocations = config.getInt(ALLOCATIONS);
        if (allocations < 0) {
            throw new PluginConfigException(ALLOCATIONS, allocations, "an integer >= 0 (0: only when asked)");
        }
        // EveryNCollector's @Inject constructor takes the HeapView the runtime binds.
        return binder -> {
            binder.bind(Integer.class).annotatedWith(EveryNCollector.Allocations.class).toInstance(allocations);
            binder.bind(Collector.class).to(EveryNCollector.class).in(Scopes.SINGLETON);
        };
    }
}
