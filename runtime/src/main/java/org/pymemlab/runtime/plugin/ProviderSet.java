package org.pymemlab.runtime.plugin;

import static java.util.Objects.requireNonNull;

import java.security.CodeSource;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.pymemlab.api.PluginConfigException;

/**
 * The providers of one kind found by {@link ServiceLoader}, by id. Shared by the plugin axes and the workloads,
 * so that both fail the same way: a duplicate id names both classes, an unknown id lists the known ones.
 *
 * @param <P> the service type
 */
public final class ProviderSet<P> {

    private final String key;
    private final SortedMap<String, P> byId;
    /** Ids that cannot be selected (two providers, a failing module), with the one-line reason. */
    private final SortedMap<String, String> broken;

    private ProviderSet(String key, SortedMap<String, P> byId, SortedMap<String, String> broken) {
        this.key = key;
        this.byId = byId;
        this.broken = broken;
    }

    /**
     * A set of providers found elsewhere, with the ids that must not be selected.
     *
     * @param broken for each id that cannot be selected, the one-line reason {@link #get} fails with
     */
    static <P> ProviderSet<P> of(String key, Map<String, P> byId, Map<String, String> broken) {
        return new ProviderSet<>(requireNonNull(key, "key is null"), new TreeMap<>(byId), new TreeMap<>(broken));
    }

    /**
     * Loads every provider of {@code service} visible to {@code classLoader}.
     *
     * @param service the service interface
     * @param key the setting that selects one ({@code pymem.allocator}, {@code --workload}), used in messages
     * @param idOf how to read a provider's id
     * @throws PluginDiscoveryException when a provider cannot be loaded, or two share an id
     */
    public static <P> ProviderSet<P> load(
            Class<P> service, String key, Function<? super P, String> idOf, ClassLoader classLoader) {
        requireNonNull(service, "service is null");
        requireNonNull(key, "key is null");
        requireNonNull(idOf, "idOf is null");
        requireNonNull(classLoader, "classLoader is null");
        SortedMap<String, P> byId = new TreeMap<>();
        try {
            for (P provider : ServiceLoader.load(service, classLoader)) {
                String id = idOf.apply(provider);
                if (id == null || id.isBlank()) {
                    throw new PluginDiscoveryException(service.getSimpleName() + " " + describe(provider)
                            + " has no id");
                }
                P previous = byId.putIfAbsent(id, provider);
                if (previous != null) {
                    throw new PluginDiscoveryException("two " + service.getSimpleName() + "s have the id '" + id
                            + "': " + describe(previous) + " and " + describe(provider)
                            + "; remove one of them from the class path");
                }
            }
        } catch (ServiceConfigurationError e) {
            // ServiceLoader's own message already names the service and the class that failed.
            throw new PluginDiscoveryException(e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : ""), e);
        }
        return new ProviderSet<>(key, byId, new TreeMap<>());
    }

    /** The setting that selects one, as messages name it. */
    String key() {
        return key;
    }

    /** The providers, sorted by id. */
    public List<P> all() {
        return List.copyOf(byId.values());
    }

    /** The ids, sorted. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The ids that cannot be selected, with the reason, sorted by id. */
    public Map<String, String> broken() {
        return Collections.unmodifiableSortedMap(broken);
    }

    /**
     * The provider with this id.
     *
     * @throws PluginDiscoveryException with the reason when the id belongs to a broken or duplicated provider
     * @throws PluginConfigException naming the key, the id and the known ids when there is none
     */
    public P get(String id) {
        requireNonNull(id, "id is null");
        String reason = broken.get(id);
        if (reason != null) {
            throw new PluginDiscoveryException(key + " = " + id + ": " + reason);
        }
        P provider = byId.get(id);
        if (provider == null) {
            throw new PluginConfigException(key, id, allowed(byId.keySet()));
        }
        return provider;
    }

    private static String allowed(Collection<String> ids) {
        return ids.isEmpty() ? "none is on the class path" : "one of " + String.join(", ", ids);
    }

    /** The class and where it was loaded from, so that two jars with the same plugin can be told apart. */
    static String describe(Object provider) {
        Class<?> type = provider.getClass();
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null
                ? type.getName()
                : type.getName() + " (" + source.getLocation() + ")";
    }
}
