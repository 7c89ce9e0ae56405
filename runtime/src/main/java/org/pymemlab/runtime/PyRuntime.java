package org.pymemlab.runtime;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import com.typesafe.config.Config;
import java.io.PrintStream;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.HeapView;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.runtime.config.RuntimeSelection;
import org.pymemlab.runtime.debug.CheckedMutator;
import org.pymemlab.runtime.debugmalloc.DebugAllocator;
import org.pymemlab.runtime.heap.Heap;
import org.pymemlab.runtime.heap.HeapViewAdapter;
import org.pymemlab.runtime.limit.HeapLimit;
import org.pymemlab.runtime.plugin.PluginRegistry;
import org.pymemlab.runtime.profile.Profile;

/**
 * One Python heap: an allocator, a collector and an interning policy chosen by configuration, the object
 * model of one CPython profile on top, and a {@link Mutator} to drive it. Several runtimes may live in one
 * JVM; each owns its native memory and releases it on {@link #close()}.
 */
public final class PyRuntime implements AutoCloseable {

    private final Profile profile;
    private final Allocator allocator;
    private final Collector collector;
    private final Interner interner;
    private final Heap heap;
    private final Mutator mutator;
    private boolean closed;

    private PyRuntime(Profile profile, Allocator allocator, Collector collector, Interner interner, Heap heap,
            Mutator mutator) {
        this.profile = profile;
        this.allocator = allocator;
        this.collector = collector;
        this.interner = interner;
        this.heap = heap;
        this.mutator = mutator;
    }

    /**
     * Builds a runtime from the effective configuration (see {@code ConfigLayers}): picks the providers named
     * by {@code pymem.allocator}, {@code pymem.collector} and {@code pymem.interning} from the class path and
     * reads the profile's keys under {@code pymem.runtime}.
     *
     * @throws PluginConfigException for an unknown plugin id or an impossible value
     */
    public static PyRuntime create(Config config) {
        return create(config, PluginRegistry.load(PyRuntime.class.getClassLoader()), System.err);
    }

    /** As {@link #create(Config)}, with the plugins of {@code registry}; errors of finalizers go to {@code errors}. */
    public static PyRuntime create(Config config, PluginRegistry registry, PrintStream errors) {
        requireNonNull(config, "config is null");
        requireNonNull(registry, "registry is null");
        RuntimeSelection selection = RuntimeSelection.from(config);
        Profile profile = Profile.from(config);
        Module allocatorModule = registry.allocator(selection.allocator()).module(config);
        Module collectorModule = registry.collector(selection.collector()).module(config);
        Module internerModule = registry.interner(selection.interning()).module(config);
        HeapViewAdapter view = new HeapViewAdapter();
        Module runtimeModule = new AbstractModule() {
            @Override
            protected void configure() {
                bind(Config.class).toInstance(config);
                bind(HeapView.class).toInstance(view);
            }
        };
        Allocator allocator;
        Collector collector;
        Interner interner;
        try {
            Injector injector = Guice.createInjector(runtimeModule, allocatorModule, collectorModule, internerModule);
            allocator = injector.getInstance(Allocator.class);
            if (config.getBoolean("pymem.debug.allocator")) {
                allocator = new DebugAllocator(allocator);
            }
            // pymem.heap.limit: outermost, so the debug wrapper's padding does not count against the program
            allocator = HeapLimit.from(config).apply(allocator);
            collector = injector.getInstance(Collector.class);
            interner = injector.getInstance(Interner.class);
        } catch (CreationException e) {
            throw unwrap(e.getErrorMessages().stream().map(Message::getCause).toList(), e);
        } catch (ProvisionException e) {
            throw unwrap(e.getErrorMessages().stream().map(Message::getCause).toList(), e);
        }
        Heap heap = new Heap(profile, allocator, collector, interner, selection.hashSeed());
        Mutator mutator;
        try {
            mutator = heap.start(view, errors);
            if (config.getBoolean("pymem.debug.checks")) {
                heap.trackFreedObjects();
                mutator = new CheckedMutator(mutator, heap);
            }
        } catch (RuntimeException e) {
            allocator.close();
            heap.close();
            throw e;
        }
        return new PyRuntime(profile, allocator, collector, interner, heap, mutator);
    }

    /** A plugin's own configuration error surfaces as itself, not wrapped in Guice's report. */
    private static RuntimeException unwrap(java.util.List<Throwable> causes, RuntimeException guiceError) {
        for (Throwable cause : causes) {
            if (cause instanceof PluginConfigException p) {
                return p;
            }
        }
        return guiceError;
    }

    public Mutator mutator() {
        return mutator;
    }

    /** Calls made to the mutator so far ({@code objectSpace()} excepted): a run's "operations". */
    public long mutatorOperations() {
        return heap.heapMutator().operations();
    }

    /**
     * Sets what is told the operation count at every safe point (a run's memory sampler; null for nothing).
     * The count is kept by the runtime's mutator itself, so measuring a run adds no layer to every call.
     */
    public void onSafePoint(java.util.function.LongConsumer listener) {
        heap.heapMutator().onSafePoint(listener);
    }

    /** The profile id, e.g. {@code cpython-3.13}. */
    public String profileId() {
        return profile.id();
    }

    public Profile profile() {
        return profile;
    }

    public Allocator allocator() {
        return allocator;
    }

    public Collector collector() {
        return collector;
    }

    public Interner interner() {
        return interner;
    }

    /** Counters of the heap; walks every live object to sum their sizes, so not for every step of a program. */
    public HeapStats heapStats() {
        return heap.stats();
    }

    /** Objects allocated and not yet freed: cheap enough to sample as often as wanted. */
    public long objectsAlive() {
        return heap.liveCount();
    }

    /** Walks the heap from the roots and reports what is allocated but unreachable. */
    public LeakReport leaks() {
        return heap.leaks();
    }

    /** Releases the roots and every cache, then returns all native memory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            heap.shutdown();
        } finally {
            collector.close();
            allocator.close();
            heap.close();
        }
    }
}
