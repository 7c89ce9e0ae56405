package org.pymemlab.api.allocator;

import java.util.Optional;

/**
 * A native-memory allocator: the strategy behind CPython's {@code PyObject_Malloc} family.
 *
 * <p>Addresses are plain {@code long}s, as C pointers are; {@code 0} is NULL. Every block returned is
 * aligned to 16 bytes (CPython's {@code ALIGNMENT}), holds at least the requested number of bytes, and
 * stays valid until freed or until {@link #close()}. Content of a fresh block is unspecified.
 *
 * <p>Threading: one runtime uses its allocator from one thread at a time (CPython's GIL), so
 * implementations need no locking. Several runtimes may exist in one JVM, each with its own
 * allocator instance; implementations must keep no static mutable state.
 *
 * <p>Errors: when memory cannot be had, {@code malloc} and {@code realloc} return {@code 0} and
 * change nothing; they never throw for that. Passing an address this allocator did not hand out, or
 * one already freed, is undefined unless the allocator says it checks (a debug allocator does).
 */
public interface Allocator extends AutoCloseable {

    /**
     * Allocates a block of at least {@code size} bytes in {@code domain}.
     *
     * @param size bytes wanted, {@code >= 0}; a request of 0 returns a unique non-NULL block
     * @return the block's address, or 0 when out of memory
     */
    long malloc(MemoryDomain domain, long size);

    /**
     * Resizes a block, moving it if needed (the content up to the smaller size is kept).
     * {@code realloc(d, 0, n)} is {@code malloc(d, n)}.
     *
     * @return the new address (maybe the same), or 0 when out of memory, in which case the old block
     *     is untouched and still owned by the caller
     */
    long realloc(MemoryDomain domain, long address, long size);

    /** Frees a block from {@link #malloc}/{@link #realloc} of the same domain; {@code free(d, 0)} does nothing. */
    void free(MemoryDomain domain, long address);

    /** The bytes usable at {@code address}, which may exceed what was asked for (a size class, malloc_usable_size). */
    long usableSize(MemoryDomain domain, long address);

    /** A snapshot of this allocator's counters. Cheap enough to call after every step of a test. */
    AllocatorStats stats();

    /**
     * Statistics as text in the allocator's own format, for allocators that have one
     * ({@code sys._debugmallocstats()} for pymalloc). Empty by default.
     */
    default Optional<String> debugStats() {
        return Optional.empty();
    }

    /**
     * Returns every byte this allocator obtained from the operating system. Blocks still allocated
     * become invalid. Called once, when the runtime closes.
     */
    @Override
    void close();
}
