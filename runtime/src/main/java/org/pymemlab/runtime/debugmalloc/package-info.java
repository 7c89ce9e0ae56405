/**
 * A debug wrapper for any {@link org.pymemlab.api.allocator.Allocator}: CPython's {@code PYTHONMALLOC=debug}
 * hooks (obmalloc.c, {@code _PyMem_DebugRawAlloc} and friends) redone for the lab, with checks that
 * report an error as a {@link org.pymemlab.runtime.debugmalloc.DebugAllocatorException} instead of
 * aborting the process.
 */
package org.pymemlab.runtime.debugmalloc;
