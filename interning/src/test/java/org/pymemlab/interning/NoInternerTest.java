package org.pymemlab.interning;

import org.pymemlab.testkit.FakeInternContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.interning.InternerStats;

class NoInternerTest {

    @Test
    void nothingIsCachedEverythingIsAMissAndNothingIsHeld() {
        FakeInternContext context = new FakeInternContext(true);
        NoInterner interner = new NoInterner();
        interner.initialize(context);
        assertTrue(context.calls.isEmpty());

        assertEquals(0, interner.cachedInt(0));
        assertEquals(0, interner.cachedString(""));
        assertEquals(0, interner.cachedString("a"));
        assertEquals(0, interner.cachedBytes(new byte[0]));
        assertEquals(0, interner.cachedEmptyTuple());
        long first = context.str("x");
        long second = context.str("x");
        assertEquals(first, interner.intern(first));
        assertEquals(second, interner.intern(second));
        assertFalse(interner.isInterned(first));
        interner.release();
        assertTrue(context.calls.isEmpty());

        InternerStats stats = interner.stats();
        assertEquals(0, stats.totalHits());
        assertEquals(Map.of("int", 1L, "str", 2L, "bytes", 1L, "tuple", 1L, "intern", 2L), stats.misses());
        assertEquals(0, stats.bytesSaved());
        assertEquals(0, stats.cachedObjects());
    }
}
