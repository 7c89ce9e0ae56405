package org.pymemlab.cli.report;

/**
 * Memory in use at one moment of a run.
 *
 * @param operations mutator calls made so far
 * @param elapsedNanos time since the workload started
 * @param bytesRequested bytes requested by the allocator's live blocks
 * @param bytesReserved bytes the allocator holds from the operating system
 * @param objectsAlive objects allocated and not yet freed
 */
public record MemorySample(long operations, long elapsedNanos, long bytesRequested, long bytesReserved,
        long objectsAlive) {
}
