package org.pymemlab.runtime.config;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;

/**
 * One leaf of the effective configuration: its full path, its value and where the value came from.
 *
 * @param path the full config path ({@code pymem.obmalloc.arena-size})
 * @param value the resolved value
 * @param origin the layer and source that set it
 */
public record ConfigEntry(String path, ConfigValue value, ValueOrigin origin) {

    public ConfigEntry {
        requireNonNull(path, "path is null");
        requireNonNull(value, "value is null");
        requireNonNull(origin, "origin is null");
    }

    /** The value as HOCON on one line ({@code "256 KiB"}, {@code [700,10,10]}, {@code 42}). */
    public String renderedValue() {
        return value.render(ConfigRenderOptions.concise());
    }
}
