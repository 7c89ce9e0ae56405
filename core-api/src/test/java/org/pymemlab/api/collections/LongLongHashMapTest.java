package org.pymemlab.api.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongLongHashMapTest {

    @Test
    void behavesLikeAHashMapUnderRandomChurn() {
        LongLongHashMap map = new LongLongHashMap(4, -1);
        Map<Long, Long> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int step = 0; step < 200_000; step++) {
            // Addresses: 16-byte aligned, clustered, as malloc hands them out.
            long key = 0x7f00_0000_0000L + 16L * random.nextInt(5000);
            if (random.nextInt(3) == 0) {
                Long expected = model.remove(key);
                assertEquals(expected == null ? -1 : expected, map.remove(key));
            } else {
                long value = random.nextLong();
                Long expected = model.put(key, value);
                assertEquals(expected == null ? -1 : expected, map.put(key, value));
            }
            assertEquals(model.size(), map.size());
        }
        for (Map.Entry<Long, Long> e : model.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey()));
            assertTrue(map.containsKey(e.getKey()));
        }
        long[] sum = {0};
        map.forEach((k, v) -> sum[0] += v);
        assertEquals(model.values().stream().mapToLong(Long::longValue).sum(), sum[0]);
        map.clear();
        assertTrue(map.isEmpty());
        assertFalse(map.containsKey(0x7f00_0000_0000L));
    }

    @Test
    void keyZeroIsReserved() {
        LongLongHashMap map = new LongLongHashMap(0, -1);
        assertThrows(IllegalArgumentException.class, () -> map.put(0, 1));
        assertEquals(-1, map.get(0));
        assertEquals(-1, map.remove(0));
    }
}
