package org.pymemlab.cli;

import static java.util.Objects.requireNonNull;

import java.util.Properties;

/**
 * What the command reads from the process around it: the class path its plugins, workloads and
 * {@code reference.conf} files come from, and the system properties the {@code -D} layer takes. Tests pass
 * their own, so that nothing is read from static state.
 *
 * @param classLoader the class loader plugins and workloads are discovered in
 * @param systemProperties the properties whose {@code pymem.*} keys form the {@code -D} layer
 */
public record CliEnvironment(ClassLoader classLoader, Properties systemProperties) {

    public CliEnvironment {
        requireNonNull(classLoader, "classLoader is null");
        requireNonNull(systemProperties, "systemProperties is null");
    }

    /** The JVM's class path and system properties. */
    public static CliEnvironment ofProcess() {
        return new CliEnvironment(CliEnvironment.class.getClassLoader(), System.getProperties());
    }
}
