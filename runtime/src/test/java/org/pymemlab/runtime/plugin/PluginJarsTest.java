package org.pymemlab.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.pymemlab.testkit.TestJar;

import com.google.inject.Guice;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.PluginProvider;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.api.collector.CollectorProvider;

/** Plugin jars in directories: the good ones load, each bad one is a one-line problem naming the jar and the id. */
class PluginJarsTest {

    private static final String BINDS_NOTHING = "return binder -> { };";

    private final ClassLoader lab = new FakesOnlyClassLoader(getClass().getClassLoader());

    @TempDir
    Path plugins;

    private static List<String> ids(List<? extends PluginProvider> providers) {
        return providers.stream().map(PluginProvider::id).toList();
    }

    private Path goodJar(String name, String id) {
        String cls = "Good" + Math.abs(name.hashCode());
        return new TestJar().source(cls, TestJar.provider(cls, "allocator", id, BINDS_NOTHING))
                .service(AllocatorProvider.class, cls)
                .resource("reference.conf", "pymem." + id + " {\n  # A key.\n  size = 1\n}\n")
                .writeTo(plugins.resolve(name));
    }

    private PluginJars open() {
        return PluginJars.open(List.of(plugins), lab);
    }

    @Test
    void directoriesAreReadRelativeToTheWorkingDirectory() {
        Config config = ConfigFactory.parseString("pymem.plugins.dirs = [plugins, \"/opt/x\"]");
        assertEquals(List.of(Path.of("/work/plugins"), Path.of("/opt/x")),
                PluginJars.directories(config, Path.of("/work")));
        assertEquals(List.of(Path.of("/work/p")),
                PluginJars.directories(ConfigFactory.parseString("pymem.plugins.dirs = p"), Path.of("/work")));
        assertEquals(List.of(), PluginJars.directories(ConfigFactory.empty(), Path.of("/work")));
    }

    @Test
    void aMissingDirectoryIsNoProblem() {
        try (PluginJars jars = PluginJars.open(List.of(plugins.resolve("absent")), lab)) {
            assertEquals(List.of(), jars.jars());
            assertEquals(List.of(), jars.problems());
        }
    }

    @Test
    void aGoodJarIsFoundWithItsReferenceConf() throws IOException {
        Path jar = goodJar("good.jar", "jar-allocator");
        try (PluginJars jars = open()) {
            PluginRegistry registry = PluginRegistry.load(jars.classLoader());
            assertEquals(List.of(), registry.problems());
            assertEquals(List.of("jar-allocator", "test-fake-allocator", "test-other-fake-allocator"),
                    ids(registry.allocators()));
            assertEquals("test plugin " + "Good" + Math.abs("good.jar".hashCode()),
                    registry.allocator("jar-allocator").description());
            Config reference = ConfigFactory.defaultReference(jars.classLoader());
            assertEquals(1, reference.getInt("pymem.jar-allocator.size"));
            assertTrue(Collections.list(jars.classLoader().getResources("reference.conf")).stream()
                    .anyMatch(u -> u.toString().contains(jar.getFileName().toString())));
            assertNotNull(Guice.createInjector(registry.allocator("jar-allocator").module(reference)));
        }
    }

    @Test
    void aCorruptJarIsAProblemAndTheOthersStillLoad() throws IOException {
        goodJar("a-good.jar", "jar-allocator");
        Path corrupt = Files.write(plugins.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        try (PluginJars jars = open()) {
            PluginRegistry registry = PluginRegistry.load(jars.classLoader());
            assertEquals(1, registry.problems().size(), registry.problems()::toString);
            String problem = registry.problems().getFirst().message();
            assertTrue(problem.startsWith(corrupt + ": not a readable jar ("), problem);
            assertTrue(ids(registry.allocators()).contains("jar-allocator"));
        }
    }

    @Test
    void aMissingProviderClassIsAProblemNamingTheJarAndTheClass() {
        Path jar = new TestJar().service(CollectorProvider.class, "org.example.Missing")
                .writeTo(plugins.resolve("missing.jar"));
        goodJar("ok.jar", "jar-allocator");
        try (PluginJars jars = open()) {
            PluginRegistry registry = PluginRegistry.load(jars.classLoader());
            assertEquals(1, registry.problems().size(), registry.problems()::toString);
            String problem = registry.problems().getFirst().message();
            assertTrue(problem.startsWith(jar + ": cannot load collector provider: "), problem);
            assertTrue(problem.contains("org.example.Missing"), problem);
            assertTrue(ids(registry.allocators()).contains("jar-allocator"));
            assertEquals(List.of("test-fake-collector"), ids(registry.collectors()));
        }
    }

    @Test
    void aProviderWhoseConstructorThrowsIsAProblem() {
        Path jar = new TestJar().source("Throwing", """
                public final class Throwing implements org.pymemlab.api.allocator.AllocatorProvider {
                    public Throwing() { throw new IllegalStateException("no"); }
                    public String id() { return "throwing"; }
                    public String description() { return ""; }
                    public String configPath() { return ""; }
                    public com.google.inject.Module module(com.typesafe.config.Config c) { return null; }
                }
                """).service(AllocatorProvider.class, "Throwing").writeTo(plugins.resolve("throwing.jar"));
        try (PluginJars jars = open()) {
            PluginRegistry registry = PluginRegistry.load(jars.classLoader());
            assertEquals(1, registry.problems().size(), registry.problems()::toString);
            String problem = registry.problems().getFirst().message();
            assertTrue(problem.startsWith(jar.toString()) && problem.contains("test.plugins.Throwing"), problem);
        }
    }

    @Test
    void anIdClaimedByAJarAndTheClassPathIsAProblemAndCannotBeSelected() {
        Path jar = goodJar("dup.jar", "test-fake-allocator");
        try (PluginJars jars = open()) {
            PluginRegistry registry = PluginRegistry.load(jars.classLoader());
            assertEquals(1, registry.problems().size(), registry.problems()::toString);
            PluginProblem problem = registry.problems().getFirst();
            assertEquals("test-fake-allocator", problem.id());
            assertTrue(problem.message().startsWith("allocator 'test-fake-allocator' is provided 2 times: "),
                    problem.message());
            assertTrue(problem.message().contains(FakeAllocatorProvider.class.getName() + " from class path"),
                    problem.message());
            assertTrue(problem.message().contains(" from " + jar), problem.message());
            var e = assertThrows(PluginDiscoveryException.class, () -> registry.allocator("test-fake-allocator"));
            assertEquals("pymem.allocator = test-fake-allocator: " + problem.message(), e.getMessage());
            assertEquals(List.of("test-other-fake-allocator"), ids(registry.allocators()));
        }
    }

    @Test
    void anIdClaimedByTwoJarsNamesBothJars() {
        Path first = goodJar("first.jar", "twice");
        Path second = goodJar("second.jar", "twice");
        try (PluginJars jars = open()) {
            PluginRegistry registry = PluginRegistry.load(jars.classLoader());
            String problem = registry.problems().getFirst().message();
            assertTrue(problem.contains(first.toString()) && problem.contains(second.toString()), problem);
            assertFalse(ids(registry.allocators()).contains("twice"));
        }
    }

    @Test
    void aModuleThatThrowsFailsOnSelectionNamingTheJarAndTheIdAndIsAProblemWhenChecked() {
        Path jar = new TestJar()
                .source("Thrower", TestJar.provider("Thrower", "allocator", "thrower",
                        "throw new IllegalStateException(\"cannot\");"))
                .source("BadConfigure", TestJar.provider("BadConfigure", "allocator", "bad-configure",
                        "return binder -> { throw new IllegalArgumentException(\"in configure\"); };"))
                .source("BadSetting", TestJar.provider("BadSetting", "allocator", "bad-setting",
                        "throw new org.pymemlab.api.PluginConfigException(\"pymem.bad.size\", 0, \"at least 1\");"))
                .service(AllocatorProvider.class, "Thrower", "BadConfigure", "BadSetting")
                .writeTo(plugins.resolve("throwers.jar"));
        Config config = ConfigFactory.empty();
        try (PluginJars jars = open()) {
            PluginRegistry registry = PluginRegistry.load(jars.classLoader());
            assertEquals(List.of(), registry.problems());
            var e = assertThrows(PluginDiscoveryException.class, () -> registry.allocator("thrower").module(config));
            assertEquals("allocator 'thrower' from " + jar
                    + ": module(config) failed: java.lang.IllegalStateException: cannot", e.getMessage());
            e = assertThrows(PluginDiscoveryException.class,
                    () -> registry.allocator("bad-configure").module(config));
            assertEquals("allocator 'bad-configure' from " + jar
                    + ": its module failed: java.lang.IllegalArgumentException: in configure", e.getMessage());
            assertEquals("pymem.bad.size = 0: at least 1", assertThrows(PluginConfigException.class,
                    () -> registry.allocator("bad-setting").module(config)).getMessage());

            PluginRegistry checked = registry.checked(config);
            assertEquals(3, checked.problems().size(), checked.problems()::toString);
            assertEquals(List.of("test-fake-allocator", "test-other-fake-allocator"), ids(checked.allocators()));
            var selected = assertThrows(PluginDiscoveryException.class, () -> checked.allocator("thrower"));
            assertTrue(selected.getMessage().startsWith("pymem.allocator = thrower: allocator 'thrower' from " + jar),
                    selected.getMessage());
        }
    }
}
