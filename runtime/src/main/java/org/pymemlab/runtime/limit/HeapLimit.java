package org.pymemlab.runtime.limit;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * {@code pymem.heap.limit}: the most bytes the heap may have requested from its allocator at once; 0 means no
 * limit. Past it an allocation fails as if the allocator were out of memory, and the runtime raises Python's
 * {@code MemoryError} ({@link org.pymemlab.runtime.PyException} with {@code pythonType() == "MemoryError"}).
 *
 * @param bytes the limit in bytes, 0 for none
 */
public record HeapLimit(long bytes) {

    public static final String KEY = "pymem.heap.limit";

    public HeapLimit {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes < 0: " + bytes);
        }
    }

    /**
     * Reads {@value #KEY} (a HOCON memory size such as {@code 64 MiB}); a missing key is no limit.
     *
     * @throws org.pymemlab.api.PluginConfigException naming the key and value when it is not a size of 0 or more
     */
    public static HeapLimit from(Config config) {
        requireNonNull(config, "config is null");
        if (!config.hasPath(KEY)) {
            return new HeapLimit(0);
        }
        return new HeapLimit(TypedSettings.bytesInRange(config, KEY, 0, Long.MAX_VALUE));
    }

    public boolean isSet() {
        return bytes > 0;
    }

    /** The allocator itself when there is no limit, else the allocator behind a {@link LimitedAllocator}. */
    public Allocator apply(Allocator allocator) {
        requireNonNull(allocator, "allocator is null");
        return isSet() ? new LimitedAllocator(allocator, bytes) : allocator;
    }
}
