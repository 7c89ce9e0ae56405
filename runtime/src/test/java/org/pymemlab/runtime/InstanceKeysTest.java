package org.pymemlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dicts and sets ask an installed {@link InstanceKeys} about instances, and only about instances. */
class InstanceKeysTest {

    /** Instances keyed by a Java-side value; records every question. */
    private static final class ByValue implements InstanceKeys {
        final Map<Long, Long> value = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        RuntimeException failEqual;

        @Override
        public long hash(long instance, long identityHash) {
            asked.add("hash");
            return value.get(instance);
        }

        @Override
        public boolean equal(long a, long b) {
            asked.add("eq");
            if (failEqual != null) {
                throw failEqual;
            }
            return value.containsKey(a) && value.containsKey(b) && value.get(a).equals(value.get(b));
        }
    }

    @Test
    void builtInKeysNeverReachTheHook() {
        try (PyRuntime rt = Runtimes.defaults()) {
            Mutator m = rt.mutator();
            ObjectSpace.of(m).setInstanceKeys(new InstanceKeys() {
                @Override
                public long hash(long instance, long identityHash) {
                    throw new AssertionError("asked to hash a built-in key");
                }

                @Override
                public boolean equal(long a, long b) {
                    throw new AssertionError("asked to compare built-in keys");
                }
            });
            long d = m.newDict();
            long s = m.newSet();
            for (int i = 0; i < 50; i++) {
                long k = i % 2 == 0 ? m.newStr("k" + i) : m.newInt(i);
                long t = m.newTuple(k);
                m.dictSet(d, k, t);
                m.dictSet(d, t, k);
                m.setAdd(s, k);
                m.setAdd(s, t);
                // an equal, distinct str: compared by the runtime itself
                long same = i % 2 == 0 ? m.newStr("k" + i) : m.newInt(i);
                assertTrue(m.dictGet(d, same) != 0);
                assertTrue(m.setContains(s, same));
                m.decref(same);
                m.decref(t);
                m.decref(k);
            }
            assertEquals(100, m.len(d));
            assertEquals(100, m.len(s));
            m.decref(d);
            m.decref(s);
            assertEquals(0, rt.leaks().objects());
        }
    }

    @Test
    void instancesAreKeyedByTheHooksHashAndEquality() {
        try (PyRuntime rt = Runtimes.defaults()) {
            Mutator m = rt.mutator();
            ByValue keys = new ByValue();
            ObjectSpace.of(m).setInstanceKeys(keys);
            long cls = m.newClass(ClassSpec.plain("V"));
            long a = m.newInstance(cls);
            long b = m.newInstance(cls);
            long c = m.newInstance(cls);
            keys.value.put(a, 7L);
            keys.value.put(b, 7L);
            keys.value.put(c, 8L);
            assertEquals(7, m.hash(a));
            long d = m.newDict();
            long one = m.newInt(1);
            long two = m.newInt(2);
            m.dictSet(d, a, one);
            m.dictSet(d, b, two); // equal to a: replaces the value, keeps the key a
            assertEquals(1, m.len(d));
            assertEquals(two, m.dictGet(d, a));
            assertEquals(0, m.dictGet(d, c));
            assertEquals(List.of(a), m.dictKeys(d));
            long s = m.newSet(a, b, c);
            assertEquals(2, m.len(s));
            assertTrue(m.setContains(s, b));

            // an __eq__ that raises leaves the dict as it was and keeps no reference to the key
            long refsBefore = ObjectSpace.of(m).refcount(b);
            keys.failEqual = new IllegalStateException("eq raised");
            assertThrows(IllegalStateException.class, () -> m.dictSet(d, b, one));
            assertThrows(IllegalStateException.class, () -> m.setAdd(s, b));
            assertEquals(refsBefore, ObjectSpace.of(m).refcount(b));
            keys.failEqual = null;
            assertEquals(1, m.len(d));
            assertEquals(two, m.dictGet(d, b));
            assertEquals(2, m.len(s));
            assertFalse(keys.asked.isEmpty());

            for (long x : new long[] {d, s, one, two, a, b, c, cls}) {
                m.decref(x);
            }
            assertEquals(0, rt.leaks().objects());
        }
    }
}
