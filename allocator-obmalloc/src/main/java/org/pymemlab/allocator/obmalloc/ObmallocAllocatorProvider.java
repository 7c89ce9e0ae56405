package org.pymemlab.allocator.obmalloc;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.typesafe.config.Config;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorProvider;

/**
 * The {@code obmalloc} allocator: CPython's pymalloc (arenas from mmap, pools, 16-byte size
 * classes) written in Java on native memory, with the geometry of {@code pymem.obmalloc}.
 */
@AutoService(AllocatorProvider.class)
public final class ObmallocAllocatorProvider implements AllocatorProvider {

    /** Listed by {@code ServiceLoader}; does nothing. */
    public ObmallocAllocatorProvider() {
    }

    @Override
    public String id() {
        return "obmalloc";
    }

    @Override
    public String description() {
        return "CPython's pymalloc: mmap'd arenas, pools, size classes; big requests to the C library's malloc";
    }

    @Override
    public String configPath() {
        return ObmallocSettings.PATH;
    }

    /** Validates {@code pymem.obmalloc}; the module only binds (arenas are mapped on first use). */
    @Override
    public Module module(Config config) {
        ObmallocSettings settings = ObmallocSettings.from(config);
        return binder -> {
            binder.bind(ObmallocSettings.class).toInstance(settings);
            binder.bind(Allocator.class).to(ObmallocAllocator.class).in(Scopes.SINGLETON);
        };
    }
}
