package org.pymemlab.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.PluginProvider;

class PluginRegistryTest {

    private final ClassLoader fakesOnly = new FakesOnlyClassLoader(getClass().getClassLoader());
    private final PluginRegistry registry = PluginRegistry.load(fakesOnly);

    private static List<String> ids(List<? extends PluginProvider> providers) {
        return providers.stream().map(PluginProvider::id).toList();
    }

    @Test
    void findsTheRegisteredProvidersSortedById() {
        assertEquals(List.of("test-fake-allocator", "test-other-fake-allocator"), ids(registry.allocators()));
        assertEquals(List.of("test-fake-collector"), ids(registry.collectors()));
        assertEquals(List.of("test-fake-interner"), ids(registry.interners()));
    }

    @Test
    void selectsById() {
        assertInstanceOf(FakeAllocatorProvider.class, registry.allocator("test-fake-allocator"));
        assertInstanceOf(FakeCollectorProvider.class, registry.collector("test-fake-collector"));
        assertInstanceOf(FakeInternerProvider.class, registry.interner("test-fake-interner"));
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        var allocator = assertThrows(PluginConfigException.class, () -> registry.allocator("jemalloc"));
        assertEquals("pymem.allocator = jemalloc: one of test-fake-allocator, test-other-fake-allocator",
                allocator.getMessage());
        assertEquals("pymem.allocator", allocator.key());
        assertEquals("pymem.collector = x: one of test-fake-collector",
                assertThrows(PluginConfigException.class, () -> registry.collector("x")).getMessage());
        assertEquals("pymem.interning = x: one of test-fake-interner",
                assertThrows(PluginConfigException.class, () -> registry.interner("x")).getMessage());
    }

    @Test
    void anEmptyClassPathSaysSo() {
        PluginRegistry empty = PluginRegistry.load(ClassLoader.getPlatformClassLoader());
        assertEquals(List.of(), empty.allocators());
        assertEquals("pymem.allocator = obmalloc: none is on the class path",
                assertThrows(PluginConfigException.class, () -> empty.allocator("obmalloc")).getMessage());
    }

    @Test
    void duplicateIdsNameBothClasses(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/org.pymemlab.api.allocator.AllocatorProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, DuplicateFakeAllocatorProvider.class.getName() + "\n");
        try (var loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, fakesOnly)) {
            var e = assertThrows(PluginDiscoveryException.class, () -> PluginRegistry.load(loader));
            assertTrue(e.getMessage().startsWith("two AllocatorProviders have the id 'test-fake-allocator': "),
                    e.getMessage());
            assertTrue(e.getMessage().contains(FakeAllocatorProvider.class.getName()), e.getMessage());
            assertTrue(e.getMessage().contains(DuplicateFakeAllocatorProvider.class.getName()), e.getMessage());
        }
    }

    @Test
    void aProviderThatCannotBeLoadedIsOneLine(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/org.pymemlab.api.collector.CollectorProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "org.example.Missing\n");
        try (var loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            var e = assertThrows(PluginDiscoveryException.class, () -> PluginRegistry.load(loader));
            assertTrue(e.getMessage().contains("org.example.Missing"), e.getMessage());
        }
    }
}
