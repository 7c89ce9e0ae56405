package org.pymemlab.api.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongHashSetTest {

    @Test
    void behavesLikeAHashSetUnderRandomAddsAndRemoves() {
        Random random = new Random(42);
        LongHashSet set = new LongHashSet();
        Set<Long> model = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            // 16-byte aligned addresses from a small range, so probe runs collide and wrap.
            long key = 0x7f00_0000_0000L + 16L * random.nextInt(4096);
            if (random.nextBoolean()) {
                assertEquals(model.add(key), set.add(key));
            } else {
                assertEquals(model.remove(key), set.remove(key));
            }
            if (i % 1000 == 0) {
                assertEquals(model.size(), set.size());
                for (long k : model) {
                    assertTrue(set.contains(k));
                }
            }
        }
        Set<Long> listed = new HashSet<>();
        set.forEach(listed::add);
        assertEquals(model, listed);
    }

    @Test
    void zeroIsNeverContained() {
        LongHashSet set = new LongHashSet();
        assertFalse(set.contains(0));
        assertFalse(set.remove(0));
    }
}
