package org.pymemlab.runtime.gc;

import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.HeapView;
import org.pymemlab.runtime.Mutator;

/** Makes the {@link GcModule} of a runtime; the runtime's {@code Mutator.gc()} calls this. */
public final class GcModules {

    private GcModules() {
    }

    /**
     * The gc module over {@code collector}, seeing the heap through {@code heap}; callbacks receive
     * {@code mutator}. Keeps no state of its own, so it may be made as often as asked for.
     */
    public static GcModule over(Collector collector, HeapView heap, Mutator mutator) {
        return new CollectorGcModule(collector, heap, mutator);
    }
}
