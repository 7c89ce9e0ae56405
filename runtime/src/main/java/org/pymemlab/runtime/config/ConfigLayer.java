package org.pymemlab.runtime.config;

/**
 * The layers of the effective configuration, lowest precedence first (DESIGN.md, Configuration).
 * {@link #OTHER} stands for values whose origin is none of these, such as an environment variable
 * substituted with {@code ${?HOME}}.
 */
public enum ConfigLayer {
    /** The {@code reference.conf} of every jar on the class path. */
    REFERENCE,
    /** The profile named by {@code pymem.profile}: the resource {@code pymem/profiles/<id>.conf}. */
    PROFILE,
    /** {@code application.conf} on the class path. */
    APPLICATION,
    /** The file given with {@code --config FILE}. */
    CONFIG_FILE,
    /** A {@code -Dpymem.…=value} system property. */
    SYSTEM_PROPERTY,
    /** A {@code --set key=value} pair, or one of the CLI's shorthands for it ({@code --allocator} …). */
    SET,
    /** Anything else (environment variables, resources included from another file). */
    OTHER
}
