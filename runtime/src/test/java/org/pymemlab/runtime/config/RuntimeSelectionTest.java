package org.pymemlab.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.PluginConfigException;

class RuntimeSelectionTest {

    private static Config config(String extra) {
        return ConfigFactory.parseString(extra).withFallback(ConfigFactory.parseString("""
                pymem { profile = cpython-3.13, allocator = obmalloc, collector = generational,
                        interning = cpython, hash-seed = 0 }
                """)).resolve();
    }

    private static String failure(String extra) {
        return assertThrows(PluginConfigException.class, () -> RuntimeSelection.from(config(extra))).getMessage();
    }

    @Test
    void readsTheKeys() {
        var selection = RuntimeSelection.from(config("pymem.hash-seed = 4294967295"));
        assertEquals(new RuntimeSelection("cpython-3.13", "obmalloc", "generational", "cpython", 4294967295L),
                selection);
    }

    @Test
    void hashSeedMustBeAnIntegerInRange() {
        String allowed = ": an integer from 0 to 4294967295";
        assertEquals("pymem.hash-seed = \"abc\"" + allowed, failure("pymem.hash-seed = abc"));
        assertEquals("pymem.hash-seed = 4294967296" + allowed, failure("pymem.hash-seed = 4294967296"));
        assertEquals("pymem.hash-seed = -1" + allowed, failure("pymem.hash-seed = -1"));
        assertEquals("pymem.hash-seed = 1.5" + allowed, failure("pymem.hash-seed = 1.5"));
        assertEquals("pymem.hash-seed = [1]" + allowed, failure("pymem.hash-seed = [1]"));
        assertEquals("pymem.hash-seed = null" + allowed, failure("pymem.hash-seed = null"));
    }

    @Test
    void pluginIdsMustBeStrings() {
        assertEquals("pymem.allocator = [\"obmalloc\"]: a string", failure("pymem.allocator = [obmalloc]"));
        assertEquals("pymem.collector = {\"a\":1}: a string", failure("pymem.collector { a = 1 }"));
        assertEquals("pymem.interning = null: a string", failure("pymem.interning = null"));
    }

    @Test
    void typedSettingsCheckRangesAndSizes() {
        Config config = ConfigFactory.parseString("a = \"256 KiB\", b = big, c = 0.5, d = yes");
        assertEquals(262144, TypedSettings.bytesInRange(config, "a", 1, Long.MAX_VALUE));
        assertEquals("b = \"big\": a size from 1 to 10 bytes, such as 256 KiB",
                assertThrows(PluginConfigException.class, () -> TypedSettings.bytesInRange(config, "b", 1, 10))
                        .getMessage());
        assertEquals(0.5, TypedSettings.doubleInRange(config, "c", 0, 1));
        assertEquals(true, TypedSettings.bool(config, "d"));
        assertEquals("x = (not set): a string",
                assertThrows(PluginConfigException.class, () -> TypedSettings.string(config, "x")).getMessage());
    }
}
