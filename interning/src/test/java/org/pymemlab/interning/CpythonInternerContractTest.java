package org.pymemlab.interning;

import org.pymemlab.testkit.InternerContract;

/** The interner contract for {@code cpython}: small ints, one-character strings, empty objects, sys.intern. */
class CpythonInternerContractTest extends InternerContract {

    @Override
    protected String providerId() {
        return "cpython";
    }
}
