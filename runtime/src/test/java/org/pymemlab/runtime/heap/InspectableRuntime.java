package org.pymemlab.runtime.heap;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.typesafe.config.Config;
import java.io.PrintStream;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.HeapView;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.runtime.LeakReport;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.RuntimeSelection;
import org.pymemlab.runtime.plugin.PluginRegistry;
import org.pymemlab.runtime.profile.Profile;

/**
 * Test-only: a runtime assembled as {@code PyRuntime.create} assembles one (same providers, same Guice wiring,
 * same start and close order), with two differences tests need: the allocator can be wrapped (a
 * {@link TrackingAllocator}, a limit), and the heap's package-private inside (the live objects, their referents
 * and refcounts, the static objects) can be read.
 */
public final class InspectableRuntime implements AutoCloseable {

    private static final PluginRegistry PLUGINS = PluginRegistry.load(InspectableRuntime.class.getClassLoader());

    private final Profile profile;
    private final Allocator allocator;
    private final Collector collector;
    private final Interner interner;
    private final Heap heap;
    private final Mutator mutator;
    private final long[] singletons;
    private boolean closed;
    private boolean shutdown;

    private InspectableRuntime(Profile profile, Allocator allocator, Collector collector, Interner interner,
            Heap heap, Mutator mutator) {
        this.profile = profile;
        this.allocator = allocator;
        this.collector = collector;
        this.interner = interner;
        this.heap = heap;
        this.mutator = mutator;
        Singletons s = heap.singletons;
        this.singletons = new long[] {s.none, s.true_, s.false_, s.ellipsis, s.notImplemented};
    }

    /** Builds the runtime {@code config} selects, its allocator passed through {@code wrap}. */
    public static InspectableRuntime create(Config config, UnaryOperator<Allocator> wrap, PrintStream errors) {
        requireNonNull(config, "config is null");
        RuntimeSelection selection = RuntimeSelection.from(config);
        Profile profile = Profile.from(config);
        HeapViewAdapter view = new HeapViewAdapter();
        Injector injector = Guice.createInjector(
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Config.class).toInstance(config);
                        bind(HeapView.class).toInstance(view);
                    }
                },
                PLUGINS.allocator(selection.allocator()).module(config),
                PLUGINS.collector(selection.collector()).module(config),
                PLUGINS.interner(selection.interning()).module(config));
        Allocator allocator = wrap.apply(injector.getInstance(Allocator.class));
        Collector collector = injector.getInstance(Collector.class);
        Interner interner = injector.getInstance(Interner.class);
        Heap heap = new Heap(profile, allocator, collector, interner, selection.hashSeed());
        Mutator mutator;
        try {
            mutator = heap.start(view, errors);
        } catch (RuntimeException e) {
            allocator.close();
            heap.close();
            throw e;
        }
        return new InspectableRuntime(profile, allocator, collector, interner, heap, mutator);
    }

    /** The heap itself, for tests of this package. */
    Heap heap() {
        return heap;
    }

    public Mutator mutator() {
        return mutator;
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

    public LeakReport leaks() {
        return heap.leaks();
    }

    // ---- the inside of the heap ----

    public void forEachLive(LongConsumer action) {
        heap.forEachLive(action);
    }

    public boolean isLive(long op) {
        return heap.isLive(op);
    }

    public long liveCount() {
        return heap.liveCount();
    }

    /** Every reference {@code op} holds (str keys of dicts and an instance's class included). */
    public void referents(long op, LongConsumer action) {
        heap.referents(op, action::accept);
    }

    public long refcount(long op) {
        return heap.refcount(op);
    }

    public boolean isImmortal(long op) {
        return heap.isImmortal(op);
    }

    public ObjectKind kind(long op) {
        return heap.kindOf(op);
    }

    public String typeName(long op) {
        return heap.typeOf(op).name;
    }

    /** The dict that holds the roots; the mutator owns one reference to it. */
    public long globals() {
        return ((HeapMutator) mutator).globals();
    }

    /** Static objects that are not allocator blocks, or objects made static: None, True, cached ints … */
    public void forEachStatic(LongConsumer action) {
        heap.forEachStatic(action);
        for (long s : singletons) {
            action.accept(s);
        }
    }

    /**
     * True when the interner holds a counted reference to {@code op} (the canonical object of sys.intern on a
     * profile whose interned strings are immortal, or one start-up interned); a mortal interned string's is not.
     */
    public boolean heldByInterner(long op) {
        return heap.kindOf(op) == ObjectKind.STR && interner.isInterned(op) && !heap.strs.isInternedMortal(op);
    }

    /**
     * Calls {@code action} with each allocator block {@code op} owns: the object's own block (which starts
     * before the GC header and pre-header), a list's item array, a dict's keys table, a set's malloc'd table.
     * Pointers to static tables (the shared empty dict keys) are reported too; the caller tells them apart by
     * asking the allocator.
     */
    public void forEachBlock(long op, LongConsumer action) {
        PyType type = heap.typeOf(op);
        action.accept(op - type.preheader - (type.gc ? heap.gcHeader : 0));
        switch (type.kind) {
            case LIST -> {
                long items = org.pymemlab.api.memory.NativeMemory.getLong(op + 24);
                if (items != 0) {
                    action.accept(items);
                }
            }
            case DICT -> {
                long values = org.pymemlab.api.memory.NativeMemory.getLong(op + 40);
                if (values == 0) {
                    action.accept(org.pymemlab.api.memory.NativeMemory.getLong(op + 32));
                } else if (!heap.layout.instanceValuesInline()) {
                    // a split dict owns its values (3.11, 3.12: after their prefix); its keys are its class's
                    action.accept(values - (org.pymemlab.api.memory.NativeMemory.getByte(values - 1) & 0xFF));
                } else if (org.pymemlab.api.memory.NativeMemory.getByte(values - 6) == 0) {
                    action.accept(values - 8); // 3.13: values of its own, not embedded in an instance
                }
            }
            case SET, FROZENSET -> {
                long table = org.pymemlab.api.memory.NativeMemory.getLong(op + 40);
                if (table != op + 64) {
                    action.accept(table);
                }
            }
            case INSTANCE -> {
                // 3.11 and 3.12: a values array in its own block, tagged with bit 0 in the pre-header's dict word
                if (type.hasDict && !heap.layout.instanceValuesInline()) {
                    long word = org.pymemlab.api.memory.NativeMemory.getLong(
                            op - heap.gcHeader - heap.layout.instancePreheader());
                    if ((word & 1) != 0) {
                        long values = word & ~1L;
                        action.accept(values - (org.pymemlab.api.memory.NativeMemory.getByte(values - 1) & 0xFF));
                    }
                }
            }
            case TYPE -> {
                PyType described = heap.typeByAddress(op);
                if (described.sharedKeys != 0) {
                    action.accept(described.sharedKeys);
                }
            }
            default -> {
            }
        }
    }

    /** Empties the free lists (as a full collection does), so their blocks go back to the allocator. */
    public void clearFreeLists() {
        heap.clearFreeLists();
    }

    /** Closes as PyRuntime does: roots and caches released, then the plugins, then the static memory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            shutdownHeap();
        } finally {
            collector.close();
            allocator.close();
            heap.close();
        }
    }

    /** The first step of {@link #close()} alone: roots, interned strings and free lists released. */
    public void shutdownHeap() {
        if (!shutdown) {
            shutdown = true;
            heap.shutdown();
        }
    }
}
