package org.pymemlab.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.runtime.HeapStats;
import org.pymemlab.runtime.LeakReport;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

/** Every built-in workload, small, on real plugins: found, deterministic, and leak-free where it is acyclic. */
class BuiltInWorkloadsTest {

    /** Small settings per workload, so that each runs in well under a second. */
    private static final Map<String, List<String>> SMALL = Map.of(
            "gc-collect", List.of("rounds=2", "rings=10"),
            "gc-traversal", List.of("levels=100", "collections=2"),
            "btree", List.of("depth=5", "rounds=3", "parent-links=false"),
            "temporaries", List.of("operations=5000"),
            "cache-churn", List.of("capacity=500", "operations=5000"),
            "string-dedup", List.of("records=2000"),
            "json-like", List.of("rounds=2", "records-per-round=300"),
            "list-growth", List.of("lists=500", "max-length=100"));

    private final WorkloadRegistry registry = WorkloadRegistry.load(getClass().getClassLoader());

    private static Config config(String workload, String... sets) {
        List<String> pairs = new ArrayList<>();
        SMALL.get(workload).forEach(p -> pairs.add("pymem.workloads." + workload + "." + p));
        pairs.addAll(List.of(sets));
        return ConfigLayers.builder(BuiltInWorkloadsTest.class.getClassLoader())
                .systemProperties(new Properties()).setAll(pairs).build().config();
    }

    static List<Arguments> acyclic() {
        List<Arguments> cases = new ArrayList<>();
        for (String workload : SMALL.keySet().stream().sorted().toList()) {
            if (!workload.equals("gc-collect")) {
                for (String collector : List.of("refcount-only", "generational")) {
                    cases.add(Arguments.of(workload, collector));
                }
            }
        }
        return cases;
    }

    @Test
    void everyBuiltInWorkloadIsRegisteredWithItsConfigPath() {
        for (String id : SMALL.keySet()) {
            Workload workload = registry.get(id);
            assertEquals("pymem.workloads." + id, workload.configPath());
            assertTrue(!workload.description().isBlank());
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("acyclic")
    void acyclicWorkloadsLeaveNothingBehind(String id, String collector) {
        Config config = config(id, "pymem.collector=" + collector);
        try (PyRuntime runtime = PyRuntime.create(config)) {
            registry.get(id).run(runtime.mutator(), config);
            LeakReport leaks = runtime.leaks();
            assertEquals(0, leaks.objects(), () -> id + " leaked " + leaks);
            assertTrue(runtime.heapStats().objectsAllocated() > 100, () -> id + " did little: " + runtime.heapStats());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gc-collect", "btree", "cache-churn", "string-dedup", "json-like", "list-growth",
            "temporaries", "gc-traversal"})
    void theSameSeedRunsTheSameProgram(String id) {
        Config config = config(id);
        HeapStats first;
        try (PyRuntime runtime = PyRuntime.create(config)) {
            registry.get(id).run(runtime.mutator(), config);
            first = runtime.heapStats();
        }
        try (PyRuntime runtime = PyRuntime.create(config)) {
            registry.get(id).run(runtime.mutator(), config);
            assertEquals(first, runtime.heapStats());
        }
    }

    @Test
    void gcCollectLeaksEveryRingUnderRefcountOnlyAndNoneUnderGenerational() {
        Config leaky = config("gc-collect", "pymem.collector=refcount-only");
        try (PyRuntime runtime = PyRuntime.create(leaky)) {
            registry.get("gc-collect").run(runtime.mutator(), leaky);
            // 2 rounds x 10 rings x 21 nodes, each node an instance with a __dict__.
            assertEquals(2 * 10 * 21L, runtime.leaks().byType().get("Node"), () -> runtime.leaks().toString());
        }
        Config collected = config("gc-collect", "pymem.collector=generational");
        try (PyRuntime runtime = PyRuntime.create(collected)) {
            registry.get("gc-collect").run(runtime.mutator(), collected);
            assertEquals(0, runtime.leaks().objects(), () -> runtime.leaks().toString());
            assertTrue(runtime.collector().stats().totalCollected() >= 2 * 10 * 21L);
        }
    }

    @Test
    void btreeWithParentLinksMakesCyclicGarbage() {
        Config config = config("btree", "pymem.collector=refcount-only", "pymem.workloads.btree.parent-links=true");
        try (PyRuntime runtime = PyRuntime.create(config)) {
            registry.get("btree").run(runtime.mutator(), config);
            assertTrue(runtime.leaks().byType().getOrDefault("Node", 0L) > 0, () -> runtime.leaks().toString());
        }
    }

    @Test
    void stringDedupSharesStringsOnlyWhenInterned() {
        long[] peak = new long[2];
        String[] policies = {"cpython", "none"};
        for (int i = 0; i < 2; i++) {
            Config config = config("string-dedup", "pymem.interning=" + policies[i]);
            try (PyRuntime runtime = PyRuntime.create(config)) {
                new StringDedupWorkload().run(runtime.mutator(), config);
                peak[i] = runtime.allocator().stats().peakBytesRequested();
            }
        }
        assertTrue(peak[0] < peak[1], () -> "peak bytes requested: cpython " + peak[0] + ", none " + peak[1]);
    }

    @Test
    void impossibleReplaceDepthIsOneLine() {
        Config config = config("btree", "pymem.workloads.btree.replace-depth=5");
        assertEquals("pymem.workloads.btree.replace-depth = 5: less than depth (5)",
                assertThrows(PluginConfigException.class, () -> BtreeWorkload.Settings.from(config)).getMessage());
    }
}
