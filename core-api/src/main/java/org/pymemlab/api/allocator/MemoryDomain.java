package org.pymemlab.api.allocator;

/**
 * CPython's allocation domains ({@code PYMEM_DOMAIN_*}). An allocator may serve them differently:
 * pymalloc serves {@link #MEM} and {@link #OBJECT} from its pools and passes {@link #RAW} to the C
 * library. A block must be freed in the domain it was allocated in.
 */
public enum MemoryDomain {
    /** {@code PyMem_RawMalloc}: the C library's malloc in CPython. */
    RAW,
    /** {@code PyMem_Malloc}: buffers that belong to objects (a list's item array, a dict's keys table). */
    MEM,
    /** {@code PyObject_Malloc}: the objects themselves. */
    OBJECT
}
