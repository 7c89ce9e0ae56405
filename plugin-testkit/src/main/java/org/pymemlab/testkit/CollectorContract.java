package org.pymemlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.collector.CollectionResult;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorProvider;
import org.pymemlab.api.collector.HeapView;
import org.pymemlab.api.collector.ObjectKind;
import com.typesafe.config.Config;

/**
 * Behaviour every collector shares, run once per collector (PyPy's {@code test_direct} style): a subclass names
 * the provider and the settings, and says what the collector can do; expectations follow the capability flags.
 * The collector is built from its provider through {@link java.util.ServiceLoader} and its Guice module, with a
 * {@link FakeHeap} bound as the {@link HeapView}: no runtime is needed.
 *
 * <pre>{@code
 * class EveryNContractTest extends CollectorContract {
 *     protected String providerId() { return "every-n"; }
 *     protected String config() { return "pymem.every-n.allocations = 0"; }   // automatic collection off
 *     protected boolean collectsCycles() { return true; }
 *     protected boolean runsFinalizers() { return false; }
 * }
 * }</pre>
 */
public abstract class CollectorContract {

    /** The heap the collector sees, fresh for each test. */
    protected FakeHeap heap;
    /** The collector under test, built for {@link #heap}. */
    protected Collector collector;

    /** The id the provider is registered under. */
    protected abstract String providerId();

    /**
     * HOCON layered over the class path's {@code reference.conf} files. It must switch automatic collection off:
     * the suite collects only when it calls {@link Collector#collect}.
     */
    protected String config() {
        return "";
    }

    /** True when unreachable cycles are freed by {@link Collector#collect}. */
    protected abstract boolean collectsCycles();

    /**
     * True when cyclic garbage with finalizers or weak references is handled as CPython's {@code gc.c} does
     * (weakrefs cleared and callbacks run, {@code __del__} once, resurrection, legacy finalizers uncollectable).
     * A collector that says false must leave such garbage alone: nothing finalized, nothing freed. Defaults to
     * {@link #collectsCycles()}.
     */
    protected boolean runsFinalizers() {
        return collectsCycles();
    }

    @BeforeEach
    final void setUpHeap() {
        heap = new FakeHeap();
        CollectorProvider provider = PluginAssembly.provider(CollectorProvider.class, providerId());
        Config config = PluginAssembly.config(config());
        FakeHeap view = heap;
        collector = PluginAssembly.build(Collector.class, provider, config,
                binder -> binder.bind(HeapView.class).toInstance(view));
        heap.attach(collector);
    }

    @AfterEach
    final void closeHeap() {
        collector.close();
        heap.close();
    }

    @Test
    void providerIsDescribedAndItsKeysDocumented() {
        ProviderChecks.describedAndDocumented(PluginAssembly.provider(CollectorProvider.class, providerId()),
                providerId());
    }

    @Test
    void headerSizeIsStableAndAligned() {
        assertEquals(heap.headerSize(), collector.headerSize());
        assertTrue(collector.headerSize() >= 0 && collector.headerSize() % 8 == 0, "0 or a multiple of 8");
    }

    private CollectionResult fullCollection() {
        return collector.collect(collector.generationCount() - 1);
    }

    // ------------------------------------------------------------------ tracking

    @Test
    void trackingFollowsTrackAndUntrack() {
        long a = heap.allocate("a", "list", ObjectKind.LIST, true, false);
        assertFalse(collector.isTracked(a));
        collector.track(a);
        assertTrue(collector.isTracked(a));
        assertThrows(IllegalStateException.class, () -> collector.track(a));
        collector.untrack(a);
        assertFalse(collector.isTracked(a));
        collector.untrack(a); // untracking twice does nothing
        collector.track(a);
        assertTrue(collector.isTracked(a));
    }

    @Test
    void nonGcObjectsAreNeverTracked() {
        long i = heap.atom("42");
        assertFalse(collector.isTracked(i));
    }

    @Test
    void refcountDeathFreesWithoutCollection() {
        long a = heap.object("a");
        long b = heap.object("b");
        heap.link(a, b);
        heap.decref(b);
        heap.decref(a);
        assertTrue(heap.isFreed(a));
        assertTrue(heap.isFreed(b));
        assertEquals(0, heap.liveCount());
    }

    @Test
    void deallocatedObjectIsNoLongerListed() {
        long a = heap.object("a");
        long keep = heap.object("keep");
        heap.decref(a);
        List<Long> listed = new ArrayList<>();
        collector.forEachTracked(-1, listed::add);
        assertFalse(listed.contains(a));
        assertTrue(listed.contains(keep));
    }

    // ------------------------------------------------------------------ cycles

    @Test
    void simpleCycle() {
        long a = heap.object("a");
        long b = heap.object("b");
        heap.link(a, b);
        heap.link(b, a);
        heap.decref(a);
        heap.decref(b);
        CollectionResult r = fullCollection();
        if (collectsCycles()) {
            assertEquals(2, r.collected());
            assertEquals(0, r.uncollectable());
            assertEquals(2, r.reported());
            assertTrue(heap.isFreed(a));
            assertTrue(heap.isFreed(b));
        } else {
            assertEquals(0, r.reported());
            assertTrue(heap.isAlive(a));
            assertTrue(heap.isAlive(b));
        }
    }

    @Test
    void selfReference() {
        long a = heap.object("a");
        heap.link(a, a);
        heap.decref(a);
        CollectionResult r = fullCollection();
        assertEquals(collectsCycles() ? 1 : 0, r.collected());
        assertEquals(!collectsCycles(), heap.isAlive(a));
    }

    @Test
    void cycleWithExternalReferenceSurvives() {
        long a = heap.object("a");
        long b = heap.object("b");
        heap.link(a, b);
        heap.link(b, a);
        heap.decref(b); // the test keeps its reference to a
        CollectionResult r = fullCollection();
        assertEquals(0, r.collected());
        assertTrue(heap.isAlive(a));
        assertTrue(heap.isAlive(b));
        assertTrue(collector.isTracked(a));
    }

    @Test
    void cycleHangingOffReachableObjectSurvivesUntilDetached() {
        long root = heap.object("root");
        long first = heap.object("c0");
        heap.link(root, first);
        heap.decref(first);
        long prev = first;
        for (int i = 1; i < 50; i++) {
            long c = heap.object("c" + i);
            heap.link(prev, c);
            heap.decref(c);
            prev = c;
        }
        heap.link(prev, first); // close the ring
        assertEquals(0, fullCollection().collected());
        assertEquals(51, heap.liveCount());

        heap.unlink(root, first);
        CollectionResult r = fullCollection();
        if (collectsCycles()) {
            assertEquals(50, r.collected());
            assertEquals(1, heap.liveCount());
        } else {
            assertEquals(51, heap.liveCount());
        }
    }

    @Test
    void acyclicGarbageHangingOffACycleIsFreedToo() {
        long a = heap.object("a");
        long b = heap.object("b");
        long leaf = heap.object("leaf");
        long num = heap.atom("7");
        heap.link(a, b);
        heap.link(b, a);
        heap.link(b, leaf);
        heap.link(leaf, num);
        heap.decref(leaf);
        heap.decref(num);
        heap.decref(a);
        heap.decref(b);
        fullCollection();
        assertEquals(collectsCycles() ? 0 : 4, heap.liveCount());
    }

    // ------------------------------------------------------------------ finalizers

    @Test
    void finalizerRunsOnceAndResurrectionKeepsObjectAlive() {
        long root = heap.object("root");
        long a = heap.object("a");
        long b = heap.object("b");
        heap.link(a, b);
        heap.link(b, a);
        heap.setFinalizer(a, self -> heap.link(root, self)); // __del__ stores self in root
        long c = heap.object("c");
        long d = heap.object("d");
        heap.link(c, d);
        heap.link(d, c);
        for (long o : new long[] {a, b, c, d}) {
            heap.decref(o);
        }

        CollectionResult r = fullCollection();
        if (!runsFinalizers()) {
            assertEquals(0, heap.count("finalize"));
            assertTrue(heap.isAlive(a) && heap.isAlive(b), "garbage with a finalizer is left alone");
            assertEquals(collectsCycles(), heap.isFreed(c), "the cycle without one is collected when cycles are");
            return;
        }
        assertEquals(1, heap.count("finalize a"));
        assertTrue(heap.isAlive(a), "resurrected");
        assertTrue(heap.isAlive(b), "kept alive by the resurrected object");
        assertTrue(heap.isFreed(c));
        assertTrue(heap.isFreed(d));
        assertEquals(2, r.collected());

        heap.unlink(root, a);
        fullCollection();
        assertTrue(heap.isFreed(a));
        assertTrue(heap.isFreed(b));
        assertEquals(1, heap.count("finalize a"), "__del__ runs at most once");
    }

    @Test
    void finalizerRunsBeforeClear() {
        long a = heap.object("a");
        heap.link(a, a);
        heap.setFinalizer(a, self -> { });
        heap.decref(a);
        fullCollection();
        if (runsFinalizers()) {
            assertEquals(List.of("finalize a", "clear a", "free a"), heap.events);
        } else {
            assertTrue(heap.events.isEmpty());
        }
    }

    @Test
    void legacyFinalizerMakesCycleUncollectable() {
        long a = heap.object("a");
        long b = heap.object("b");
        heap.link(a, b);
        heap.link(b, a);
        heap.setLegacyFinalizer(a);
        heap.decref(a);
        heap.decref(b);
        CollectionResult r = fullCollection();
        assertTrue(heap.isAlive(a));
        assertTrue(heap.isAlive(b));
        if (runsFinalizers()) {
            assertEquals(0, r.collected());
            assertEquals(2, r.uncollectable(), "a and everything reachable from it");
            // handle_legacy_finalizers: only objects with tp_del go to gc.garbage.
            assertEquals(List.of(a), collector.garbage());
        } else {
            assertEquals(List.of(), collector.garbage());
        }
    }

    // ------------------------------------------------------------------ weakrefs

    @Test
    void weakrefsToGarbageAreClearedBeforeFinalizersAndOnlySurvivingCallbacksRun() {
        long a = heap.object("a");
        long b = heap.object("b");
        heap.link(a, b);
        heap.link(b, a);
        long[] seenByFinalizer = {-1};
        long outside = heap.weakref("outside", a, w -> { });
        long plain = heap.weakref("plain", b, null);
        heap.setFinalizer(a, self -> seenByFinalizer[0] = heap.weakrefTarget(outside));
        // A weakref that is garbage itself (held only by the cycle), with a callback.
        long inside = heap.weakref("inside", b, w -> { });
        heap.link(a, inside);
        heap.decref(inside);
        heap.decref(a);
        heap.decref(b);

        fullCollection();
        if (!runsFinalizers()) {
            assertTrue(heap.events.isEmpty());
            assertEquals(a, heap.weakrefTarget(outside));
            return;
        }
        assertEquals(0, seenByFinalizer[0], "cleared before the finalizer ran");
        assertEquals(0, heap.weakrefTarget(outside));
        assertEquals(0, heap.weakrefTarget(plain));
        assertEquals(1, heap.count("callback outside"));
        assertEquals(0, heap.count("callback inside"), "a garbage weakref's callback is not called");
        assertTrue(heap.events.indexOf("callback outside") < heap.events.indexOf("finalize a"));
        assertTrue(heap.isFreed(a));
        assertTrue(heap.isFreed(b));
        assertTrue(heap.isFreed(inside));
        assertTrue(heap.isAlive(outside));
    }

    @Test
    void callbacksRunNewestFirst() {
        long a = heap.object("a");
        heap.link(a, a);
        heap.weakref("w1", a, w -> { });
        heap.weakref("w2", a, w -> { });
        heap.decref(a);
        fullCollection();
        if (runsFinalizers()) {
            assertTrue(heap.events.indexOf("callback w2") < heap.events.indexOf("callback w1"));
        }
    }

    @Test
    void weakrefFreedByItsOwnCallbackCountsAsCollected() {
        long a = heap.object("a");
        heap.link(a, a);
        long holder = heap.object("holder");
        long w = heap.weakref("w", a, self -> heap.unlink(holder, self));
        heap.link(holder, w);
        heap.decref(w); // only holder keeps the weakref
        heap.decref(a);
        CollectionResult r = fullCollection();
        if (runsFinalizers()) {
            assertTrue(heap.isFreed(w));
            assertEquals(2, r.collected(), "a, plus the weakref freed by its callback");
        }
    }

    // ------------------------------------------------------------------ re-entrancy and listeners

    @Test
    void collectInsideACollectionDoesNothing() {
        long a = heap.object("a");
        heap.link(a, a);
        CollectionResult[] inner = new CollectionResult[1];
        heap.setFinalizer(a, self -> inner[0] = fullCollection());
        heap.decref(a);
        fullCollection();
        if (runsFinalizers()) {
            assertEquals(CollectionResult.none(collector.generationCount() - 1), inner[0]);
            assertTrue(heap.isFreed(a));
        }
    }

    @Test
    void invalidGenerationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> collector.collect(-1));
        assertThrows(IllegalArgumentException.class, () -> collector.collect(collector.generationCount()));
    }

    @Test
    void statsHaveOneEntryPerGeneration() {
        fullCollection();
        assertEquals(collector.generationCount(), collector.stats().generations().size());
        assertNotEquals(null, collector.stats().details());
    }
}
