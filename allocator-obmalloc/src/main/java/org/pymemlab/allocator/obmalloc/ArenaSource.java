package org.pymemlab.allocator.obmalloc;

/**
 * Where arenas come from: CPython's {@code PyObjectArenaAllocator} ({@code _PyObject_ArenaMmap} /
 * {@code _PyObject_ArenaMunmap}). A seam so tests can hand out arenas at chosen alignments.
 */
interface ArenaSource {

    /** Maps {@code size} bytes of zeroed, readable and writable memory; 0 when none can be had. */
    long map(long size);

    /** Returns an arena from {@link #map}, with the same size. */
    void unmap(long address, long size);
}
