package org.pymemlab.allocator.obmalloc;

import org.pymemlab.testkit.AllocatorContract;

/** The allocator contract for {@code obmalloc}: pools free and reuse blocks. */
class ObmallocContractTest extends AllocatorContract {

    @Override
    protected String providerId() {
        return "obmalloc";
    }
}
