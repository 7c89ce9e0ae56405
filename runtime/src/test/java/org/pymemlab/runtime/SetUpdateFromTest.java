package org.pymemlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ObjectSpace#setUpdateFrom}: set_update_internal's paths for set and dict sources. */
class SetUpdateFromTest {

    @Test
    void aSetSourceGivesCPythonsPresizedTableAndOneReferencePerItem() {
        try (PyRuntime rt = Runtimes.defaults()) {
            Mutator m = rt.mutator();
            ObjectSpace os = ObjectSpace.of(m);
            long source = m.newSet();
            long probe = m.newStr("an item of the source");
            m.setAdd(source, probe);
            for (int i = 0; i < 99; i++) {
                long x = m.newInt(1000 + i);
                m.setAdd(source, x);
                m.decref(x);
            }
            long refs = os.refcount(probe);
            long merged = m.newSet();
            assertTrue(os.setUpdateFrom(merged, source));
            assertEquals(100, m.len(merged));
            assertEquals(refs + 1, os.refcount(probe));
            assertEquals(itemsOf(m, source), itemsOf(m, merged));
            // CPython 3.11-3.13: set(set(range(100))) is 4312 bytes, the same items added one by one 8408
            assertEquals(4312, m.getsizeof(merged));
            long oneByOne = m.newSet();
            for (long x : m.setItems(source)) {
                m.setAdd(oneByOne, x);
            }
            assertEquals(8408, m.getsizeof(oneByOne));
            m.decref(merged);
            m.decref(oneByOne);
            assertEquals(refs, os.refcount(probe));
            m.decref(source);
            m.decref(probe);
        }
    }

    @Test
    void aDictSourceAddsItsKeysAndOtherSourcesAreLeftToTheCaller() {
        try (PyRuntime rt = Runtimes.defaults()) {
            Mutator m = rt.mutator();
            ObjectSpace os = ObjectSpace.of(m);
            long d = m.newDict();
            for (int i = 0; i < 40; i++) {
                long k = m.newInt(i);
                m.dictSet(d, k, m.none());
                m.decref(k);
            }
            long s = m.newFrozenSet();
            assertTrue(os.setUpdateFrom(s, d));
            assertEquals(40, m.len(s));
            assertEquals(2264, m.getsizeof(s)); // frozenset(dict.fromkeys(range(40))) in CPython 3.11-3.13

            long list = m.newList(m.none());
            assertTrue(os.setMergeable(d));
            assertTrue(os.setMergeable(s));
            assertFalse(os.setMergeable(list));
            long before = m.len(s);
            assertFalse(os.setUpdateFrom(s, list));
            assertEquals(before, m.len(s));
            assertThrows(RuntimeException.class, () -> os.setUpdateFrom(list, s));
            m.decref(list);
            m.decref(s);
            m.decref(d);
        }
    }

    private static Set<Long> itemsOf(Mutator m, long set) {
        return new HashSet<>(m.setItems(set));
    }
}
