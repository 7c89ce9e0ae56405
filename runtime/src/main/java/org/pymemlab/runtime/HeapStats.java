package org.pymemlab.runtime;

/**
 * Counters of the runtime's object heap.
 *
 * @param objectsAllocated objects created (cached objects handed out again are not counted)
 * @param objectsFreed objects deallocated (to the allocator or a free list)
 * @param objectsAlive objects allocated and not yet deallocated
 * @param bytesAlive {@code sys.getsizeof} summed over the live objects
 * @param increfs reference count increments (immortal objects excluded)
 * @param decrefs reference count decrements (immortal objects excluded)
 * @param freeListHits allocations served by a free list
 */
public record HeapStats(
        long objectsAllocated, long objectsFreed, long objectsAlive, long bytesAlive,
        long increfs, long decrefs, long freeListHits) {
}
