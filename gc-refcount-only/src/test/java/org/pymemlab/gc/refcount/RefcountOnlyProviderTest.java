package org.pymemlab.gc.refcount;

import org.pymemlab.testkit.FakeHeap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.collector.CollectionResult;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorProvider;
import org.pymemlab.api.collector.CollectorStats;
import org.pymemlab.api.collector.GenerationStats;
import org.pymemlab.api.collector.HeapView;

/** Discovery, wiring and configuration of {@code refcount-only}. */
class RefcountOnlyProviderTest {

    private static CollectorProvider provider() {
        return ServiceLoader.load(CollectorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("refcount-only"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("refcount-only not found by ServiceLoader"));
    }

    @Test
    void foundByServiceLoader() {
        CollectorProvider p = provider();
        assertInstanceOf(RefcountOnlyProvider.class, p);
        assertEquals("Reference counting alone: cycles are never collected", p.description());
        assertEquals("", p.configPath());
    }

    @Test
    void servicesFileNamesTheProvider() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/org.pymemlab.api.collector.CollectorProvider")) {
            assertNotNull(in, "services file missing");
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .contains(RefcountOnlyProvider.class.getName()));
        }
    }

    @Test
    void guiceModuleBuildsASingletonCollector() {
        Config config = ConfigFactory.load();
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
            assertEquals(0, c.headerSize());
            assertEquals(CollectionResult.none(2), c.collect(2));
            CollectorStats stats = c.stats();
            assertEquals(3, stats.generations().size());
            // CPython with gc disabled: an explicit collection finds nothing but is counted.
            assertEquals(GenerationStats.EMPTY, stats.generations().get(0));
            assertEquals(GenerationStats.EMPTY, stats.generations().get(1));
            assertEquals(new GenerationStats(1, 0, 0, 0, 0, 0), stats.generations().get(2));
            assertTrue(stats.pauseHistogramNanos().isEmpty());
            assertFalse(c.isEnabled());
        }
    }

    @Test
    void referenceConfDeclaresTheSection() {
        Config reference = ConfigFactory.defaultReference();
        assertTrue(reference.hasPath("pymem.refcount-only"));
        assertTrue(reference.getConfig("pymem.refcount-only").isEmpty(), "no keys");
    }
}
