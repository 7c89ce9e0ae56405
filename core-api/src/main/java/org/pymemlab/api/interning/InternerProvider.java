package org.pymemlab.api.interning;

import org.pymemlab.api.PluginProvider;

/**
 * Provides an {@link Interner}. Its {@link #module} must bind {@code Interner} in singleton scope.
 * Register with {@code @AutoService(InternerProvider.class)}.
 */
public interface InternerProvider extends PluginProvider {
}
