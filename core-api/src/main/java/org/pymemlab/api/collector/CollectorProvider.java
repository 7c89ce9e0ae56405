package org.pymemlab.api.collector;

import org.pymemlab.api.PluginProvider;

/**
 * Provides a {@link Collector}. Its {@link #module} must bind {@code Collector} in singleton scope;
 * the implementation may {@code @Inject} the {@link HeapView} and the effective
 * {@link com.typesafe.config.Config}. Register with {@code @AutoService(CollectorProvider.class)}.
 */
public interface CollectorProvider extends PluginProvider {
}
