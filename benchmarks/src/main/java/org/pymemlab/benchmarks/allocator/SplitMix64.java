package org.pymemlab.benchmarks.allocator;

/**
 * Steele, Lea and Flood's SplitMix64 generator: small enough to be written identically in Java and
 * in {@code src/main/c/malloc_baseline.c}, so the JMH benchmarks and the C baseline replay exactly the
 * same request sizes and free orders from the same seed.
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in {@code [0, bound)}: the unsigned remainder, as C's {@code uint64_t %} computes it. */
    int below(int bound) {
        return (int) Long.remainderUnsigned(next(), bound);
    }
}
