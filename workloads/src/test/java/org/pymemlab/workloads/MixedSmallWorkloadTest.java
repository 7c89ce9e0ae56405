package org.pymemlab.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.runtime.HeapStats;
import org.pymemlab.runtime.LeakReport;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

class MixedSmallWorkloadTest {

    private final MixedSmallWorkload workload = new MixedSmallWorkload();

    /** The effective configuration of the test class path (runtime, plugins, workloads) with these --set pairs. */
    private static Config config(String... sets) {
        List<String> pairs = new ArrayList<>(List.of(
                "pymem.workloads.mixed-small.rounds=4", "pymem.workloads.mixed-small.objects-per-round=300"));
        pairs.addAll(List.of(sets));
        return ConfigLayers.builder(MixedSmallWorkloadTest.class.getClassLoader())
                .systemProperties(new Properties())
                .setAll(pairs)
                .build()
                .config();
    }

    @Test
    void defaultsComeFromReferenceConf() {
        Config config = ConfigLayers.builder(getClass().getClassLoader())
                .systemProperties(new Properties()).build().config();
        assertEquals(new MixedSmallSettings(200, 500, 42, 0.1), MixedSmallSettings.from(config));
    }

    @Test
    void impossibleSettingsAreOneLine() {
        assertEquals("pymem.workloads.mixed-small.cycle-fraction = 2: a number from 0.0 to 1.0",
                assertThrows(PluginConfigException.class,
                        () -> MixedSmallSettings.from(config("pymem.workloads.mixed-small.cycle-fraction=2")))
                        .getMessage());
        assertEquals("pymem.workloads.mixed-small.rounds = -1: an integer from 0 to 2147483647",
                assertThrows(PluginConfigException.class,
                        () -> MixedSmallSettings.from(config("pymem.workloads.mixed-small.rounds=-1")))
                        .getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"refcount-only", "generational"})
    void acyclicDataLeavesNoLeaks(String collector) {
        Config config = config("pymem.collector=" + collector, "pymem.workloads.mixed-small.cycle-fraction=0");
        try (PyRuntime runtime = PyRuntime.create(config)) {
            workload.run(runtime.mutator(), config);
            assertEquals(0, runtime.leaks().objects(), () -> runtime.leaks().toString());
            assertFalse(runtime.mutator().rootNames().contains(MixedSmallWorkload.KEEP_ROOT));
        }
    }

    @Test
    void refcountOnlyLeaksTheDroppedCycles() {
        Config config = config("pymem.collector=refcount-only", "pymem.workloads.mixed-small.cycle-fraction=0.2");
        try (PyRuntime runtime = PyRuntime.create(config)) {
            workload.run(runtime.mutator(), config);
            LeakReport leaks = runtime.leaks();
            assertTrue(leaks.objects() > 0, leaks.toString());
            assertTrue(leaks.byType().containsKey("list"), leaks.toString());
            assertTrue(leaks.byType().containsKey("Point"), leaks.toString());
        }
    }

    @Test
    void generationalCollectsTheDroppedCycles() {
        // A low threshold, so that the short run crosses it many times.
        Config config = config("pymem.collector=generational", "pymem.generational.thresholds=[100,10,10]",
                "pymem.workloads.mixed-small.cycle-fraction=0.2");
        try (PyRuntime runtime = PyRuntime.create(config)) {
            workload.run(runtime.mutator(), config);
            assertTrue(runtime.collector().stats().totalCollections() > 0, "no collection ran at the safe points");
            runtime.mutator().collect();
            assertEquals(0, runtime.leaks().objects(), () -> runtime.leaks().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"obmalloc", "system"})
    void theSameSeedRunsTheSameProgram(String allocator) {
        Config config = config("pymem.allocator=" + allocator);
        HeapStats first;
        try (PyRuntime runtime = PyRuntime.create(config)) {
            workload.run(runtime.mutator(), config);
            first = runtime.heapStats();
        }
        try (PyRuntime runtime = PyRuntime.create(config)) {
            workload.run(runtime.mutator(), config);
            assertEquals(first, runtime.heapStats());
        }
    }
}
