package org.pymemlab.runtime.config;

/**
 * A configuration source cannot be used: a {@code --config} file that is missing or does not parse, a
 * {@code --set} pair that is not {@code key=value}, a substitution that cannot be resolved. The message is one
 * line naming the source and the problem; the {@code pymem} command prints it as it is and exits with status 2.
 */
public class ConfigSourceException extends RuntimeException {

    public ConfigSourceException(String message) {
        super(message);
    }

    public ConfigSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
