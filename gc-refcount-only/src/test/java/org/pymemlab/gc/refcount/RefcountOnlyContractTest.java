package org.pymemlab.gc.refcount;

import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.HeapView;

/** The collector contract for {@code refcount-only}: cycles leak. */
class RefcountOnlyContractTest extends CollectorContractTest {

    @Override
    protected Collector newCollector(HeapView heap) {
        return new RefcountOnlyCollector(heap);
    }

    @Override
    protected boolean collectsCycles() {
        return false;
    }
}
