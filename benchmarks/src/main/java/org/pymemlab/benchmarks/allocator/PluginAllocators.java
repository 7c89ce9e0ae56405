package org.pymemlab.benchmarks.allocator;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorProvider;

/**
 * Opens an allocator the way the runtime does: its provider found by {@link ServiceLoader}, its
 * Guice module built from the reference configuration, the {@link Allocator} taken from a small
 * injector of that module alone. Benchmarks thus measure exactly what a runtime gets.
 */
final class PluginAllocators {

    private PluginAllocators() {
    }

    /**
     * A fresh allocator of plugin {@code id} with its default settings ({@code reference.conf}).
     *
     * @throws IllegalArgumentException naming the known ids when no provider has this id
     */
    static Allocator open(String id) {
        requireNonNull(id, "id is null");
        Config config = ConfigFactory.defaultReference();
        List<String> known = new ArrayList<>();
        for (AllocatorProvider provider : ServiceLoader.load(AllocatorProvider.class,
                PluginAllocators.class.getClassLoader())) {
            if (provider.id().equals(id)) {
                return Guice.createInjector(provider.module(config)).getInstance(Allocator.class);
            }
            known.add(provider.id());
        }
        throw new IllegalArgumentException("Unknown provider [" + id + "] of Allocator, known options "
                + known.stream().sorted().toList());
    }
}
