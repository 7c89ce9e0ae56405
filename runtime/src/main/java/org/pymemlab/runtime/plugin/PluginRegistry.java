package org.pymemlab.runtime.plugin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.PluginProvider;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.api.collector.CollectorProvider;
import org.pymemlab.api.interning.InternerProvider;

/**
 * The plugins of the three axes found on a class path with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * PluginRegistry plugins = PluginRegistry.load(classLoader);
 * AllocatorProvider allocator = plugins.allocator(config.getString("pymem.allocator"));
 * }</pre>
 *
 * Loading fails when two providers of one axis share an id; asking for an unknown id fails with a
 * {@link PluginConfigException} that lists the known ones.
 */
public final class PluginRegistry {

    private final ProviderSet<AllocatorProvider> allocators;
    private final ProviderSet<CollectorProvider> collectors;
    private final ProviderSet<InternerProvider> interners;

    private PluginRegistry(ProviderSet<AllocatorProvider> allocators, ProviderSet<CollectorProvider> collectors,
            ProviderSet<InternerProvider> interners) {
        this.allocators = allocators;
        this.collectors = collectors;
        this.interners = interners;
    }

    /**
     * Finds every provider visible to the class loader.
     *
     * @throws PluginDiscoveryException when two providers of one axis share an id, or one cannot be loaded
     */
    public static PluginRegistry load(ClassLoader classLoader) {
        requireNonNull(classLoader, "classLoader is null");
        return new PluginRegistry(
                ProviderSet.load(AllocatorProvider.class, "pymem.allocator", PluginProvider::id, classLoader),
                ProviderSet.load(CollectorProvider.class, "pymem.collector", PluginProvider::id, classLoader),
                ProviderSet.load(InternerProvider.class, "pymem.interning", PluginProvider::id, classLoader));
    }

    /** The allocator providers, sorted by id. */
    public List<AllocatorProvider> allocators() {
        return allocators.all();
    }

    /** The collector providers, sorted by id. */
    public List<CollectorProvider> collectors() {
        return collectors.all();
    }

    /** The interner providers, sorted by id. */
    public List<InternerProvider> interners() {
        return interners.all();
    }

    /** @throws PluginConfigException ({@code pymem.allocator}) listing the known ids when there is none */
    public AllocatorProvider allocator(String id) {
        return allocators.get(id);
    }

    /** @throws PluginConfigException ({@code pymem.collector}) listing the known ids when there is none */
    public CollectorProvider collector(String id) {
        return collectors.get(id);
    }

    /** @throws PluginConfigException ({@code pymem.interning}) listing the known ids when there is none */
    public InternerProvider interner(String id) {
        return interners.get(id);
    }
}
