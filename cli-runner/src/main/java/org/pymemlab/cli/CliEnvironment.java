package org.pymemlab.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.pymemlab.runtime.config.ConfigLayers;
import org.pymemlab.runtime.plugin.PluginJars;

/**
 * What the command reads from the process around it: the lab's class path, the working directory the
 * {@code pymem.plugins.dirs} directories are relative to, and the system properties the {@code -D} layer takes.
 * Tests pass their own, so that nothing is read from static state.
 *
 * <p>{@link #classLoader()} is the lab's class loader plus the plugin jars (see {@link PluginJars}): plugins,
 * workloads and {@code reference.conf} files are read through it. The jars are those of the directories named by
 * {@code reference.conf}, {@code application.conf} and {@code -D}; once the whole configuration is known
 * ({@code --config}, {@code --set}), {@link ConfigOptions#build} calls {@link #usePluginDirectories} so that the
 * directories it names are the ones used. One environment serves one command.
 */
public final class CliEnvironment {

    private final ClassLoader labClassLoader;
    private final Properties systemProperties;
    private final Path workingDirectory;
    private List<Path> pluginDirectories;
    private PluginJars pluginJars;

    /**
     * @param labClassLoader the class loader of the lab itself, the parent of every plugin jar's
     * @param systemProperties the properties whose {@code pymem.*} keys form the {@code -D} layer
     * @param workingDirectory what relative plugin directories are resolved against
     */
    public CliEnvironment(ClassLoader labClassLoader, Properties systemProperties, Path workingDirectory) {
        this.labClassLoader = requireNonNull(labClassLoader, "labClassLoader is null");
        this.systemProperties = requireNonNull(systemProperties, "systemProperties is null");
        this.workingDirectory = requireNonNull(workingDirectory, "workingDirectory is null").toAbsolutePath();
    }

    /** An environment whose plugin directories are relative to the process's working directory. */
    public CliEnvironment(ClassLoader labClassLoader, Properties systemProperties) {
        this(labClassLoader, systemProperties, Path.of(""));
    }

    /** The JVM's class path, working directory and system properties. */
    public static CliEnvironment ofProcess() {
        return new CliEnvironment(CliEnvironment.class.getClassLoader(), System.getProperties());
    }

    /** The class loader plugins, workloads and configuration are read through: the lab's plus the plugin jars. */
    public synchronized ClassLoader classLoader() {
        return pluginJars().classLoader();
    }

    /** The lab's own class loader, without plugin jars. */
    public ClassLoader labClassLoader() {
        return labClassLoader;
    }

    public Properties systemProperties() {
        return systemProperties;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The plugin jars in use, opened from the directories the first time they are needed. */
    synchronized PluginJars pluginJars() {
        if (pluginJars == null) {
            usePluginDirectories(PluginJars.directories(ConfigLayers.builder(labClassLoader)
                    .systemProperties(systemProperties).build().config(), workingDirectory));
        }
        return pluginJars;
    }

    /**
     * Makes {@code directories} the plugin directories, opening their jars unless they are the ones in use.
     *
     * @return true when the jars changed (what was read through {@link #classLoader()} must be read again)
     */
    synchronized boolean usePluginDirectories(List<Path> directories) {
        requireNonNull(directories, "directories is null");
        if (pluginJars != null && directories.equals(pluginDirectories)) {
            return false;
        }
        // The previous jars stay open: classes a command already loaded from them may still be in use.
        pluginDirectories = List.copyOf(directories);
        pluginJars = PluginJars.open(pluginDirectories, labClassLoader);
        return true;
    }
}
