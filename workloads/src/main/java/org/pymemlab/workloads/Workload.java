package org.pymemlab.workloads;

import com.typesafe.config.Config;
import org.pymemlab.runtime.Mutator;

/**
 * A program that exercises a Python heap through the {@link Mutator} API, so that allocators, collectors and
 * interning policies can be compared on the same work.
 *
 * <p>Register with {@code @AutoService(Workload.class)}: {@link WorkloadRegistry} finds workloads with
 * {@link java.util.ServiceLoader}. Implementations must be public, have a public no-argument constructor and do no
 * work in it (they are instantiated just to be listed). A workload must be deterministic for a given
 * configuration (seed its randomness from it), and must release what it allocates unless leaking is its point:
 * what is left allocated and unreachable at the end is reported as leaked.
 */
public interface Workload {

    /** The id users select this workload by with {@code --workload}, lowercase-hyphenated. */
    String id();

    /** One line saying what the workload does, shown by {@code pymem list}. */
    String description();

    /**
     * The config path of the workload's settings ({@code pymem.workloads.mixed-small}), each key declared with a
     * comment in the module's {@code reference.conf}; the empty string when it has none.
     */
    String configPath();

    /**
     * Runs the workload on one mutator thread (the caller's).
     *
     * @param mutator the runtime's mutator
     * @param config the effective configuration (the whole tree)
     * @throws org.pymemlab.api.PluginConfigException when one of its settings is unusable
     */
    void run(Mutator mutator, Config config);
}
