package org.pymemlab.api;

import static java.util.Objects.requireNonNull;

/**
 * A setting that cannot be used. The message is one line that names the key, the value and what
 * is allowed; the {@code pymem} command prints it as it is and exits with status 2.
 */
public class PluginConfigException extends RuntimeException {

    private final String key;

    public PluginConfigException(String key, Object value, String allowed) {
        super(requireNonNull(key, "key is null") + " = " + value + ": " + requireNonNull(allowed, "allowed is null"));
        this.key = key;
    }

    /** The full config path of the offending key. */
    public String key() {
        return key;
    }
}
