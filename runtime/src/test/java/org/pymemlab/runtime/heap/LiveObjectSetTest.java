package org.pymemlab.runtime.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link LiveObjectSet} against {@link HashSet} on the same random adds and removes. */
class LiveObjectSetTest {

    @Test
    void behavesLikeASetOfAddresses() {
        LiveObjectSet live = new LiveObjectSet();
        Set<Long> expected = new HashSet<>();
        Random random = new Random(42);
        // Clustered addresses (as an allocator hands out), far apart chunks (table growth), odd ones.
        long[] bases = new long[300];
        for (int i = 0; i < bases.length; i++) {
            bases[i] = 0x7f00_0000_0000L + (random.nextLong(1L << 32) << 16);
        }
        for (int step = 0; step < 200_000; step++) {
            long op = bases[random.nextInt(bases.length)] + random.nextInt(70_000) * 16L;
            if (random.nextInt(50) == 0) {
                op += 1 + random.nextInt(7); // not 8-byte aligned
            }
            boolean add = random.nextInt(3) != 0;
            if (add) {
                assertEquals(expected.add(op), live.add(op), "add 0x" + Long.toHexString(op));
            } else {
                assertEquals(expected.remove(op), live.remove(op), "remove 0x" + Long.toHexString(op));
            }
            long probe = bases[random.nextInt(bases.length)] + random.nextInt(70_000) * 16L;
            assertEquals(expected.contains(probe), live.contains(probe));
            assertEquals(expected.size(), live.size());
        }
        Set<Long> seen = new HashSet<>();
        live.forEach(op -> assertTrue(seen.add(op), "visited twice: 0x" + Long.toHexString(op)));
        assertEquals(expected, seen);
    }

    @Test
    void forEachWorksOnASnapshot() {
        LiveObjectSet live = new LiveObjectSet();
        for (long op = 0x1000; op < 0x1000 + 64 * 100; op += 64) {
            live.add(op);
        }
        live.add(0x1003);
        int[] visits = {0};
        live.forEach(op -> {
            visits[0]++;
            live.remove(op); // the action frees objects
            live.add(op + 8); // and allocates
        });
        assertEquals(101, visits[0]);
        assertEquals(101, live.size());
        assertFalse(live.contains(0x1000));
        assertTrue(live.contains(0x1008));
    }
}
