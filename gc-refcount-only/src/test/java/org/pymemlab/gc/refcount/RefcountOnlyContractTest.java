package org.pymemlab.gc.refcount;

import org.pymemlab.testkit.CollectorContract;

/** The test kit's collector contract for {@code refcount-only}: cycles leak. */
class RefcountOnlyContractTest extends CollectorContract {

    @Override
    protected String providerId() {
        return "refcount-only";
    }

    @Override
    protected boolean collectsCycles() {
        return false;
    }
}
