package org.pymemlab.allocator.system;

/**
 * The four functions of a malloc-compatible library, as downcalls. Pointers travel as {@code long}:
 * on x86-64 System V a pointer and a 64-bit integer are passed in the same registers, and a
 * {@code long} costs no {@link java.lang.foreign.MemorySegment} per call.
 */
interface MallocFunctions {

    /** {@code malloc(size)}; 0 when out of memory. */
    long malloc(long size);

    /** {@code realloc(address, size)}; 0 when out of memory (the old block is then untouched). */
    long realloc(long address, long size);

    /** {@code free(address)}. */
    void free(long address);

    /** {@code malloc_usable_size(address)}. */
    long usableSize(long address);

    /** Where the functions come from, for messages: "the C library" or the library's name. */
    String origin();
}
