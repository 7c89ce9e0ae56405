package org.pymemlab.workloads;

import com.google.auto.service.AutoService;
import com.typesafe.config.Config;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * pyperformance's {@code gc_traversal}: {@code levels} lists, the list of level {@code n} holding {@code n}
 * references to the list of level {@code n - 1}, all alive through the root {@code levels}; then
 * {@code collections} full collections, each of which must traverse every list and find nothing to free.
 * There are no random choices. {@link Mutator#safePoint()} is called after each level and each collection; the
 * root is released at the end, which frees every list under any collector (the structure is acyclic).
 */
@AutoService(Workload.class)
public final class GcTraversalWorkload implements Workload {

    static final String CONFIG_PATH = "pymem.workloads.gc-traversal";

    /**
     * @param levels lists built, each pointing at the previous one as many times as its level
     * @param collections full collections run over the live structure
     */
    record Settings(int levels, int collections) {
        static Settings from(Config config) {
            return new Settings(
                    TypedSettings.intInRange(config, CONFIG_PATH + ".levels", 0, 100_000),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".collections", 0, Integer.MAX_VALUE));
        }
    }

    public GcTraversalWorkload() {
    }

    @Override
    public String id() {
        return "gc-traversal";
    }

    @Override
    public String description() {
        return "pyperformance gc_traversal: levels of lists each pointing at the previous level, all alive,"
                + " and a fixed number of full collections";
    }

    @Override
    public String configPath() {
        return CONFIG_PATH;
    }

    @Override
    public void run(Mutator py, Config config) {
        Settings settings = Settings.from(config);
        long current = py.newList();
        for (int n = 0; n < settings.levels(); n++) {
            long[] items = new long[n];
            java.util.Arrays.fill(items, current);
            long next = py.newList(items); // [current_list] * n
            py.decref(current);
            current = next;
            py.safePoint();
        }
        Roots.bind(py, "levels", current);
        for (int i = 0; i < settings.collections(); i++) {
            py.collect();
            py.safePoint();
        }
        py.delRoot("levels");
    }
}
