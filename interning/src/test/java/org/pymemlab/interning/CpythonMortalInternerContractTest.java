package org.pymemlab.interning;

import org.pymemlab.testkit.InternerContract;

/** The interner contract for {@code cpython} on a profile whose interned strings are mortal (3.11, 3.13). */
class CpythonMortalInternerContractTest extends InternerContract {

    @Override
    protected String providerId() {
        return "cpython";
    }

    @Override
    protected boolean internedStringsImmortal() {
        return false;
    }
}
