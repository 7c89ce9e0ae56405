package org.pymemlab.examples.biginterning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.pymemlab.testkit.InternerContract;

/** The kit's interner contract (CPython's caches and more), plus what big caches beyond CPython. */
class BigInternerContractTest extends InternerContract {

    @Override
    protected String providerId() {
        return "big";
    }

    @Override
    protected String config() {
        return "pymem.big-interning.max-string-length = 8";
    }

    @Test
    void intsUpTo1024AreCached() {
        assertNotEquals(0, interner.cachedInt(1024));
        assertEquals(1024L, context.objects.get(interner.cachedInt(1024)).value());
        assertEquals(0, interner.cachedInt(1025));
    }

    @Test
    void everyShortStringIsSharedAndLongerOnesAreNot() {
        long spam = interner.cachedString("spamspam");
        assertNotEquals(0, spam);
        assertEquals(spam, interner.cachedString("spamspam"));
        assertEquals(0, interner.cachedString("spamspam!"));
        assertEquals(spam, interner.intern(context.str("spamspam")), "sys.intern finds the cached one");
    }
}
