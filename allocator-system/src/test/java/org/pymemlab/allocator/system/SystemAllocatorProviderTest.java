package org.pymemlab.allocator.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.api.allocator.MemoryDomain;

class SystemAllocatorProviderTest {

    @Test
    void serviceLoaderFindsTheProviderAndItsModuleBuildsAnAllocator() {
        AllocatorProvider provider = ServiceLoader.load(AllocatorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("system"))
                .findFirst()
                .orElseThrow();
        assertEquals("pymem.system", provider.configPath());
        assertTrue(provider.description().contains("malloc"));

        Injector injector = Guice.createInjector(provider.module(ConfigFactory.defaultReference()));
        Allocator allocator = injector.getInstance(Allocator.class);
        assertSame(allocator, injector.getInstance(Allocator.class), "singleton");
        try (allocator) {
            long block = allocator.malloc(MemoryDomain.OBJECT, 100);
            assertNotEquals(0, block);
            allocator.free(MemoryDomain.OBJECT, block);
        }
    }

    @Test
    void servicesFileNamesTheProvider() throws Exception {
        Path services = Path.of("target/classes/META-INF/services/org.pymemlab.api.allocator.AllocatorProvider");
        assertTrue(Files.exists(services), services + " exists");
        List<String> lines = Files.readAllLines(services);
        assertTrue(lines.contains(SystemAllocatorProvider.class.getName()), lines.toString());
    }
}
