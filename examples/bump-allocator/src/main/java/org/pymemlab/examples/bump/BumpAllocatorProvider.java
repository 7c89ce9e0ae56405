package org.pymemlab.examples.bump;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.typesafe.config.Config;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorProvider;

/** {@code --allocator bump}: reads {@code pymem.bump.chunk-size}, binds a {@link BumpAllocator}. */
@AutoService(AllocatorProvider.class)
public final class BumpAllocatorProvider implements AllocatorProvider {

    static final String CHUNK_SIZE = "pymem.bump.chunk-size";

    @Override
    public String id() {
        return "bump";
    }

    @Override
    public String description() {
        return "Bump pointer allocation in chunks; free() only counts, memory is never reused";
    }

    @Override
    public String configPath() {
        return "pymem.bump";
    }

    @Override
    public Module module(Config config) {
        long chunkSize = config.getBytes(CHUNK_SIZE);
        if (chunkSize < 4096) {
            throw new PluginConfigException(CHUNK_SIZE, chunkSize, "a memory size of at least 4 KiB");
        }
        // The module only binds; the allocator reserves its first chunk on the first malloc.
        return binder -> binder.bind(Allocator.class).toProvider(() -> new BumpAllocator(chunkSize))
                .in(Scopes.SINGLETON);
    }
}
