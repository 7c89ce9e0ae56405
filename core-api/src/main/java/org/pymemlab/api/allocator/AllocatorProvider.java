package org.pymemlab.api.allocator;

import org.pymemlab.api.PluginProvider;

/**
 * Provides an {@link Allocator}. Its {@link #module} must bind {@code Allocator} (one instance per
 * runtime: bind it in singleton scope). Register with {@code @AutoService(AllocatorProvider.class)}.
 *
 * <pre>{@code
 * @AutoService(AllocatorProvider.class)
 * public final class BumpAllocatorProvider implements AllocatorProvider {
 *     public String id() { return "bump"; }
 *     public String description() { return "Bump pointer, never frees"; }
 *     public String configPath() { return "pymem.bump"; }
 *     public Module module(Config config) {
 *         long chunk = config.getBytes("pymem.bump.chunk-size");
 *         return binder -> binder.bind(Allocator.class).toInstance(new BumpAllocator(chunk));
 *     }
 * }
 * }</pre>
 */
public interface AllocatorProvider extends PluginProvider {
}
