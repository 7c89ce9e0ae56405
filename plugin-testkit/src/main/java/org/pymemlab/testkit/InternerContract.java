package org.pymemlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.api.interning.InternerProvider;
import org.pymemlab.api.interning.InternerStats;

/**
 * The {@link Interner} contract, run against a plugin built from its provider id through
 * {@link java.util.ServiceLoader} and its Guice module, initialised on a {@link FakeInternContext}. Extend it in the
 * plugin's own tests and say, with the capability flags, what the policy caches; the defaults describe CPython's.
 *
 * <pre>{@code
 * class BigInterningContractTest extends InternerContract {
 *     protected String providerId() { return "big"; }
 *     protected String config() { return "pymem.big-interning.max-string-length = 8"; }
 * }
 * }</pre>
 */
public abstract class InternerContract {

    /** What the interner sees of the runtime, fresh for each test. */
    protected FakeInternContext context;
    /** The interner under test, initialised on {@link #context}. */
    protected Interner interner;

    /** The id the provider is registered under. */
    protected abstract String providerId();

    /** HOCON layered over the class path's {@code reference.conf} files; empty by default. */
    protected String config() {
        return "";
    }

    /** True when every int from −5 to 256 is one cached object (CPython's small ints). */
    protected boolean cachesSmallInts() {
        return true;
    }

    /** True when {@code ''} and the 256 one-character latin-1 strings are cached. */
    protected boolean cachesSingleCharacterStrings() {
        return true;
    }

    /** True when the empty tuple and {@code b''} are cached. */
    protected boolean cachesEmptyObjects() {
        return true;
    }

    /** True when {@code sys.intern} makes the first string of a value the canonical one. */
    protected boolean internsStrings() {
        return true;
    }

    /** What the profile says of interned strings (3.12: immortal). */
    protected boolean internedStringsImmortal() {
        return true;
    }

    @BeforeEach
    final void buildInterner() {
        InternerProvider provider = PluginAssembly.provider(InternerProvider.class, providerId());
        interner = PluginAssembly.build(Interner.class, provider, PluginAssembly.config(config()));
        context = new FakeInternContext(internedStringsImmortal());
        interner.initialize(context);
    }

    @Test
    void providerIsDescribedAndItsKeysDocumented() {
        ProviderChecks.describedAndDocumented(PluginAssembly.provider(InternerProvider.class, providerId()),
                providerId());
    }

    @Test
    void everyCachedObjectHoldsItsValueAndIsTheSameEachTime() {
        for (long v = -300; v <= 3000; v++) {
            long object = interner.cachedInt(v);
            if (object != 0) {
                assertEquals(v, context.objects.get(object).value(), "cached int " + v);
                assertEquals(object, interner.cachedInt(v), "the same object each time");
            }
        }
        for (String s : List.of("", "a", "\u00e9", "ab", "hello", "hello world", "x".repeat(100), "\u0394")) {
            long object = interner.cachedString(s);
            if (object != 0) {
                assertEquals(s, context.stringValue(object));
                assertEquals(object, interner.cachedString(s));
            }
        }
        for (byte[] b : List.of(new byte[0], new byte[] {7}, new byte[] {1, 2, 3})) {
            long object = interner.cachedBytes(b);
            if (object != 0) {
                assertEquals(new String(b, StandardCharsets.ISO_8859_1), context.objects.get(object).value());
                assertEquals(object, interner.cachedBytes(b));
            }
        }
        long tuple = interner.cachedEmptyTuple();
        if (tuple != 0) {
            assertEquals("tuple", context.objects.get(tuple).kind());
        }
    }

    @Test
    void smallIntsAreCachedWhenTheFlagSaysSo() {
        for (long v = -5; v <= 256; v++) {
            assertEquals(cachesSmallInts(), interner.cachedInt(v) != 0, "int " + v);
        }
    }

    @Test
    void singleCharacterStringsAreCachedWhenTheFlagSaysSo() {
        assertEquals(cachesSingleCharacterStrings(), interner.cachedString("") != 0, "''");
        for (int c = 0; c < 256; c++) {
            assertEquals(cachesSingleCharacterStrings(), interner.cachedString(String.valueOf((char) c)) != 0,
                    "chr(" + c + ")");
        }
    }

    @Test
    void emptyObjectsAreCachedWhenTheFlagSaysSo() {
        assertEquals(cachesEmptyObjects(), interner.cachedEmptyTuple() != 0, "()");
        assertEquals(cachesEmptyObjects(), interner.cachedBytes(new byte[0]) != 0, "b''");
    }

    @Test
    void repeatedLookupsCreateNothing() {
        Runnable lookups = () -> {
            for (long v = -10; v < 2000; v += 7) {
                interner.cachedInt(v);
            }
            for (String s : List.of("", "a", "ab", "spam", "a longer string than most")) {
                interner.cachedString(s);
            }
            interner.cachedBytes(new byte[] {1});
            interner.cachedEmptyTuple();
        };
        lookups.run(); // a policy may fill its cache on first use
        int calls = context.calls.size();
        lookups.run();
        assertEquals(calls, context.calls.size(), "the second time, lookups ask nothing of the runtime");
    }

    @Test
    void internMakesTheFirstStringCanonical() {
        long first = context.str("spam and eggs, a string no cache holds" + "!".repeat(200));
        long second = context.str("spam and eggs, a string no cache holds" + "!".repeat(200));
        assertEquals(first, interner.intern(first));
        long canonical = interner.intern(second);
        if (internsStrings()) {
            assertEquals(first, canonical);
            assertTrue(interner.isInterned(first));
            assertFalse(interner.isInterned(second));
        } else {
            assertEquals(second, canonical);
            assertFalse(interner.isInterned(first));
        }
    }

    /**
     * A string the interner marks as mortal interned holds no counted reference from it, and once the runtime
     * frees it ({@link Interner#forget}) the next equal string becomes the canonical one.
     */
    @Test
    void aMortalInternedStringLeavesTheTableWhenForgotten() {
        long first = context.str("a string to be forgotten");
        long canonical = interner.intern(first);
        if (!context.mortalInterned.contains(canonical)) {
            return; // this policy counts its references (or makes interned strings immortal)
        }
        assertEquals(first, canonical);
        assertEquals(1, context.refcounts.get(first), "the interner's reference to a mortal string is not counted");
        interner.forget(first);
        assertFalse(interner.isInterned(first));
        long second = context.str("a string to be forgotten");
        assertEquals(second, interner.intern(second), "after forget, an equal string is adopted afresh");
    }

    @Test
    void releaseGivesBackEveryReferenceTheInternerHolds() {
        List<Long> mine = new ArrayList<>();
        for (String s : List.of("alpha", "beta", "alpha")) {
            long str = context.str(s);
            mine.add(str);
            interner.intern(str);
        }
        for (long v = -10; v < 1100; v++) {
            interner.cachedInt(v);
        }
        interner.cachedString("abc");
        interner.cachedString("z");
        interner.release();
        for (long object : context.created()) {
            if (!context.statics.contains(object)) {
                assertEquals(0, context.refcounts.get(object), "created for the interner and released: "
                        + context.objects.get(object));
            }
        }
        for (long str : mine) {
            if (!context.statics.contains(str)) { // an immortal interned string keeps what it had
                assertEquals(1, context.refcounts.get(str), "the test's own reference is all that is left");
            }
        }
    }

    @Test
    void statisticsCountEveryLookup() {
        int lookups = 0;
        for (long v = -10; v < 300; v++) {
            interner.cachedInt(v);
            lookups++;
        }
        for (String s : List.of("", "a", "spam")) {
            interner.cachedString(s);
            lookups++;
        }
        interner.cachedBytes(new byte[0]);
        interner.cachedEmptyTuple();
        interner.intern(context.str("eggs"));
        lookups += 3;
        InternerStats stats = interner.stats();
        long misses = stats.misses().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(lookups, stats.totalHits() + misses, "each lookup is a hit or a miss: " + stats);
        if (cachesSmallInts()) {
            assertTrue(stats.hits().getOrDefault("int", 0L) >= 262, stats.toString());
            assertNotEquals(0, stats.bytesSaved(), "hits save bytes");
        }
        assertTrue(stats.cachedObjects() >= 0);
    }
}
