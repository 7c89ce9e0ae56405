package org.pymemlab.api.collector;

/**
 * Per-generation counters, as {@code gc.get_stats()} reports them, plus what the lab measures.
 *
 * @param collections collections of this generation
 * @param collected objects freed by them
 * @param uncollectable objects found uncollectable by them
 * @param examined objects examined by them
 * @param pauseNanosTotal summed pause time
 * @param pauseNanosMax longest pause
 */
public record GenerationStats(
        long collections, long collected, long uncollectable, long examined, long pauseNanosTotal, long pauseNanosMax) {

    public static final GenerationStats EMPTY = new GenerationStats(0, 0, 0, 0, 0, 0);

    /** These counters with one more collection added. */
    public GenerationStats plus(CollectionResult r) {
        return new GenerationStats(collections + 1, collected + r.collected(), uncollectable + r.uncollectable(),
                examined + r.examined(), pauseNanosTotal + r.pauseNanos(), Math.max(pauseNanosMax, r.pauseNanos()));
    }
}
