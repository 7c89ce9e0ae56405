package org.pymemlab.allocator.system;

import org.pymemlab.testkit.AllocatorContract;

/** The allocator contract for {@code system}: malloc frees and reuses memory. */
class SystemAllocatorContractTest extends AllocatorContract {

    @Override
    protected String providerId() {
        return "system";
    }
}
