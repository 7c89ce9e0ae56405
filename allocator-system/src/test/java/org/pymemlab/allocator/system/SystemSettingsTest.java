package org.pymemlab.allocator.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.PluginConfigException;

class SystemSettingsTest {

    private static Config config(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference());
    }

    @Test
    void defaultIsTheProcessCLibrary() {
        SystemSettings settings = SystemSettings.from(config(""));
        assertEquals("", settings.library());
        assertSame(ProcessMalloc.INSTANCE, LibraryMalloc.resolve(SystemSettings.LIBRARY, settings.library()));
    }

    @Test
    void wrongTypeIsOneLineNamingTheKey() {
        PluginConfigException e = assertThrows(PluginConfigException.class,
                () -> SystemSettings.from(config("pymem.system.library = [a, b]")));
        assertEquals("pymem.system.library", e.key());
        assertTrue(e.getMessage().startsWith("pymem.system.library = "), e.getMessage());
        assertTrue(e.getMessage().contains("a string"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void missingKeyIsReported() {
        PluginConfigException e = assertThrows(PluginConfigException.class,
                () -> SystemSettings.from(ConfigFactory.parseString("pymem.system {}")));
        assertEquals("pymem.system.library = (missing): a string: \"\" or a library path or name", e.getMessage());
    }

    @Test
    void libraryThatCannotBeLoaded() {
        PluginConfigException e = assertThrows(PluginConfigException.class,
                () -> new SystemAllocatorProvider().module(config("pymem.system.library = \"libnosuchmalloc.so.9\"")));
        assertEquals("pymem.system.library", e.key());
        assertTrue(e.getMessage().startsWith("pymem.system.library = \"libnosuchmalloc.so.9\": cannot be loaded; "),
                e.getMessage());
        assertTrue(e.getMessage().contains("libjemalloc.so.2"), e.getMessage());
    }

    @Test
    void libraryWithoutItsOwnMalloc() {
        // libm defines no malloc; dlsym finds the C library's through libm's dependencies.
        PluginConfigException e = assertThrows(PluginConfigException.class,
                () -> new SystemAllocatorProvider().module(config("pymem.system.library = \"libm.so.6\"")));
        assertTrue(e.getMessage().startsWith("pymem.system.library = \"libm.so.6\": does not define"), e.getMessage());
    }
}
