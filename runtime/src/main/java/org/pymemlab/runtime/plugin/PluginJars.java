package org.pymemlab.runtime.plugin;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The plugin jars found in the {@code pymem.plugins.dirs} directories, each in its own class loader whose parent is
 * the lab's (Druid's extension loading: one class loader per extension, so two plugins never see each other's
 * classes). A jar that cannot be read is a {@link PluginProblem}, not a failure: the other jars still load.
 *
 * <pre>{@code
 * try (PluginJars jars = PluginJars.open(PluginJars.directories(config, workingDirectory), labClassLoader)) {
 *     PluginRegistry plugins = PluginRegistry.load(jars.classLoader());   // the lab's plugins and the jars'
 *     ConfigLayers.builder(jars.classLoader())...                         // the jars' reference.conf included
 * }
 * }</pre>
 *
 * {@link #classLoader()} is a view of the lab's class loader plus every jar: resources (each jar's
 * {@code reference.conf}, service files) are the union, classes are looked up in the lab first, then in the jars in
 * order. {@link PluginRegistry#load(ClassLoader)} recognises it and scans each jar in its own loader, so that a
 * problem is reported against the jar it comes from.
 */
public final class PluginJars implements AutoCloseable {

    /** The config key listing the plugin directories, relative to the working directory. */
    public static final String DIRS_KEY = "pymem.plugins.dirs";

    private static final String SERVICES = "META-INF/services/";

    /** One jar and the class loader that owns it. */
    record Jar(Path path, URLClassLoader loader) {
    }

    private final ClassLoader parent;
    private final List<Jar> jars;
    private final List<PluginProblem> problems;
    private final LabAndJarsClassLoader classLoader;

    private PluginJars(ClassLoader parent, List<Jar> jars, List<PluginProblem> problems) {
        this.parent = parent;
        this.jars = List.copyOf(jars);
        this.problems = List.copyOf(problems);
        this.classLoader = new LabAndJarsClassLoader(this);
    }

    /**
     * The plugin directories named by {@value #DIRS_KEY}, resolved against {@code workingDirectory}; none when the
     * key is absent. A single string is read as a list of one (as {@code -Dpymem.plugins.dirs=/opt/plugins} gives).
     *
     * @throws com.typesafe.config.ConfigException.WrongType when the value is neither a list of strings nor a string
     */
    public static List<Path> directories(Config config, Path workingDirectory) {
        requireNonNull(config, "config is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        if (!config.hasPath(DIRS_KEY)) {
            return List.of();
        }
        List<String> names = config.getValue(DIRS_KEY).valueType() == ConfigValueType.STRING
                ? List.of(config.getString(DIRS_KEY))
                : config.getStringList(DIRS_KEY);
        return names.stream().map(name -> workingDirectory.resolve(name).normalize()).toList();
    }

    /** No plugin jars: {@link #classLoader()} sees what {@code parent} sees. */
    public static PluginJars none(ClassLoader parent) {
        return new PluginJars(requireNonNull(parent, "parent is null"), List.of(), List.of());
    }

    /**
     * Opens every {@code *.jar} directly in each directory, in name order. A directory that does not exist is
     * skipped silently (the default {@code plugins} usually does not); a path that is not a directory, or a jar
     * that is not a readable zip, is a problem.
     */
    public static PluginJars open(List<Path> directories, ClassLoader parent) {
        requireNonNull(directories, "directories is null");
        requireNonNull(parent, "parent is null");
        List<Jar> jars = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.exists(directory)) {
                continue;
            }
            if (!Files.isDirectory(directory)) {
                problems.add(new PluginProblem(directory.toString(), "",
                        DIRS_KEY + ": " + directory + " is not a directory"));
                continue;
            }
            for (Path file : jarsIn(directory)) {
                String unreadable = unreadable(file);
                if (unreadable != null) {
                    problems.add(new PluginProblem(file.toString(), "",
                            file + ": not a readable jar (" + unreadable + "); its plugins are not loaded"));
                    continue;
                }
                jars.add(new Jar(file, new JarClassLoader(url(file), parent)));
            }
        }
        return new PluginJars(parent, jars, problems);
    }

    /** The class loader of the lab plus every jar; see the class comment. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** The jars opened, in load order. */
    public List<Path> jars() {
        return jars.stream().map(Jar::path).toList();
    }

    /** Directories and jars that could not be used. */
    public List<PluginProblem> problems() {
        return problems;
    }

    /** The lab's class loader, the parent of every jar's. */
    ClassLoader parent() {
        return parent;
    }

    List<Jar> jarLoaders() {
        return jars;
    }

    /** The jars behind a class loader from {@link #classLoader()}, if it is one. */
    static Optional<PluginJars> of(ClassLoader loader) {
        return loader instanceof LabAndJarsClassLoader view ? Optional.of(view.jars) : Optional.empty();
    }

    /** Closes the jars' class loaders; classes already loaded from them keep working, new lookups fail. */
    @Override
    public void close() {
        IOException first = null;
        for (Jar jar : jars) {
            try {
                jar.loader().close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new UncheckedIOException(first);
        }
    }

    private static List<Path> jarsIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Why the file is not a usable jar, or null. URLClassLoader would skip a corrupt jar without a word. */
    private static String unreadable(Path file) {
        try (JarFile jar = new JarFile(file.toFile())) {
            jar.stream().forEach(entry -> { });
            return null;
        } catch (IOException | SecurityException | IllegalStateException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(file.toString(), e);
        }
    }

    /**
     * One jar's loader. Its service files are its own only, so that {@link java.util.ServiceLoader} over it finds
     * this jar's providers and not the lab's again (which the parent would otherwise add).
     */
    private static final class JarClassLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        JarClassLoader(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith(SERVICES) ? findResources(name) : super.getResources(name);
        }
    }

    /** The lab's class loader with every jar behind it: the view commands read configuration and workloads from. */
    private static final class LabAndJarsClassLoader extends ClassLoader {

        private final PluginJars jars;

        LabAndJarsClassLoader(PluginJars jars) {
            super("pymem-plugins", jars.parent);
            this.jars = jars;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (Jar jar : jars.jars) {
                try {
                    return jar.loader().loadClass(name);
                } catch (ClassNotFoundException e) {
                    // not in this jar
                }
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            for (Jar jar : jars.jars) {
                URL url = jar.loader().findResource(name);
                if (url != null) {
                    return url;
                }
            }
            return null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            List<URL> all = new ArrayList<>();
            for (Jar jar : jars.jars) {
                all.addAll(Collections.list(jar.loader().findResources(name)));
            }
            return Collections.enumeration(all);
        }
    }
}
