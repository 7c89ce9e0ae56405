package org.pymemlab.runtime.plugin;

import static java.util.Objects.requireNonNull;

/**
 * A plugin that could not be made usable: a jar that cannot be read, a provider class that cannot be loaded, two
 * providers with one id, a provider whose module fails. The rest of the plugins still work; selecting the plugin
 * named here fails with {@link #message()}.
 *
 * @param source where the plugin came from: a jar's path, or {@code class path}
 * @param id the plugin id concerned, or the empty string when it cannot be known (a class that does not load)
 * @param message one line naming the source, the id (when known) and what is wrong
 */
public record PluginProblem(String source, String id, String message) {

    public PluginProblem {
        requireNonNull(source, "source is null");
        requireNonNull(id, "id is null");
        requireNonNull(message, "message is null");
        if (message.contains("\n")) {
            throw new IllegalArgumentException("a problem is one line: " + message);
        }
    }

    @Override
    public String toString() {
        return message;
    }
}
