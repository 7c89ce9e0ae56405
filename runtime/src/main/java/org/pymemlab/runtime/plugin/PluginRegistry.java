package org.pymemlab.runtime.plugin;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.PluginProvider;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.api.collector.CollectorProvider;
import org.pymemlab.api.interning.InternerProvider;

/**
 * The plugins of the three axes found with {@link ServiceLoader}: on the class path, and in the plugin jars when the
 * class loader is one from {@link PluginJars#classLoader()} (each jar scanned in its own class loader).
 *
 * <pre>{@code
 * PluginRegistry plugins = PluginRegistry.load(classLoader);
 * plugins.problems().forEach(p -> err.println("pymem: plugin problem: " + p));
 * AllocatorProvider allocator = plugins.allocator(config.getString("pymem.allocator"));
 * }</pre>
 *
 * Loading never fails because of one plugin. A jar that cannot be read, a provider class that cannot be loaded or
 * instantiated, an id that two providers claim (across jars, or a jar's and a built-in's): each is a
 * {@link PluginProblem} of one line naming the jar and the id, and the other plugins still work. Selecting a
 * claimed-twice id fails with a {@link PluginDiscoveryException} carrying that line; selecting an unknown id fails with
 * a {@link PluginConfigException} that lists the known ones. The providers handed out report a failure of their
 * {@code module(config)} as a {@link PluginDiscoveryException} naming the plugin and its jar.
 */
public final class PluginRegistry {

    private static final String CLASS_PATH = "class path";

    private final ProviderSet<AllocatorProvider> allocators;
    private final ProviderSet<CollectorProvider> collectors;
    private final ProviderSet<InternerProvider> interners;
    private final List<PluginProblem> problems;

    private PluginRegistry(ProviderSet<AllocatorProvider> allocators, ProviderSet<CollectorProvider> collectors,
            ProviderSet<InternerProvider> interners, List<PluginProblem> problems) {
        this.allocators = allocators;
        this.collectors = collectors;
        this.interners = interners;
        this.problems = List.copyOf(problems);
    }

    /**
     * Finds every provider visible to the class loader; when it is a {@link PluginJars#classLoader()}, the lab's
     * class path and then each jar, in its own loader. Problems are collected, never thrown.
     */
    public static PluginRegistry load(ClassLoader classLoader) {
        requireNonNull(classLoader, "classLoader is null");
        List<Source> sources = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>();
        PluginJars.of(classLoader).ifPresentOrElse(jars -> {
            sources.add(new Source(CLASS_PATH, jars.parent()));
            jars.jarLoaders().forEach(jar -> sources.add(new Source(jar.path().toString(), jar.loader())));
            problems.addAll(jars.problems());
        }, () -> sources.add(new Source(CLASS_PATH, classLoader)));
        return new PluginRegistry(
                scan(AllocatorProvider.class, "pymem.allocator", "allocator", sources, problems),
                scan(CollectorProvider.class, "pymem.collector", "collector", sources, problems),
                scan(InternerProvider.class, "pymem.interning", "interning policy", sources, problems),
                problems);
    }

    /** The allocator providers that can be selected, sorted by id. */
    public List<AllocatorProvider> allocators() {
        return allocators.all();
    }

    /** The collector providers that can be selected, sorted by id. */
    public List<CollectorProvider> collectors() {
        return collectors.all();
    }

    /** The interner providers that can be selected, sorted by id. */
    public List<InternerProvider> interners() {
        return interners.all();
    }

    /** What went wrong while loading, one line each, in the order found. */
    public List<PluginProblem> problems() {
        return problems;
    }

    /**
     * @throws PluginDiscoveryException when the id is claimed twice, or its provider is broken
     * @throws PluginConfigException ({@code pymem.allocator}) listing the known ids when there is none
     */
    public AllocatorProvider allocator(String id) {
        return allocators.get(id);
    }

    /**
     * @throws PluginDiscoveryException when the id is claimed twice, or its provider is broken
     * @throws PluginConfigException ({@code pymem.collector}) listing the known ids when there is none
     */
    public CollectorProvider collector(String id) {
        return collectors.get(id);
    }

    /**
     * @throws PluginDiscoveryException when the id is claimed twice, or its provider is broken
     * @throws PluginConfigException ({@code pymem.interning}) listing the known ids when there is none
     */
    public InternerProvider interner(String id) {
        return interners.get(id);
    }

    /**
     * This registry with every provider's {@code module(config)} tried once against {@code config}: those that fail
     * become problems (and cannot be selected), so that {@code pymem list} can warn about them. Modules only bind,
     * so trying them builds nothing.
     */
    public PluginRegistry checked(Config config) {
        requireNonNull(config, "config is null");
        List<PluginProblem> all = new ArrayList<>(problems);
        return new PluginRegistry(check(allocators, config, all), check(collectors, config, all),
                check(interners, config, all), all);
    }

    private static <P extends PluginProvider> ProviderSet<P> check(
            ProviderSet<P> set, Config config, List<PluginProblem> problems) {
        Map<String, P> good = new TreeMap<>();
        Map<String, String> broken = new TreeMap<>(set.broken());
        for (P provider : set.all()) {
            try {
                provider.module(config);
                good.put(provider.id(), provider);
            } catch (PluginDiscoveryException | PluginConfigException e) {
                String source = provider instanceof GuardedProvider<?> g ? g.source() : CLASS_PATH;
                String message = e instanceof PluginConfigException
                        ? provider + ": " + e.getMessage()
                        : e.getMessage();
                broken.put(provider.id(), message);
                problems.add(new PluginProblem(source, provider.id(), message));
            }
        }
        return ProviderSet.of(set.key(), good, broken);
    }

    /** Where providers are looked for: the class path, or one jar. */
    private record Source(String label, ClassLoader loader) {
    }

    /** One provider found, before duplicates are sorted out. */
    private record Found<P>(String id, P provider, String source) {
    }

    @SuppressWarnings("unchecked")
    private static <P extends PluginProvider> ProviderSet<P> scan(
            Class<P> service, String key, String axis, List<Source> sources, List<PluginProblem> problems) {
        Map<String, List<Found<P>>> byId = new LinkedHashMap<>();
        for (Source source : sources) {
            for (Found<P> found : providers(service, axis, source, problems)) {
                byId.computeIfAbsent(found.id(), id -> new ArrayList<>()).add(found);
            }
        }
        Map<String, P> good = new TreeMap<>();
        Map<String, String> broken = new TreeMap<>();
        for (Map.Entry<String, List<Found<P>>> entry : byId.entrySet()) {
            String id = entry.getKey();
            List<Found<P>> all = entry.getValue();
            if (all.size() == 1) {
                Found<P> one = all.getFirst();
                good.put(id, (P) GuardedProvider.wrap(one.provider(), axis, id, one.source()));
                continue;
            }
            String message = axis + " '" + id + "' is provided " + all.size() + " times: "
                    + String.join(" and ", all.stream().map(f -> f.provider().getClass().getName() + " from "
                            + f.source()).toList())
                    + "; remove all but one";
            broken.put(id, message);
            String jars = String.join(", ", all.stream().map(Found::source).toList());
            problems.add(new PluginProblem(jars, id, message));
        }
        return ProviderSet.of(key, good, broken);
    }

    /** Where on the class path a provider's class comes from (a jar or a classes directory). */
    private static String location(Object provider) {
        var domain = provider.getClass().getProtectionDomain();
        var codeSource = domain == null ? null : domain.getCodeSource();
        return codeSource == null || codeSource.getLocation() == null
                ? CLASS_PATH
                : CLASS_PATH + " (" + codeSource.getLocation().getPath() + ")";
    }

    /** The providers of one source, each failure a problem. */
    private static <P extends PluginProvider> List<Found<P>> providers(
            Class<P> service, String axis, Source source, List<PluginProblem> problems) {
        List<Found<P>> found = new ArrayList<>();
        Iterator<P> providers = ServiceLoader.load(service, source.loader()).iterator();
        int failures = 0;
        while (failures < 100) { // a service file ServiceLoader cannot get past must not loop forever
            P provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                failures++;
                String cause = e.getCause() != null ? " (" + e.getCause() + ")" : "";
                problems.add(new PluginProblem(source.label(), "", source.label() + ": cannot load " + axis
                        + " provider: " + GuardedProvider.oneLine(e.getMessage() + cause)));
                continue;
            }
            String label = source.label().equals(CLASS_PATH) ? location(provider) : source.label();
            String id;
            try {
                id = provider.id();
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(label, "", label + ": " + axis + " provider "
                        + provider.getClass().getName() + ": id() failed: " + GuardedProvider.oneLine(e.toString())));
                continue;
            }
            if (id == null || id.isBlank()) {
                problems.add(new PluginProblem(label, "", label + ": " + axis + " provider "
                        + provider.getClass().getName() + " has no id"));
                continue;
            }
            found.add(new Found<>(id, provider, label));
        }
        return found;
    }
}
