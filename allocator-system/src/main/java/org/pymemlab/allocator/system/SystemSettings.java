package org.pymemlab.allocator.system;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import org.pymemlab.api.PluginConfigException;

/**
 * The settings under {@code pymem.system}; defaults live in this module's {@code reference.conf}.
 *
 * @param library the malloc library: empty for the C library in the process, else a path or name
 *     for {@code dlopen}
 */
record SystemSettings(String library) {

    static final String PATH = "pymem.system";
    static final String LIBRARY = PATH + ".library";

    SystemSettings {
        requireNonNull(library, "library is null");
    }

    /** Reads and type-checks the settings; each problem is one {@link PluginConfigException}. */
    static SystemSettings from(Config config) {
        requireNonNull(config, "config is null");
        String library;
        try {
            library = config.getString(LIBRARY);
        } catch (ConfigException.Missing e) {
            throw new PluginConfigException(LIBRARY, "(missing)", "a string: \"\" or a library path or name");
        } catch (ConfigException.WrongType e) {
            throw new PluginConfigException(LIBRARY, config.getValue(LIBRARY).render(ConfigRenderOptions.concise()),
                    "a string: \"\" or a library path or name");
        }
        return new SystemSettings(library.strip());
    }
}
