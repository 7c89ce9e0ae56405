package org.pymemlab.api.collector;

/**
 * The outcome of one collection.
 *
 * @param generation the oldest generation collected (0 for a young collection)
 * @param examined objects looked at (the size of the merged generations)
 * @param collected unreachable objects freed
 * @param uncollectable unreachable objects that could not be freed (legacy finalizers)
 * @param pauseNanos wall time of the collection, finalizers and callbacks included
 */
public record CollectionResult(int generation, long examined, long collected, long uncollectable, long pauseNanos) {

    /** A collector that collects nothing returns this. */
    public static CollectionResult none(int generation) {
        return new CollectionResult(generation, 0, 0, 0, 0);
    }

    /** What {@code gc.collect()} returns: collected plus uncollectable. */
    public long reported() {
        return collected + uncollectable;
    }
}
