package org.pymemlab.allocator.system;

import static java.util.Objects.requireNonNull;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.pymemlab.api.PluginConfigException;

/**
 * The malloc family of a shared library loaded with {@code dlopen} (jemalloc, mimalloc, tcmalloc …).
 *
 * <p>The library is loaded into the global arena and never unloaded: blocks it handed out must stay
 * valid, and {@code dlopen} counts references, so loading it again for another runtime is free.
 */
final class LibraryMalloc implements MallocFunctions {

    private static final String[] SYMBOLS = {"malloc", "realloc", "free", "malloc_usable_size"};

    private final String library;
    private final MethodHandle malloc;
    private final MethodHandle realloc;
    private final MethodHandle free;
    private final MethodHandle usableSize;

    private LibraryMalloc(String library, MemorySegment[] symbols) {
        this.library = library;
        Linker linker = Linker.nativeLinker();
        this.malloc = linker.downcallHandle(symbols[0], ProcessMalloc.Signatures.MALLOC);
        this.realloc = linker.downcallHandle(symbols[1], ProcessMalloc.Signatures.REALLOC);
        this.free = linker.downcallHandle(symbols[2], ProcessMalloc.Signatures.FREE);
        this.usableSize = linker.downcallHandle(symbols[3], ProcessMalloc.Signatures.USABLE_SIZE,
                Linker.Option.critical(false));
    }

    /**
     * The functions the setting names: the process's C library for an empty name, else the library
     * loaded by path or name.
     *
     * @throws PluginConfigException when the library cannot be loaded or does not define all four
     *     functions itself
     */
    static MallocFunctions resolve(String key, String library) {
        requireNonNull(key, "key is null");
        requireNonNull(library, "library is null");
        if (library.isEmpty()) {
            return ProcessMalloc.INSTANCE;
        }
        String allowed = "\"\" for the C library, or the path or name of a loadable shared library defining "
                + "malloc, realloc, free and malloc_usable_size (e.g. libjemalloc.so.2, libmimalloc.so)";
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(library, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new PluginConfigException(key, quoted(library), "cannot be loaded; " + allowed);
        }
        SymbolLookup process = Linker.nativeLinker().defaultLookup();
        MemorySegment[] symbols = new MemorySegment[SYMBOLS.length];
        for (int i = 0; i < SYMBOLS.length; i++) {
            Optional<MemorySegment> symbol = lookup.find(SYMBOLS[i]);
            if (symbol.isEmpty()) {
                throw new PluginConfigException(key, quoted(library), "does not define " + SYMBOLS[i] + "; " + allowed);
            }
            symbols[i] = symbol.get();
        }
        // dlsym searches the library's dependencies too, so a library without its own malloc (libm,
        // say) resolves to the C library's. Treat that as "does not define malloc".
        if (symbols[0].address() == process.findOrThrow("malloc").address()
                && symbols[2].address() == process.findOrThrow("free").address()) {
            throw new PluginConfigException(key, quoted(library),
                    "does not define its own malloc (it resolves to the process's); " + allowed);
        }
        return new LibraryMalloc(library, symbols);
    }

    private static String quoted(String s) {
        return '"' + s + '"';
    }

    @Override
    public long malloc(long size) {
        try {
            return (long) malloc.invokeExact(size);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc downcall failed", t);
        }
    }

    @Override
    public long realloc(long address, long size) {
        try {
            return (long) realloc.invokeExact(address, size);
        } catch (Throwable t) {
            throw new IllegalStateException("realloc downcall failed", t);
        }
    }

    @Override
    public void free(long address) {
        try {
            free.invokeExact(address);
        } catch (Throwable t) {
            throw new IllegalStateException("free downcall failed", t);
        }
    }

    @Override
    public long usableSize(long address) {
        try {
            return (long) usableSize.invokeExact(address);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc_usable_size downcall failed", t);
        }
    }

    @Override
    public String origin() {
        return library;
    }
}
