package org.pymemlab.gc.generational;

import org.pymemlab.testkit.FakeHeap;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorProvider;
import org.pymemlab.api.collector.HeapView;

/** Discovery, wiring and configuration of {@code generational}. */
class GenerationalProviderTest {

    private static CollectorProvider provider() {
        return ServiceLoader.load(CollectorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("generational"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("generational not found by ServiceLoader"));
    }

    private static Config with(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void foundByServiceLoader() {
        CollectorProvider p = provider();
        assertInstanceOf(GenerationalProvider.class, p);
        assertEquals("pymem.generational", p.configPath());
    }

    @Test
    void servicesFileNamesTheProvider() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/org.pymemlab.api.collector.CollectorProvider")) {
            assertNotNull(in, "services file missing");
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .contains(GenerationalProvider.class.getName()));
        }
    }

    @Test
    void guiceModuleBuildsASingletonCollector() {
        Config config = with("pymem.generational.thresholds = [700, 10, 10]");
        try (FakeHeap heap = new FakeHeap()) {
            Injector injector = Guice.createInjector(provider().module(config), new AbstractModule() {
                @Override
                protected void configure() {
                    bind(HeapView.class).toInstance(heap);
                    bind(Config.class).toInstance(config);
                }
            });
            Collector c = injector.getInstance(Collector.class);
            assertSame(c, injector.getInstance(Collector.class));
            heap.attach(c);
            assertEquals(16, c.headerSize());
            assertArrayEquals(new int[] {700, 10, 10}, c.thresholds());
            long a = heap.object("a");
            heap.link(a, a);
            heap.decref(a);
            assertEquals(1, c.collect(2).collected());
        }
    }

    @Test
    void defaults() {
        GenerationalSettings s = GenerationalSettings.from(ConfigFactory.load());
        assertEquals(List.of(2000, 10, 10), s.thresholds());
        assertEquals(CollectionTiming.SAFE_POINT, s.timing());
        assertTrue(s.enabled());
        assertEquals(0, s.debugFlags());
    }

    @Test
    void keysAreRead() {
        GenerationalSettings s = GenerationalSettings.from(with("""
                pymem.generational { thresholds = [700, 5, 0], timing = immediate, enabled = false, debug-flags = 38 }
                """));
        assertEquals(List.of(700, 5, 0), s.thresholds());
        assertEquals(CollectionTiming.IMMEDIATE, s.timing());
        assertEquals(false, s.enabled());
        assertEquals(38, s.debugFlags());
    }

    private static String failure(String hocon) {
        PluginConfigException e = assertThrows(PluginConfigException.class,
                () -> GenerationalSettings.from(with(hocon)));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void badValuesAreOneLineNamingKeyValueAndAllowed() {
        assertEquals("pymem.generational.thresholds = [700, -1, 10]: a list of 3 integers from 0 to 2147483647",
                failure("pymem.generational.thresholds = [700, -1, 10]"));
        assertEquals("pymem.generational.thresholds = [700, 10]: a list of 3 integers from 0 to 2147483647",
                failure("pymem.generational.thresholds = [700, 10]"));
        assertEquals("pymem.generational.timing = eventually: one of [immediate, safe-point]",
                failure("pymem.generational.timing = eventually"));
        assertTrue(failure("pymem.generational.debug-flags = 8").startsWith("pymem.generational.debug-flags = 8: "));
        assertTrue(failure("pymem.generational.enabled = maybe").startsWith("pymem.generational.enabled = maybe: "));
        assertTrue(failure("pymem.generational.thresholds = 700").startsWith("pymem.generational.thresholds = 700: "));
    }

    @Test
    void moduleValidatesAtStartUp() {
        assertThrows(PluginConfigException.class,
                () -> provider().module(with("pymem.generational.timing = later")));
    }
}
