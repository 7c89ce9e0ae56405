package org.pymemlab.runtime.plugin;

/**
 * The plugins on the class path cannot be told apart or loaded: two providers share an id on one axis, or a
 * registered provider class cannot be instantiated. The message is one line naming the classes; the {@code pymem}
 * command prints it as it is and exits with status 2.
 */
public class PluginDiscoveryException extends RuntimeException {

    public PluginDiscoveryException(String message) {
        super(message);
    }

    public PluginDiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
