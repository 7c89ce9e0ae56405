package org.pymemlab.benchmarks.allocator;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.MemoryDomain;

/**
 * One {@code malloc} immediately followed by the {@code free} of the same block, in the OBJECT
 * domain ({@code PyObject_Malloc}/{@code PyObject_Free}): the cost of a short-lived object's block.
 * Score: ns per pair. {@code malloc_baseline.c} runs the same loop on the C library.
 *
 * <p>{@code keepOneLive} (default {@code true}) keeps one other block of the same size allocated for
 * the whole trial, as a running program keeps objects of every common size: pymalloc's pool then
 * stays on {@code usedpools} and the pair takes its free-list fast path. With {@code false} the pair
 * empties the pool each time, which sends it to the arena's free pools and back (obmalloc.c's
 * {@code insert_to_freepool} / {@code allocate_from_new_pool}): run {@code -p keepOneLive=false} to see
 * that cost.
 *
 * <p>Defaults are sized so the whole allocator suite fits in a few minutes on two cores; override
 * them on the JMH command line ({@code -f}, {@code -wi}, {@code -i}, {@code -w}, {@code -r}, {@code -p}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
        "-Dguice_custom_class_loading=CHILD",
        // JMH 1.37 reads field offsets with sun.misc.Unsafe; JDK 24+ would warn about it in every fork.
        "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Thread)
public class MallocFreePairBenchmark {

    /** Allocator plugin id. */
    @Param({"obmalloc", "system"})
    public String allocator;

    /** Bytes per request. */
    @Param({"16", "64", "256", "512"})
    public int size;

    /** Whether another block of the same size stays allocated meanwhile (see the class comment). */
    @Param({"true"})
    public boolean keepOneLive;

    private Allocator heap;
    private long live;

    @Setup(Level.Trial)
    public void open() {
        heap = PluginAllocators.open(allocator);
        if (keepOneLive) {
            live = heap.malloc(MemoryDomain.OBJECT, size);
            if (live == 0) {
                throw new IllegalStateException(allocator + ": out of memory at set-up");
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        heap.free(MemoryDomain.OBJECT, live);
        heap.close();
    }

    @Benchmark
    public long mallocFree() {
        long p = heap.malloc(MemoryDomain.OBJECT, size);
        heap.free(MemoryDomain.OBJECT, p);
        return p;
    }
}
