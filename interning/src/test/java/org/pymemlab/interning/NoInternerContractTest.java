package org.pymemlab.interning;

import org.pymemlab.testkit.InternerContract;

/** The interner contract for {@code none}: nothing is cached, nothing is interned. */
class NoInternerContractTest extends InternerContract {

    @Override
    protected String providerId() {
        return "none";
    }

    @Override
    protected boolean cachesSmallInts() {
        return false;
    }

    @Override
    protected boolean cachesSingleCharacterStrings() {
        return false;
    }

    @Override
    protected boolean cachesEmptyObjects() {
        return false;
    }

    @Override
    protected boolean internsStrings() {
        return false;
    }
}
