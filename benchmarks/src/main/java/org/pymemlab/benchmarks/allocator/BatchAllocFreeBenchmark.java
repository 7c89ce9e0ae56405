package org.pymemlab.benchmarks.allocator;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * {@value #BLOCKS} blocks of random sizes from 16 to 512 bytes allocated one after the other in the
 * OBJECT domain, then all freed, last-allocated first ({@code lifo}) or in a random order
 * ({@code random}). Sizes and orders are fixed arrays from a seeded generator ({@link BatchPlan}),
 * computed at set-up, so the measured loop allocates no Java object. Score: ns per block, that is per
 * malloc+free pair, comparable with {@link MallocFreePairBenchmark}. {@code malloc_baseline.c} replays
 * the identical arrays on the C library.
 *
 * <p>Every invocation starts from an empty heap and ends empty again, so pymalloc's arena policy
 * (free arenas returned with {@code munmap}, fresh ones mapped with {@code mmap}) is part of the cost,
 * as it is for a program that builds and drops a large structure repeatedly.
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
public class BatchAllocFreeBenchmark {

    /** Blocks per batch; a constant because {@link OperationsPerInvocation} needs one. */
    static final int BLOCKS = 10_000;

    /** Allocator plugin id. */
    @Param({"obmalloc", "system"})
    public String allocator;

    /** Free order: {@code lifo} or {@code random}. */
    @Param({"lifo", "random"})
    public String order;

    private Allocator heap;
    private int[] sizes;
    private int[] freeOrder;
    private long[] blocks;

    @Setup(Level.Trial)
    public void open() {
        heap = PluginAllocators.open(allocator);
        BatchPlan plan = BatchPlan.of(BLOCKS, order, BatchPlan.SEED);
        sizes = plan.sizes();
        freeOrder = plan.freeOrder();
        blocks = new long[BLOCKS];
    }

    @TearDown(Level.Trial)
    public void close() {
        heap.close();
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public long allocThenFree() {
        Allocator h = heap;
        int[] s = sizes;
        int[] o = freeOrder;
        long[] b = blocks;
        for (int i = 0; i < BLOCKS; i++) {
            b[i] = h.malloc(MemoryDomain.OBJECT, s[i]);
        }
        long first = b[0];
        for (int k = 0; k < BLOCKS; k++) {
            h.free(MemoryDomain.OBJECT, b[o[k]]);
        }
        return first;
    }
}
