package org.pymemlab.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals("test only: FakeAllocatorProvider", registry.allocator("test-fake-allocator").description());
        assertEquals("test only: FakeCollectorProvider", registry.collector("test-fake-collector").description());
        assertEquals("test only: FakeInternerProvider", registry.interner("test-fake-interner").description());
        assertInstanceOf(org.pymemlab.api.allocator.AllocatorProvider.class, registry.allocator("test-fake-allocator"));
        assertEquals(List.of(), registry.problems());
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
    void duplicateIdsAreAProblemNamingBothClassesAndCannotBeSelected(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/org.pymemlab.api.allocator.AllocatorProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, DuplicateFakeAllocatorProvider.class.getName() + "\n");
        try (var loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, fakesOnly)) {
            PluginRegistry loaded = PluginRegistry.load(loader);
            assertEquals(1, loaded.problems().size(), loaded.problems()::toString);
            String problem = loaded.problems().getFirst().message();
            assertTrue(problem.startsWith("allocator 'test-fake-allocator' is provided 2 times: "), problem);
            assertTrue(problem.contains(FakeAllocatorProvider.class.getName()), problem);
            assertTrue(problem.contains(DuplicateFakeAllocatorProvider.class.getName()), problem);
            assertEquals("test-fake-allocator", loaded.problems().getFirst().id());
            // The rest still works.
            assertEquals(List.of("test-other-fake-allocator"), ids(loaded.allocators()));
            loaded.allocator("test-other-fake-allocator");
            var e = assertThrows(PluginDiscoveryException.class, () -> loaded.allocator("test-fake-allocator"));
            assertEquals("pymem.allocator = test-fake-allocator: " + problem, e.getMessage());
        }
    }

    @Test
    void aProviderThatCannotBeLoadedIsAOneLineProblem(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/org.pymemlab.api.collector.CollectorProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "org.example.Missing\n");
        try (var loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, fakesOnly)) {
            PluginRegistry loaded = PluginRegistry.load(loader);
            assertEquals(1, loaded.problems().size(), loaded.problems()::toString);
            String problem = loaded.problems().getFirst().message();
            assertTrue(problem.contains("org.example.Missing"), problem);
            assertFalse(problem.contains("\n"), problem);
            assertEquals(List.of("test-fake-collector"), ids(loaded.collectors()));
        }
    }
}
