package org.pymemlab.gc.generational;

import org.pymemlab.testkit.CollectorContract;

/** The test kit's collector contract for {@code generational}: cycles are collected, finalizers run. */
class GenerationalContractTest extends CollectorContract {

    @Override
    protected String providerId() {
        return "generational";
    }

    @Override
    protected String config() {
        return "pymem.generational.enabled = false";
    }

    @Override
    protected boolean collectsCycles() {
        return true;
    }
}
