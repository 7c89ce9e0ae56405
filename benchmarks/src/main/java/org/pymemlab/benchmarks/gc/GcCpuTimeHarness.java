package org.pymemlab.benchmarks.gc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

/**
 * {@link GcCollectBenchmark}'s cases timed by <em>thread CPU time</em> as well as wall time, one case per
 * JVM: the first collection of the fresh JVM (cold), then {@code warmup} untimed and {@code rounds} timed
 * collections, each on a freshly built shape. Prints one JSON object. On the shared 2-core machines other
 * processes stretch wall time by 2–4× at times; the CPU time of the collecting thread moves much less, and
 * {@code tools/bench/gc_bench.py} reports CPython's the same way ({@code time.thread_time_ns()}).
 *
 * <pre>java --enable-native-access=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
 *     -Dguice_custom_class_loading=CHILD -cp benchmarks.jar \
 *     org.pymemlab.benchmarks.gc.GcCpuTimeHarness gc_collect|gc_collect_1m|gc_traversal [warmup rounds]</pre>
 */
public final class GcCpuTimeHarness {

    private GcCpuTimeHarness() {
    }

    public static void main(String[] args) {
        String kase = args[0];
        boolean big = kase.equals("gc_collect_1m");
        boolean levels = kase.equals("gc_traversal");
        // gc_collect: a JVM in five still had the deallocation chain in C1 code after 600 collections; 3,000 settle it
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : big ? 3 : levels ? 300 : 3000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : big ? 5 : levels ? 100 : 200;
        int rings = big ? 47_619 : 100;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[rounds];
        long[] cpu = new long[rounds];
        long firstWall = 0;
        long firstCpu = 0;
        long objects;
        try (PyRuntime rt = PyRuntime.create(ConfigLayers.builder(GcCpuTimeHarness.class.getClassLoader()).build().config())) {
            Mutator m = rt.mutator();
            m.gc().disable();
            long node = GcShapes.nodeClass(m);
            m.setRoot("Node", node);
            m.decref(node);
            if (levels) {
                objects = GcShapes.buildLevels(m, "top", 1000);
            } else {
                objects = (long) rings * 21;
            }
            m.gc().collect();
            for (int i = -1; i < warmup + rounds; i++) {
                if (!levels) {
                    GcShapes.buildRings(m, node, rings, 20);
                }
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                long collected = m.gc().collect();
                long w1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                if (levels ? collected != 0 : collected < objects) {
                    throw new IllegalStateException(kase + ": collected " + collected);
                }
                if (i == -1) {
                    firstWall = w1 - w0;
                    firstCpu = c1 - c0;
                } else if (i >= warmup) {
                    wall[i - warmup] = w1 - w0;
                    cpu[i - warmup] = c1 - c0;
                }
            }
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"case\": \"%s\", \"objects\": %d, \"warmup\": %d, \"rounds\": %d, "
                        + "\"first_wall_ns_per_object\": %.1f, \"first_cpu_ns_per_object\": %.1f, "
                        + "\"wall_ns_per_object\": %.1f, \"cpu_ns_per_object\": %.1f, \"min_cpu_ns_per_object\": %.1f}",
                kase, objects, warmup, rounds, firstWall / (double) objects, firstCpu / (double) objects,
                median(wall) / objects, median(cpu) / objects, Arrays.stream(cpu).min().orElse(0) / (double) objects));
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }
}
