package org.pymemlab.benchmarks.gc;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

/**
 * Issue 4's collector benchmark: one full {@code gc.collect()} per measured shot, on the heap shapes of
 * pyperformance's {@code gc_collect} and {@code gc_traversal} ({@link GcShapes}), with the default
 * combination (obmalloc, generational, cpython interning, profile cpython-3.13). Score: ns per object of
 * the shape ({@code @OperationsPerInvocation}). {@code tools/bench/gc_bench.py} times CPython on the same
 * shapes; {@code benchmarks/run-gc-bench.sh} runs both and prints the ratio.
 *
 * <p>Single-shot mode, because one collection is the unit and a ring shape is garbage after it: each
 * iteration's {@code @Setup(Level.Iteration)} builds a fresh shape (automatic collection disabled, as
 * {@code gc.disable()} in the Python script), and the shot times {@code collect()} alone. With
 * {@code -wi 0 -i 1} and several forks the score is the first collection of a fresh JVM: the warm-up cost
 * a short {@code pymem run} pays.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
        "-Dguice_custom_class_loading=CHILD",
        // JMH 1.37 reads field offsets with sun.misc.Unsafe; JDK 24+ would warn about it in every fork.
        "--sun-misc-unsafe-memory-access=allow"})
public class GcCollectBenchmark {

    /** A runtime with automatic collection disabled and the {@code Node} class bound to a root. */
    @State(Scope.Thread)
    public abstract static class RuntimeState {
        PyRuntime runtime;
        Mutator m;
        long node;

        @Setup(Level.Trial)
        public void open() {
            runtime = PyRuntime.create(ConfigLayers.builder(GcCollectBenchmark.class.getClassLoader()).build().config());
            m = runtime.mutator();
            m.gc().disable();
            node = GcShapes.nodeClass(m);
            m.setRoot("Node", node);
            m.decref(node);
            m.gc().collect();
            opened();
        }

        /** Called once the runtime is open, still in the trial's set-up (JMH orders no set-up across a hierarchy). */
        void opened() {
        }

        @TearDown(Level.Trial)
        public void close() {
            runtime.close();
        }
    }

    /** 100 rings of 21 nodes: pyperformance's default. */
    public static class Rings100 extends RuntimeState {
        static final int RINGS = 100;
        static final int OBJECTS = RINGS * 21;

        @Setup(Level.Iteration)
        public void build() {
            GcShapes.buildRings(m, node, RINGS, 20);
        }
    }

    /** 47,619 rings of 21 nodes: 999,999 objects. */
    public static class Rings1m extends RuntimeState {
        static final int RINGS = 47_619;
        static final int OBJECTS = RINGS * 21;

        @Setup(Level.Iteration)
        public void build() {
            GcShapes.buildRings(m, node, RINGS, 20);
        }
    }

    /** 1,000 levels of lists, all alive: built once, collected every shot (nothing is freed). */
    public static class Levels1000 extends RuntimeState {
        static final int LEVELS = 1000;

        @Override
        void opened() {
            GcShapes.buildLevels(m, "top", LEVELS);
            m.gc().collect(); // as bm_gc_traversal: old and alive before the timed collections
        }
    }

    // A shot is about 0.15 ms: 300 warm-up shots (45 ms) left C2 still compiling the collector, and the
    // measured median 30-45% above the steady state; after 1,500, one JVM in five or so still ran the
    // deallocation chain as C1 code (Heap.dealloc at tier 2 while C2's queue was long). 3,000 settle it.
    @Benchmark
    @Warmup(iterations = 3000)
    @Measurement(iterations = 300)
    @OperationsPerInvocation(Rings100.OBJECTS)
    public long gcCollect(Rings100 s) {
        return check(s.m.gc().collect(), Rings100.OBJECTS);
    }

    @Benchmark
    @Warmup(iterations = 4)
    @Measurement(iterations = 6)
    @OperationsPerInvocation(Rings1m.OBJECTS)
    public long gcCollect1m(Rings1m s) {
        return check(s.m.gc().collect(), Rings1m.OBJECTS);
    }

    @Benchmark
    @Warmup(iterations = 300)
    @Measurement(iterations = 100)
    @OperationsPerInvocation(Levels1000.LEVELS)
    public long gcTraversal(Levels1000 s) {
        long collected = s.m.gc().collect();
        if (collected != 0) {
            throw new IllegalStateException("gc_traversal collected " + collected);
        }
        return collected;
    }

    private static long check(long collected, long expected) {
        if (collected < expected) {
            throw new IllegalStateException("collected " + collected + " of " + expected);
        }
        return collected;
    }
}
