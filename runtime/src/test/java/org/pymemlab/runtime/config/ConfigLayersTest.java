package org.pymemlab.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pymemlab.api.PluginConfigException;

class ConfigLayersTest {

    @TempDir
    Path dir;

    private TestClassPath classPath;

    @BeforeEach
    void classPath() {
        classPath = new TestClassPath(dir.resolve("classes"))
                .write("reference.conf", """
                        pymem {
                          profile = p1
                          known-profiles = [p1, p2]
                          # a comment on a
                          a = reference
                          b = reference
                          c = reference
                          d = reference
                          e = reference
                          f = reference
                          follows = ${pymem.f}
                        }
                        """)
                .write("pymem/profiles/p1.conf", """
                        pymem { b = profile, c = profile, d = profile, e = profile, f = profile, only-p1 = yes }
                        """)
                .write("pymem/profiles/p2.conf", "pymem.only-p2 = yes\n")
                .write("application.conf", "pymem { c = application, d = application, e = application, f = application }\n");
    }

    private ConfigLayers.Builder builder() {
        return ConfigLayers.builder(classPath.classLoader()).systemProperties(new Properties());
    }

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    private static Map<String, ConfigEntry> byPath(EffectiveConfig effective) {
        return effective.entries("pymem").stream().collect(Collectors.toMap(ConfigEntry::path, Function.identity()));
    }

    @Test
    void layersApplyInDesignOrder() throws IOException {
        Path file = file("lab.conf", "pymem { d = file, e = file, f = file }\n");
        EffectiveConfig effective = builder()
                .configFile(file)
                .systemProperties(properties("pymem.e", "property", "pymem.f", "property"))
                .set("pymem.f=set")
                .build();

        var config = effective.config();
        assertEquals("reference", config.getString("pymem.a"));
        assertEquals("profile", config.getString("pymem.b"));
        assertEquals("application", config.getString("pymem.c"));
        assertEquals("file", config.getString("pymem.d"));
        assertEquals("property", config.getString("pymem.e"));
        assertEquals("set", config.getString("pymem.f"));

        Map<String, ConfigEntry> entries = byPath(effective);
        assertEquals(ConfigLayer.REFERENCE, entries.get("pymem.a").origin().layer());
        assertEquals(ConfigLayer.PROFILE, entries.get("pymem.b").origin().layer());
        assertEquals(ConfigLayer.APPLICATION, entries.get("pymem.c").origin().layer());
        assertEquals(ConfigLayer.CONFIG_FILE, entries.get("pymem.d").origin().layer());
        assertEquals(ConfigLayer.SYSTEM_PROPERTY, entries.get("pymem.e").origin().layer());
        assertEquals(ConfigLayer.SET, entries.get("pymem.f").origin().layer());
    }

    @Test
    void originsNameTheSourceAndLine() throws IOException {
        Path file = file("lab.conf", "\npymem.d = file\n");
        EffectiveConfig effective = builder()
                .configFile(file)
                .systemProperties(properties("pymem.e", "property"))
                .set("pymem.f", "set")
                .build();
        Map<String, ConfigEntry> entries = byPath(effective);

        ValueOrigin a = entries.get("pymem.a").origin();
        assertEquals(5, a.line());
        assertTrue(a.describe().startsWith("reference.conf ("), a.describe());
        assertTrue(a.describe().endsWith(":5)"), a.describe());
        assertEquals("profile p1:1", entries.get("pymem.b").origin().describe());
        assertEquals("--config " + file + ":2", entries.get("pymem.d").origin().describe());
        assertEquals("-Dpymem.e=property", entries.get("pymem.e").origin().describe());
        assertEquals("--set pymem.f=set", entries.get("pymem.f").origin().describe());
        assertEquals(List.of(" a comment on a"), entries.get("pymem.a").value().origin().comments());
    }

    @Test
    void shorthandsAreLiteralStringsAtSetPrecedence() {
        EffectiveConfig effective = builder()
                .set("pymem.a", "first")
                .setString("pymem.a", "x = [y]", "--allocator x = [y]")
                .build();
        assertEquals("x = [y]", effective.config().getString("pymem.a"));
        ConfigEntry a = byPath(effective).get("pymem.a");
        assertEquals(ConfigLayer.SET, a.origin().layer());
        assertEquals("--allocator x = [y]", a.origin().describe());
    }

    @Test
    void substitutionsSeeTheHigherLayers() {
        EffectiveConfig effective = builder().set("pymem.f", "set").build();
        assertEquals("set", effective.config().getString("pymem.follows"));
    }

    @Test
    void profileIsChosenByTheOtherLayers() throws IOException {
        assertEquals("p1", builder().build().profileId());
        assertTrue(builder().build().config().hasPath("pymem.only-p1"));

        EffectiveConfig bySet = builder().set("pymem.profile", "p2").build();
        assertEquals("p2", bySet.profileId());
        assertTrue(bySet.config().hasPath("pymem.only-p2"));
        assertFalse(bySet.config().hasPath("pymem.only-p1"));

        EffectiveConfig byFile = builder().configFile(file("p.conf", "pymem.profile = p2")).build();
        assertEquals("p2", byFile.profileId());
        EffectiveConfig byProperty = builder().systemProperties(properties("pymem.profile", "p2")).build();
        assertEquals("p2", byProperty.profileId());
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        var e = assertThrows(PluginConfigException.class, () -> builder().set("pymem.profile", "p9").build());
        assertEquals("pymem.profile = p9: one of p1, p2", e.getMessage());
        assertEquals("pymem.profile", e.key());
    }

    @Test
    void knownProfileWithoutItsResourceIsOneLine() {
        classPath.write("reference.conf", "pymem { profile = p3, known-profiles = [p3] }");
        var e = assertThrows(ConfigSourceException.class, () -> builder().build());
        assertEquals("profile p3: the resource pymem/profiles/p3.conf is not on the class path", e.getMessage());
    }

    @Test
    void setValuesAreHocon() {
        var config = builder()
                .set("pymem.generational.thresholds=[700,10,10]")
                .set("pymem.obmalloc.arena-size=\"256 KiB\"")
                .set("pymem.obmalloc.pool-size=16 KiB")
                .set("pymem.empty=")
                .set("pymem.twice=1")
                .set("pymem.twice=2")
                .build().config();
        assertEquals(List.of(700, 10, 10), config.getIntList("pymem.generational.thresholds"));
        assertEquals(256 * 1024, config.getBytes("pymem.obmalloc.arena-size"));
        assertEquals(16 * 1024, config.getBytes("pymem.obmalloc.pool-size"));
        assertEquals("", config.getString("pymem.empty"));
        assertEquals(2, config.getInt("pymem.twice"));
    }

    @Test
    void badSetPairsAreOneLine() {
        var noEquals = assertThrows(ConfigSourceException.class, () -> builder().set("pymem.allocator").build());
        assertTrue(noEquals.getMessage().startsWith("--set pymem.allocator: expected key=value"),
                noEquals.getMessage());
        var badValue = assertThrows(ConfigSourceException.class, () -> builder().set("pymem.x=[1,").build());
        assertTrue(badValue.getMessage().startsWith("--set pymem.x=[1,: not a HOCON value"), badValue.getMessage());
        assertFalse(badValue.getMessage().contains("\n"));
    }

    @Test
    void onlyPymemSystemPropertiesAreALayer() {
        var config = builder()
                .systemProperties(properties("pymem.e", "property", "user.name", "someone", "java.home", "/jdk"))
                .build().config();
        assertEquals("property", config.getString("pymem.e"));
        assertFalse(config.hasPath("user.name"));
        assertFalse(config.hasPath("java.home"));
    }

    @Test
    void missingConfigFileIsOneLine() {
        Path missing = dir.resolve("nope.conf");
        var e = assertThrows(ConfigSourceException.class, () -> builder().configFile(missing).build());
        assertEquals("--config " + missing + ": no such file", e.getMessage());
    }

    @Test
    void unparsableConfigFileNamesTheLine() throws IOException {
        Path bad = file("bad.conf", "pymem {\n  a = 1\n  b = [1,\n");
        var e = assertThrows(ConfigSourceException.class, () -> builder().configFile(bad).build());
        assertTrue(e.getMessage().startsWith("--config " + bad + ":"), e.getMessage());
        assertTrue(e.getMessage().matches(".*bad\\.conf:\\d+: .+"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void unresolvableSubstitutionIsOneLine() {
        var e = assertThrows(ConfigSourceException.class, () -> builder().set("pymem.x", "${pymem.nothing}").build());
        assertTrue(e.getMessage().contains("pymem.nothing"), e.getMessage());
    }

    @Test
    void missingProfileKeySaysWhy() {
        classPath.write("reference.conf", "pymem { a = 1 }");
        var e = assertThrows(ConfigSourceException.class, () -> builder().build());
        assertTrue(e.getMessage().startsWith("pymem.profile is not set"), e.getMessage());
    }

    @Test
    void entriesIncludeListsAndNulls() {
        var entries = byPath(builder().set("pymem.list", "[1,2]").set("pymem.nothing", "null").build());
        assertEquals("[1,2]", entries.get("pymem.list").renderedValue());
        assertEquals("null", entries.get("pymem.nothing").renderedValue());
        assertFalse(entries.containsKey("pymem"));
    }

    @Test
    void theRealClassPathSelectsTheDefaultProfile() {
        EffectiveConfig effective = ConfigLayers.builder(getClass().getClassLoader())
                .systemProperties(new Properties())
                .build();
        assertEquals("cpython-3.13", effective.profileId());
        Map<String, ConfigEntry> entries = byPath(effective);
        assertEquals(ConfigLayer.REFERENCE, entries.get("pymem.allocator").origin().layer());
        ValueOrigin version = entries.get("pymem.runtime.python-version").origin();
        assertEquals(ConfigLayer.PROFILE, version.layer());
        assertEquals("cpython-3.13", version.source());
        RuntimeSelection.from(effective.config());
    }

    @Test
    void theRealClassPathKnowsThreeProfiles() {
        var e = assertThrows(PluginConfigException.class, () -> ConfigLayers.builder(getClass().getClassLoader())
                .systemProperties(new Properties())
                .set("pymem.profile", "cpython-2.7")
                .build());
        assertEquals("pymem.profile = cpython-2.7: one of cpython-3.11, cpython-3.12, cpython-3.13", e.getMessage());
    }
}
