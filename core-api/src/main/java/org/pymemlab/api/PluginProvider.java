package org.pymemlab.api;

import com.google.inject.Module;
import com.typesafe.config.Config;

/**
 * The entry point of a plugin: one per strategy, found with {@link java.util.ServiceLoader}.
 *
 * <p>A plugin registers its provider under the axis interface it serves
 * ({@link org.pymemlab.api.allocator.AllocatorProvider},
 * {@link org.pymemlab.api.collector.CollectorProvider} or
 * {@link org.pymemlab.api.interning.InternerProvider}), usually with
 * {@code @AutoService(AllocatorProvider.class)}. The runtime picks the provider whose {@link #id()}
 * equals the configured key ({@code pymem.allocator}, {@code pymem.collector},
 * {@code pymem.interning}) and installs the Guice module it returns.
 *
 * <p>Implementations must be public, have a public no-argument constructor, and do no work in it:
 * providers are instantiated just to be listed.
 */
public interface PluginProvider {

    /** The id users select this plugin by, lowercase-hyphenated, unique on its axis ({@code obmalloc}). */
    String id();

    /** One line saying what the strategy does, shown by {@code pymem list}. */
    String description();

    /**
     * The config path this plugin reads its settings from ({@code pymem.obmalloc}), or the empty
     * string when it reads none. Every key under it must be declared, with a comment, in the
     * plugin's own {@code reference.conf}; {@code pymem list} shows those keys and comments.
     */
    String configPath();

    /**
     * Validates the plugin's settings and returns the module that binds the axis interface
     * ({@code Allocator}, {@code Collector} or {@code Interner}) to the implementation.
     *
     * <p>The module only binds: no I/O, no native memory, no threads in {@code configure()}.
     * The injector it is installed in also binds {@link Config} (the effective configuration) and,
     * for collectors and interners, the runtime's views ({@code HeapView}).
     *
     * @param config the effective configuration (the whole tree, not just {@link #configPath()})
     * @throws PluginConfigException when a setting is missing, of the wrong type or impossible
     */
    Module module(Config config);
}
