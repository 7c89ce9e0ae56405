package org.pymemlab.allocator.system;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.typesafe.config.Config;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorProvider;

/**
 * The {@code system} allocator: every request goes to malloc/realloc/free of the C library, or of a
 * malloc-compatible shared library named by {@code pymem.system.library} (jemalloc, mimalloc …),
 * through FFM downcalls. CPython's {@code PYTHONMALLOC=malloc}.
 */
@AutoService(AllocatorProvider.class)
public final class SystemAllocatorProvider implements AllocatorProvider {

    /** Listed by {@code ServiceLoader}; does nothing. */
    public SystemAllocatorProvider() {
    }

    @Override
    public String id() {
        return "system";
    }

    @Override
    public String description() {
        return "malloc/realloc/free of the C library (or of jemalloc, mimalloc … by config) through FFM";
    }

    @Override
    public String configPath() {
        return SystemSettings.PATH;
    }

    /**
     * Reads {@code pymem.system} and resolves the library's four functions now (a library that does
     * not load is a configuration error, reported at start-up); the module only binds.
     */
    @Override
    public Module module(Config config) {
        SystemSettings settings = SystemSettings.from(config);
        MallocFunctions functions = LibraryMalloc.resolve(SystemSettings.LIBRARY, settings.library());
        return binder -> {
            binder.bind(MallocFunctions.class).toInstance(functions);
            binder.bind(Allocator.class).to(SystemAllocator.class).in(Scopes.SINGLETON);
        };
    }
}
