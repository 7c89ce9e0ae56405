package org.pymemlab.allocator.system;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * malloc, realloc, free and malloc_usable_size of the C library already loaded in the process
 * (glibc on Linux x86-64, or whatever LD_PRELOAD put in front of it).
 *
 * <p>The handles are {@code static final} so the JIT can inline the downcalls as constants; they are
 * immutable, so this is no static mutable state.
 */
final class ProcessMalloc implements MallocFunctions {

    static final ProcessMalloc INSTANCE = new ProcessMalloc();

    private static final MethodHandle MALLOC;
    private static final MethodHandle REALLOC;
    private static final MethodHandle FREE;
    private static final MethodHandle USABLE_SIZE;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MALLOC = linker.downcallHandle(libc.findOrThrow("malloc"), Signatures.MALLOC);
        REALLOC = linker.downcallHandle(libc.findOrThrow("realloc"), Signatures.REALLOC);
        FREE = linker.downcallHandle(libc.findOrThrow("free"), Signatures.FREE);
        // malloc_usable_size only reads the chunk header: a critical (no thread-state transition) call.
        USABLE_SIZE = linker.downcallHandle(libc.findOrThrow("malloc_usable_size"), Signatures.USABLE_SIZE,
                Linker.Option.critical(false));
    }

    private ProcessMalloc() {
    }

    @Override
    public long malloc(long size) {
        try {
            return (long) MALLOC.invokeExact(size);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc downcall failed", t);
        }
    }

    @Override
    public long realloc(long address, long size) {
        try {
            return (long) REALLOC.invokeExact(address, size);
        } catch (Throwable t) {
            throw new IllegalStateException("realloc downcall failed", t);
        }
    }

    @Override
    public void free(long address) {
        try {
            FREE.invokeExact(address);
        } catch (Throwable t) {
            throw new IllegalStateException("free downcall failed", t);
        }
    }

    @Override
    public long usableSize(long address) {
        try {
            return (long) USABLE_SIZE.invokeExact(address);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc_usable_size downcall failed", t);
        }
    }

    @Override
    public String origin() {
        return "the C library";
    }

    /** The C signatures, with pointers and size_t as 64-bit integers. */
    static final class Signatures {
        static final FunctionDescriptor MALLOC = FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
        static final FunctionDescriptor REALLOC =
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
        static final FunctionDescriptor FREE = FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG);
        static final FunctionDescriptor USABLE_SIZE = FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);

        private Signatures() {
        }
    }
}
