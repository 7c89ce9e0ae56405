package org.pymemlab.allocator.obmalloc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The raw allocator under pymalloc: the C library's malloc, realloc, free and malloc_usable_size,
 * as CPython's {@code PyMem_RawMalloc} family. Requests of 0 bytes ask for 1, as
 * {@code _PyMem_RawMalloc} does, so every block is unique and non-NULL.
 *
 * <p>Pointers travel as {@code long} (same registers as a pointer on x86-64 System V), so no
 * {@code MemorySegment} is made per call. The handles are immutable constants.
 */
final class RawMalloc {

    private static final MethodHandle MALLOC;
    private static final MethodHandle REALLOC;
    private static final MethodHandle FREE;
    private static final MethodHandle USABLE_SIZE;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        ValueLayout.OfLong word = ValueLayout.JAVA_LONG;
        MALLOC = linker.downcallHandle(libc.findOrThrow("malloc"), FunctionDescriptor.of(word, word));
        REALLOC = linker.downcallHandle(libc.findOrThrow("realloc"), FunctionDescriptor.of(word, word, word));
        FREE = linker.downcallHandle(libc.findOrThrow("free"), FunctionDescriptor.ofVoid(word));
        USABLE_SIZE = linker.downcallHandle(libc.findOrThrow("malloc_usable_size"), FunctionDescriptor.of(word, word),
                Linker.Option.critical(false));
    }

    private RawMalloc() {
    }

    static long malloc(long size) {
        try {
            return (long) MALLOC.invokeExact(size == 0 ? 1L : size);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc downcall failed", t);
        }
    }

    static long realloc(long address, long size) {
        try {
            return (long) REALLOC.invokeExact(address, size == 0 ? 1L : size);
        } catch (Throwable t) {
            throw new IllegalStateException("realloc downcall failed", t);
        }
    }

    static void free(long address) {
        try {
            FREE.invokeExact(address);
        } catch (Throwable t) {
            throw new IllegalStateException("free downcall failed", t);
        }
    }

    static long usableSize(long address) {
        try {
            return (long) USABLE_SIZE.invokeExact(address);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc_usable_size downcall failed", t);
        }
    }
}
