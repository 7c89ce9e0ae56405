package org.pymemlab.allocator.obmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pymemlab.api.allocator.MemoryDomain.OBJECT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** sys._debugmallocstats() text, and arena-alignment loss with arenas that are not pool-aligned. */
class DebugStatsTest {

    /** Hands out real mmap'd arenas that start 4 KiB past a 16 KiB boundary: never pool-aligned. */
    static final class MisalignedArenaSource implements ArenaSource {
        private final MmapArenaSource mmap = new MmapArenaSource();
        private final Map<Long, Long> bases = new HashMap<>();
        private static final long SLOP = 32 * 1024;

        @Override
        public long map(long size) {
            long base = mmap.map(size + SLOP);
            long arena = ((base + 16383) & -16384L) + 4096;
            bases.put(arena, base);
            return arena;
        }

        @Override
        public void unmap(long address, long size) {
            mmap.unmap(bases.remove(address), size + SLOP);
        }
    }

    private static long value(String line) {
        return Long.parseLong(line.substring(36).strip().replace(",", ""));
    }

    @Test
    void layoutAndIdentitiesWithCPythonGeometry() {
        ObmallocSettings settings = ObmallocSettings.from(ObmallocSettingsTest.config(""));
        try (ObmallocAllocator allocator = new ObmallocAllocator(settings, new MisalignedArenaSource())) {
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < 20_000; i++) {
                long p = allocator.malloc(OBJECT, 1 + random.nextInt(512));
                if (random.nextInt(3) == 0) {
                    allocator.free(OBJECT, p);
                }
            }
            String text = allocator.debugStats().orElseThrow();
            List<String> lines = text.lines().toList();
            assertEquals("Small block threshold = 512, in 32 size classes.", lines.get(0));
            assertEquals("", lines.get(1));
            assertEquals("class   size   num pools   blocks in use  avail blocks", lines.get(2));
            assertEquals("-----   ----   ---------   -------------  ------------", lines.get(3));
            assertTrue(lines.get(4).matches(" {4}0 {5}16 +\\d+ +\\d+ +\\d+"), lines.get(4));

            long arenas = allocator.stats().details().get("arenas.current");
            assertTrue(arenas >= 2);
            int total = lines.indexOf(lines.stream().filter(l -> l.startsWith("Total")).findFirst().orElseThrow());
            long sum = 0;
            for (int i = total - 6; i < total; i++) {
                assertEquals(57, lines.get(i).length(), "label to 35, '=', 21 characters: " + lines.get(i));
                assertEquals('=', lines.get(i).charAt(35));
                sum += value(lines.get(i));
            }
            assertEquals(arenas * 1048576, sum, "the six lines add up to the arena bytes");
            assertEquals(sum, value(lines.get(total)));
            assertEquals(arenas + " arenas * 1048576 bytes/arena     =" + String.format("%,21d", arenas * 1048576),
                    lines.get(total - 8));
            assertEquals("# bytes lost to arena alignment    =" + String.format("%,21d", arenas * 16384),
                    lines.get(total - 1), "every arena lost one pool");
            assertTrue(text.contains("# arenas allocated total           =" + String.format("%21d", arenas)));
            assertTrue(text.contains("\narena map counts\n# arena map mid nodes              ="));
            assertTrue(text.contains("# bytes lost to arena map root     =              262,144\n"));
            assertTrue(text.endsWith("\n"));
            for (int ao = 0; ao < allocator.pymalloc().arenas().maxarenas(); ao++) {
                if (allocator.pymalloc().arenas().address(ao) != 0) {
                    assertEquals(63, allocator.pymalloc().arenas().ntotalpools(ao), "one pool lost to alignment");
                }
            }
            Invariants.check(settings, allocator.pymalloc());
        }
    }

    @Test
    void classTableMatchesTheCensus() {
        ObmallocSettings settings = ObmallocSettings.from(ObmallocSettingsTest.config(""));
        try (ObmallocAllocator allocator = new ObmallocAllocator(settings)) {
            for (int i = 0; i < 1100; i++) {
                allocator.malloc(OBJECT, 16);
            }
            allocator.malloc(OBJECT, 512);
            String text = allocator.debugStats().orElseThrow();
            assertTrue(text.contains("\n    0     16           2            1100           942\n"), text);
            assertTrue(text.contains("\n   31    512           1               1            30\n"), text);
            assertEquals(1101, allocator.allocatedBlocks());
            // Pool headers: 3 pools × 48; quantization: 2 × (16336 mod 16) + 16336 mod 512.
            assertTrue(text.contains("# bytes lost to pool headers       =                  144\n"), text);
            assertTrue(text.contains("# bytes lost to quantization       =                  464\n"), text);
            assertTrue(text.contains("61 unused pools * 16384 bytes      =              999,424\n")
                    || text.contains("60 unused pools * 16384 bytes      =              983,040\n"), text);
        }
    }

    @Test
    void printoneMatchesObmalloc() {
        StringBuilder out = new StringBuilder();
        MallocStatsText.printone(out, "# bytes in allocated blocks", 3_494_800);
        assertEquals("# bytes in allocated blocks        =            3,494,800\n", out.toString());
    }
}
