package org.pymemlab.interning;

import org.pymemlab.testkit.FakeInternContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.interning.InternerStats;

class CpythonInternerTest {

    private static final CpythonInterningSettings DEFAULTS = new CpythonInterningSettings(-5, 256, true, true);

    private final FakeInternContext context = new FakeInternContext(true);

    private CpythonInterner initialized(CpythonInterningSettings settings) {
        CpythonInterner interner = new CpythonInterner(settings);
        interner.initialize(context);
        return interner;
    }

    @Test
    void smallIntsAreOneContiguousStaticArray() {
        CpythonInterner interner = initialized(DEFAULTS);
        assertEquals(1, context.calls.stream().filter(c -> c.startsWith("newStaticInts")).count());
        assertTrue(context.calls.contains("newStaticInts(-5, 262)"));
        for (long v = -5; v <= 256; v++) {
            long object = interner.cachedInt(v);
            assertEquals(context.staticIntsBase + (v + 5) * FakeInternContext.STRIDE, object);
            assertEquals(v, context.objects.get(object).value());
            assertTrue(context.statics.contains(object));
        }
    }

    @Test
    void smallIntRangeEdges() {
        CpythonInterner interner = initialized(DEFAULTS);
        assertEquals(0, interner.cachedInt(-6));
        assertEquals(context.staticIntsBase, interner.cachedInt(-5));
        assertEquals(context.staticIntsBase + 261L * FakeInternContext.STRIDE, interner.cachedInt(256));
        assertEquals(0, interner.cachedInt(257));
        assertEquals(0, interner.cachedInt(Long.MIN_VALUE));
        assertEquals(0, interner.cachedInt(Long.MAX_VALUE));
    }

    @Test
    void lookupsDoNotCreateObjects() {
        CpythonInterner interner = initialized(DEFAULTS);
        int callsAfterInitialize = context.calls.size();
        interner.cachedInt(7);
        interner.cachedString("a");
        interner.cachedBytes(new byte[] {1});
        interner.cachedEmptyTuple();
        assertEquals(callsAfterInitialize, context.calls.size());
    }

    @Test
    void aConfiguredRangeIsHonoured() {
        CpythonInterner interner = initialized(new CpythonInterningSettings(0, 10, true, true));
        assertEquals(0, interner.cachedInt(-1));
        assertEquals(context.staticIntsBase, interner.cachedInt(0));
        assertEquals(context.staticIntsBase + 10L * FakeInternContext.STRIDE, interner.cachedInt(10));
        assertEquals(0, interner.cachedInt(11));
    }

    @Test
    void emptyAndSingleLatin1StringsAreStaticSingletons() {
        CpythonInterner interner = initialized(DEFAULTS);
        Set<Long> distinct = new HashSet<>();
        for (int c = 0; c < 256; c++) {
            String value = String.valueOf((char) c);
            long object = interner.cachedString(value);
            assertNotEquals(0, object, "char " + c);
            assertEquals(value, context.stringValue(object));
            assertTrue(context.statics.contains(object));
            assertEquals(object, interner.cachedString(value));
            distinct.add(object);
        }
        assertEquals(256, distinct.size());
        long empty = interner.cachedString("");
        assertEquals("", context.stringValue(empty));
        assertTrue(context.statics.contains(empty));
        assertEquals(0, interner.cachedString("\u0100"));
        assertEquals(0, interner.cachedString("\u20ac"));
        assertEquals(0, interner.cachedString("ab"));
        assertEquals(0, interner.cachedString("\uD83D\uDE00"));   // one code point, two Java chars
    }

    @Test
    void emptyAndOneByteBytesAreStaticSingletons() {
        CpythonInterner interner = initialized(DEFAULTS);
        Set<Long> distinct = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            long object = interner.cachedBytes(new byte[] {(byte) b});
            assertNotEquals(0, object);
            assertEquals(String.valueOf((char) b), context.objects.get(object).value());
            assertTrue(context.statics.contains(object));
            distinct.add(object);
        }
        assertEquals(256, distinct.size());
        long empty = interner.cachedBytes(new byte[0]);
        assertEquals("bytes", context.objects.get(empty).kind());
        assertTrue(context.statics.contains(empty));
        assertEquals(0, interner.cachedBytes(new byte[2]));
    }

    @Test
    void theEmptyTupleIsAStaticSingleton() {
        CpythonInterner interner = initialized(DEFAULTS);
        long tuple = interner.cachedEmptyTuple();
        assertEquals("tuple", context.objects.get(tuple).kind());
        assertTrue(context.statics.contains(tuple));
        assertEquals(tuple, interner.cachedEmptyTuple());
    }

    @Test
    void singleCharactersAndBytesCanBeSwitchedOffButTheEmptyOnesStay() {
        CpythonInterner interner = initialized(new CpythonInterningSettings(-5, 256, false, false));
        assertEquals(0, interner.cachedString("a"));
        assertEquals(0, interner.cachedBytes(new byte[] {'a'}));
        assertNotEquals(0, interner.cachedString(""));
        assertNotEquals(0, interner.cachedBytes(new byte[0]));
    }

    @Test
    void startupInternedCharactersAreObjectsApartFromTheSingletons() {
        CpythonInterner interner = initialized(new CpythonInterningSettings(-5, 256, true, true, "ab"));
        long singleton = interner.cachedString("a");
        long startup = interner.intern(singleton);
        assertNotEquals(singleton, startup);
        assertEquals("a", context.stringValue(startup));
        assertTrue(context.statics.contains(startup));
        assertFalse(interner.isInterned(singleton));
        assertEquals(interner.cachedString("c"), interner.intern(interner.cachedString("c")));
    }

    @Test
    void internReturnsTheFirstObjectForEqualContent() {
        CpythonInterner interner = initialized(DEFAULTS);
        long first = context.str("hello world");
        long second = context.str("hello world");
        long other = context.str("goodbye");
        assertEquals(first, interner.intern(first));
        assertEquals(first, interner.intern(second));
        assertEquals(first, interner.intern(first));
        assertEquals(other, interner.intern(other));
        assertTrue(interner.isInterned(first));
        assertFalse(interner.isInterned(second));
        assertTrue(interner.isInterned(other));
        assertFalse(interner.isInterned(context.str("never interned")));
        // The interner holds one reference to each string it adopted, and none to the duplicate.
        assertEquals(2, context.refcounts.get(first));
        assertEquals(1, context.refcounts.get(second));
    }

    @Test
    void internFindsTheCachedSingleCharacterStrings() {
        CpythonInterner interner = initialized(DEFAULTS);
        long a = interner.cachedString("a");
        assertTrue(interner.isInterned(a));
        assertEquals(a, interner.intern(context.str("a")));
    }

    @Test
    void internedStringsAreStaticOnlyWhenTheProfileSaysSo() {
        CpythonInterner immortal = initialized(DEFAULTS);
        long s = context.str("spam");
        immortal.intern(s);
        assertTrue(context.statics.contains(s));

        FakeInternContext mortalContext = new FakeInternContext(false);
        CpythonInterner mortal = new CpythonInterner(DEFAULTS);
        mortal.initialize(mortalContext);
        long t = mortalContext.str("spam");
        mortal.intern(t);
        assertFalse(mortalContext.statics.contains(t));
    }

    @Test
    void aMortalInternedStringIsNotCountedAndLeavesWhenForgotten() {
        FakeInternContext mortalContext = new FakeInternContext(false);
        CpythonInterner interner = new CpythonInterner(DEFAULTS);
        interner.initialize(mortalContext);
        long cachedBefore = interner.stats().cachedObjects();
        long spam = mortalContext.str("spam");
        assertEquals(spam, interner.intern(spam));
        assertTrue(mortalContext.mortalInterned.contains(spam));
        assertEquals(1, mortalContext.refcounts.get(spam));
        assertEquals(cachedBefore + 1, interner.stats().cachedObjects());

        interner.forget(spam);
        assertFalse(interner.isInterned(spam));
        assertEquals(cachedBefore, interner.stats().cachedObjects());
        long again = mortalContext.str("spam");
        assertEquals(again, interner.intern(again));
        interner.forget(spam); // a stale forget of the old object leaves the new canonical one alone
        assertTrue(interner.isInterned(again));
    }

    @Test
    void releaseDecrefsEverythingHeldOnce() {
        FakeInternContext mortalContext = new FakeInternContext(false);
        CpythonInterner interner = new CpythonInterner(DEFAULTS);
        interner.initialize(mortalContext);
        long adopted = mortalContext.str("eggs");
        long duplicate = mortalContext.str("eggs");
        interner.intern(adopted);
        interner.intern(duplicate);
        Set<Long> created = new HashSet<>(mortalContext.objects.keySet());
        created.remove(adopted);
        created.remove(duplicate);

        interner.release();

        for (long object : created) {
            assertEquals(1, mortalContext.decrefs(object), "object " + mortalContext.objects.get(object));
        }
        assertEquals(0, mortalContext.decrefs(adopted));          // its reference was never counted
        assertEquals(1, mortalContext.refcounts.get(adopted));   // the caller's own reference
        assertEquals(0, mortalContext.decrefs(duplicate));
        assertEquals(0, interner.cachedInt(1));
        assertEquals(0, interner.cachedString("a"));
        assertEquals(0, interner.stats().cachedObjects());
    }

    @Test
    void statsCountHitsMissesAndBytesSaved() {
        CpythonInterner interner = initialized(DEFAULTS);
        assertEquals(262 + 1 + 256 + 1 + 256 + 1, interner.stats().cachedObjects());

        interner.cachedInt(5);          // hit, 28 bytes
        interner.cachedInt(1000);       // miss
        interner.cachedString("a");     // hit, 42 (3.12: 40 + 1 + 1)
        interner.cachedString("\u00e9");// hit, 58 (latin-1 in the fake: 56 + 1 + 1)
        interner.cachedString("abc");   // miss
        interner.cachedBytes(new byte[0]);      // hit, 33
        interner.cachedBytes(new byte[] {1, 2}); // miss
        interner.cachedEmptyTuple();    // hit, 40
        long first = context.str("interned");
        interner.intern(first);         // miss: adopted
        interner.intern(context.str("interned")); // hit, 49 (40 + 8 + 1)
        interner.intern(first);         // hit, saves nothing

        InternerStats stats = interner.stats();
        assertEquals(Map.of("int", 1L, "str", 2L, "bytes", 1L, "tuple", 1L, "intern", 2L), stats.hits());
        assertEquals(Map.of("int", 1L, "str", 1L, "bytes", 1L, "tuple", 0L, "intern", 1L), stats.misses());
        assertEquals(28 + 42 + 58 + 33 + 40 + 49, stats.bytesSaved());
        assertEquals(262 + 1 + 256 + 1 + 256 + 1 + 1, stats.cachedObjects());
        assertEquals(7, stats.totalHits());
    }

    @Test
    void initializeTwiceIsRefusedAndInternNeedsInitialize() {
        CpythonInterner interner = new CpythonInterner(DEFAULTS);
        assertThrows(IllegalStateException.class, () -> interner.intern(1));
        assertEquals(0, interner.cachedInt(0));
        interner.initialize(context);
        assertThrows(IllegalStateException.class, () -> interner.initialize(context));
    }
}
