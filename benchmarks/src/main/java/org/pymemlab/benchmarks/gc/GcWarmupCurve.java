package org.pymemlab.benchmarks.gc;

import java.util.Locale;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

/**
 * The warm-up curve of a collection: in a fresh JVM, builds {@code rings × (links + 1)} garbage nodes and
 * times one {@code gc.collect()} over them, {@code rounds} times, printing ns per object of each round.
 * Run it once per JVM flag set; the first rounds are the cost a short {@code pymem run} pays.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp benchmarks.jar \
 *     org.pymemlab.benchmarks.gc.GcWarmupCurve [rings links rounds]</pre>
 */
public final class GcWarmupCurve {

    private GcWarmupCurve() {
    }

    public static void main(String[] args) {
        int rings = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int links = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        StringBuilder out = new StringBuilder();
        try (PyRuntime rt = PyRuntime.create(ConfigLayers.builder(GcWarmupCurve.class.getClassLoader()).build().config())) {
            Mutator m = rt.mutator();
            m.gc().disable();
            long node = GcShapes.nodeClass(m);
            m.setRoot("Node", node);
            m.decref(node);
            m.gc().collect();
            long created = System.nanoTime();
            long buildTotal = 0;
            long collectTotal = 0;
            long collectCpuTotal = 0;
            for (int round = 1; round <= rounds; round++) {
                long b = System.nanoTime();
                long objects = GcShapes.buildRings(m, node, rings, links);
                long s = System.nanoTime();
                long cs = threads.getCurrentThreadCpuTime();
                long collected = m.gc().collect();
                long ce = threads.getCurrentThreadCpuTime();
                long e = System.nanoTime();
                if (collected < objects) {
                    throw new IllegalStateException("collected " + collected + " of " + objects);
                }
                buildTotal += s - b;
                collectTotal += e - s;
                collectCpuTotal += ce - cs;
                out.append(String.format(Locale.ROOT, "round %2d  build %8.1f ns/obj  collect %8.1f ns/obj  cpu %8.1f ns/obj%n",
                        round, (s - b) / (double) objects, (e - s) / (double) objects, (ce - cs) / (double) objects));
            }
            long processCpu = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            out.append(String.format(Locale.ROOT,
                    "runtime created in %.1f ms; all rounds: build %.1f ms, collect %.1f ms (cpu %.1f ms); "
                            + "process cpu %d ms; wall since JVM start %d ms%n",
                    (created - t0) / 1e6, buildTotal / 1e6, collectTotal / 1e6, collectCpuTotal / 1e6,
                    processCpu / 1_000_000, System.currentTimeMillis() - jvmStart));
        }
        System.out.print(out);
    }
}
