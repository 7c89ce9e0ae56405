package org.pymemlab.benchmarks.allocator;

/**
 * What one batch does, computed before measuring so the measured loop allocates no Java object:
 * {@code sizes[i]} bytes for the i-th malloc, then the blocks freed by index in {@code freeOrder}.
 *
 * <p>Sizes are uniform in [{@link #MIN_SIZE}, {@link #MAX_SIZE}] (every pymalloc size class), drawn
 * first; a random free order is then a Fisher–Yates shuffle from the same generator. The C baseline
 * ({@code malloc_baseline.c}) computes the identical arrays from the identical seed.
 */
record BatchPlan(int[] sizes, int[] freeOrder) {

    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 512;
    /** The seed both this class and the C baseline use. */
    static final long SEED = 20_251_103L;

    /**
     * @param blocks blocks in the batch
     * @param order {@code lifo} (the last block allocated is freed first) or {@code random}
     * @throws IllegalArgumentException for another order
     */
    static BatchPlan of(int blocks, String order, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int[] sizes = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            sizes[i] = MIN_SIZE + random.below(MAX_SIZE - MIN_SIZE + 1);
        }
        int[] freeOrder = new int[blocks];
        switch (order) {
            case "lifo" -> {
                for (int k = 0; k < blocks; k++) {
                    freeOrder[k] = blocks - 1 - k;
                }
            }
            case "random" -> {
                for (int k = 0; k < blocks; k++) {
                    freeOrder[k] = k;
                }
                for (int i = blocks - 1; i > 0; i--) {
                    int j = random.below(i + 1);
                    int t = freeOrder[i];
                    freeOrder[i] = freeOrder[j];
                    freeOrder[j] = t;
                }
            }
            default -> throw new IllegalArgumentException("order must be lifo or random: " + order);
        }
        return new BatchPlan(sizes, freeOrder);
    }
}
