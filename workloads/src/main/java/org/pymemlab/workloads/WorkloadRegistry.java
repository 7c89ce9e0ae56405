package org.pymemlab.workloads;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.pymemlab.runtime.plugin.ProviderSet;

/**
 * The workloads found on a class path with {@link java.util.ServiceLoader}, by id. Two workloads with one id are
 * an error naming both classes; asking for an unknown id fails with a
 * {@link org.pymemlab.api.PluginConfigException} on {@code --workload} that lists the known ones.
 */
public final class WorkloadRegistry {

    /** The setting that selects a workload, as error messages name it. */
    public static final String KEY = "--workload";

    private final ProviderSet<Workload> workloads;

    private WorkloadRegistry(ProviderSet<Workload> workloads) {
        this.workloads = workloads;
    }

    /**
     * Finds every workload visible to the class loader.
     *
     * @throws org.pymemlab.runtime.plugin.PluginDiscoveryException when two share an id, or one cannot be loaded
     */
    public static WorkloadRegistry load(ClassLoader classLoader) {
        requireNonNull(classLoader, "classLoader is null");
        return new WorkloadRegistry(ProviderSet.load(Workload.class, KEY, Workload::id, classLoader));
    }

    /** The workloads, sorted by id. */
    public List<Workload> all() {
        return workloads.all();
    }

    /** @throws org.pymemlab.api.PluginConfigException listing the known ids when there is none with this id */
    public Workload get(String id) {
        return workloads.get(id);
    }
}
