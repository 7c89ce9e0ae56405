package org.pymemlab.runtime.config;

import static java.util.Objects.requireNonNull;

/**
 * Where one value of the effective configuration came from: the layer, the source inside it (a jar, a file, a
 * {@code --set} pair) and the line, for {@code pymem config}.
 *
 * @param layer the layer that set the value
 * @param source what in that layer set it: for {@link ConfigLayer#REFERENCE} the jar or directory holding the
 *     {@code reference.conf}, for {@link ConfigLayer#PROFILE} the profile id, for {@link ConfigLayer#CONFIG_FILE}
 *     the file, for {@link ConfigLayer#SYSTEM_PROPERTY} the property as {@code key=value}, for
 *     {@link ConfigLayer#SET} the option as given ({@code --set key=value}, {@code --allocator system})
 * @param line the line number in that source, or -1 when it has none
 */
public record ValueOrigin(ConfigLayer layer, String source, int line) {

    public ValueOrigin {
        requireNonNull(layer, "layer is null");
        requireNonNull(source, "source is null");
    }

    /** One short phrase for people: {@code reference.conf (pymem-runtime.jar:12)}, {@code profile cpython-3.13:40}. */
    public String describe() {
        String at = line >= 0 ? ":" + line : "";
        return switch (layer) {
            case REFERENCE -> "reference.conf (" + source + at + ")";
            case PROFILE -> "profile " + source + at;
            case APPLICATION -> "application.conf (" + source + at + ")";
            case CONFIG_FILE -> "--config " + source + at;
            case SYSTEM_PROPERTY -> "-D" + source;
            case SET -> source;
            case OTHER -> source + at;
        };
    }
}
