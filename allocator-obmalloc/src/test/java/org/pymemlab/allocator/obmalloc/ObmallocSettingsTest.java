package org.pymemlab.allocator.obmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.PluginConfigException;

class ObmallocSettingsTest {

    static Config config(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference());
    }

    private static String error(String hocon) {
        PluginConfigException e = assertThrows(PluginConfigException.class, () -> ObmallocSettings.from(config(hocon)));
        assertEquals(1, e.getMessage().lines().count(), "one line");
        return e.getMessage();
    }

    @Test
    void defaultsAreCPythons64BitGeometry() {
        ObmallocSettings s = ObmallocSettings.from(config(""));
        assertEquals(new ObmallocSettings(1 << 20, 16 << 10, 16, 512), s);
        assertEquals(32, s.sizeClasses());
        assertEquals(4, s.alignmentShift());
        assertEquals(48, s.poolOverhead());
        assertEquals(64, s.maxPoolsInArena());
        assertEquals(20, s.arenaBits());
        // CPYTHON-FACTS §1: blocks per pool.
        assertEquals(1021, s.blocksPerPool(0));
        assertEquals(510, s.blocksPerPool(1));
        assertEquals(340, s.blocksPerPool(2));
        assertEquals(255, s.blocksPerPool(3));
        assertEquals(31, s.blocksPerPool(31));
    }

    @Test
    void smallGeometryAndPlainByteCounts() {
        ObmallocSettings s = ObmallocSettings.from(config(
                "pymem.obmalloc { arena-size = 64 KiB, pool-size = 4096, alignment = 32, small-request-threshold = 256 }"));
        assertEquals(new ObmallocSettings(65536, 4096, 32, 256), s);
        assertEquals(8, s.sizeClasses());
        assertEquals(64, s.poolOverhead(), "48-byte header rounded up to the alignment");
    }

    @Test
    void badAlignment() {
        assertEquals("pymem.obmalloc.alignment = 24: a power of two from 8 to 4096 bytes (CPython: 16 on 64-bit)",
                error("pymem.obmalloc.alignment = 24"));
        assertEquals("pymem.obmalloc.alignment = 4: a power of two from 8 to 4096 bytes (CPython: 16 on 64-bit)",
                error("pymem.obmalloc.alignment = 4"));
    }

    @Test
    void badPoolSize() {
        assertEquals("pymem.obmalloc.pool-size = 12 KiB: a power of two of at least 1 KiB (CPython: 16 KiB)",
                error("pymem.obmalloc.pool-size = 12 KiB"));
        assertEquals("pymem.obmalloc.pool-size = 512: a power of two of at least 1 KiB (CPython: 16 KiB)",
                error("pymem.obmalloc.pool-size = 512"));
    }

    @Test
    void badArenaSize() {
        assertEquals("pymem.obmalloc.arena-size = 16 KiB: a power of two from 32768 bytes (2 pools, pool-size = 16384)"
                        + " to 1 GiB (CPython: 1 MiB)",
                error("pymem.obmalloc.arena-size = 16 KiB"));
        assertEquals("pymem.obmalloc.arena-size = 1000 KiB: a power of two from 32768 bytes (2 pools, pool-size = 16384)"
                        + " to 1 GiB (CPython: 1 MiB)",
                error("pymem.obmalloc.arena-size = 1000 KiB"));
    }

    @Test
    void badThreshold() {
        String allowed = ": a multiple of alignment (16) from 16 to 1024 (at most 64 size classes, and two blocks per pool"
                + " after the 48-byte header) (CPython: 512)";
        assertEquals("pymem.obmalloc.small-request-threshold = 500" + allowed,
                error("pymem.obmalloc.small-request-threshold = 500"));
        assertEquals("pymem.obmalloc.small-request-threshold = 2048" + allowed,
                error("pymem.obmalloc.small-request-threshold = 2048"));
        assertEquals("pymem.obmalloc.small-request-threshold = 0" + allowed,
                error("pymem.obmalloc.small-request-threshold = 0"));
        // A 1 KiB pool holds two blocks of at most (1024 - 48) / 2 = 488 → 480 bytes.
        assertEquals("pymem.obmalloc.small-request-threshold = 512: a multiple of alignment (16) from 16 to 480"
                        + " (at most 64 size classes, and two blocks per pool after the 48-byte header) (CPython: 512)",
                error("pymem.obmalloc { pool-size = 1 KiB, arena-size = 4 KiB }"));
    }

    @Test
    void notAMemorySize() {
        assertEquals("pymem.obmalloc.pool-size = lots: a memory size such as 16 KiB",
                error("pymem.obmalloc.pool-size = lots"));
        assertEquals("pymem.obmalloc.arena-size = (missing): a memory size such as 16 KiB",
                assertThrows(PluginConfigException.class, () -> ObmallocSettings.from(ConfigFactory.parseString(
                        "pymem.obmalloc { pool-size = 16 KiB, alignment = 16, small-request-threshold = 512 }")))
                        .getMessage());
    }
}
