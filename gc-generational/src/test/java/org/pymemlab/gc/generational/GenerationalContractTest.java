package org.pymemlab.gc.generational;

import java.util.List;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.HeapView;

/** The collector contract for {@code generational}: cycles are collected. */
class GenerationalContractTest extends CollectorContractTest {

    @Override
    protected Collector newCollector(HeapView heap) {
        return new GenerationalCollector(heap,
                new GenerationalSettings(List.of(2000, 10, 10), CollectionTiming.IMMEDIATE, false, 0));
    }

    @Override
    protected boolean collectsCycles() {
        return true;
    }
}
