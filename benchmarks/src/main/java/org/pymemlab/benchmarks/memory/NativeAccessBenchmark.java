package org.pymemlab.benchmarks.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
import org.pymemlab.api.memory.NativeMemory;

/**
 * The cost of one native {@code long} access pattern per candidate implementation of {@code NativeMemory}
 * ({@link AccessVariants}), on a collector-like kernel: walk a ring of {@value #NODES} 32-byte nodes in
 * native memory, per node one read of the next pointer and a read-modify-write of a counter (as
 * {@code update_refs}/{@code subtract_refs} touch {@code PyGC_Head}). Score: ns per node (3 accesses).
 *
 * <p>Run it under three JIT regimes to see warm-up as well as steady state: default (C2),
 * {@code -jvmArgsAppend -XX:TieredStopAtLevel=1} (the C1 code a program runs in its first seconds) and
 * {@code -jvmArgsAppend -Xint} (its first milliseconds). {@code nativeMemory} is the class as shipped: with
 * {@code jdk.internal.misc} exported (the {@code @Fork} flags below) it takes the JDK's internal {@code Unsafe}.
 * A {@code -jvmArgsAppend} on the command line replaces these flags: repeat them there (docs/PERFORMANCE.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Thread)
public class NativeAccessBenchmark {

    static final int NODES = 4096;
    private static final long STRIDE = 32;

    private Arena arena;
    private long head;

    @Setup(Level.Trial)
    public void build() {
        arena = Arena.ofConfined();
        MemorySegment nodes = arena.allocate(NODES * STRIDE, 16);
        long base = nodes.address();
        for (int i = 0; i < NODES; i++) {
            long node = base + i * STRIDE;
            nodes.set(java.lang.foreign.ValueLayout.JAVA_LONG, i * STRIDE, base + ((i + 1) % NODES) * STRIDE);
            nodes.set(java.lang.foreign.ValueLayout.JAVA_LONG, i * STRIDE + 8, 0L);
            assert node != 0;
        }
        head = base;
    }

    @TearDown(Level.Trial)
    public void free() {
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long nativeMemory() {
        long p = head;
        long sum = 0;
        for (int i = 0; i < NODES; i++) {
            long c = NativeMemory.getLong(p + 8);
            NativeMemory.putLong(p + 8, c + 1);
            sum += c;
            p = NativeMemory.getLong(p);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long segmentGet() {
        long p = head;
        long sum = 0;
        for (int i = 0; i < NODES; i++) {
            long c = AccessVariants.SegmentGet.getLong(p + 8);
            AccessVariants.SegmentGet.putLong(p + 8, c + 1);
            sum += c;
            p = AccessVariants.SegmentGet.getLong(p);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long segmentGetOfAddress() {
        long p = head;
        long sum = 0;
        for (int i = 0; i < NODES; i++) {
            long c = AccessVariants.SegmentGetOfAddress.getLong(p + 8);
            AccessVariants.SegmentGetOfAddress.putLong(p + 8, c + 1);
            sum += c;
            p = AccessVariants.SegmentGetOfAddress.getLong(p);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long segmentGetAligned() {
        long p = head;
        long sum = 0;
        for (int i = 0; i < NODES; i++) {
            long c = AccessVariants.SegmentGetAligned.getLong(p + 8);
            AccessVariants.SegmentGetAligned.putLong(p + 8, c + 1);
            sum += c;
            p = AccessVariants.SegmentGetAligned.getLong(p);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long varHandleGeneric() {
        long p = head;
        long sum = 0;
        for (int i = 0; i < NODES; i++) {
            long c = AccessVariants.VarHandleGeneric.getLong(p + 8);
            AccessVariants.VarHandleGeneric.putLong(p + 8, c + 1);
            sum += c;
            p = AccessVariants.VarHandleGeneric.getLong(p);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long varHandleExact() {
        long p = head;
        long sum = 0;
        for (int i = 0; i < NODES; i++) {
            long c = AccessVariants.VarHandleExact.getLong(p + 8);
            AccessVariants.VarHandleExact.putLong(p + 8, c + 1);
            sum += c;
            p = AccessVariants.VarHandleExact.getLong(p);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public long varHandleExactAligned() {
        long p = head;
        long sum = 0;
        for (int i = 0; i < NODES; i++) {
            long c = AccessVariants.VarHandleExactAligned.getLong(p + 8);
            AccessVariants.VarHandleExactAligned.putLong(p + 8, c + 1);
            sum += c;
            p = AccessVariants.VarHandleExactAligned.getLong(p);
        }
        return sum;
    }
}
