package org.pymemlab.workloads;

import com.google.auto.service.AutoService;
import com.typesafe.config.Config;
import java.util.Random;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * pyperformance's {@code gc_collect}: rings of linked {@code Node} instances, built, dropped and collected.
 *
 * <p>Each round builds {@code rings} rings of {@code nodes-per-ring} instances of a plain class {@code Node}
 * ({@code next} and {@code prev} in its {@code __dict__}, plus a seeded int {@code payload}), keeps them in the
 * root list {@code all_cycles}, drops that root (every ring is now cyclic garbage) and calls {@code gc.collect()}.
 * Under {@code refcount-only} every ring leaks; the generational collector frees them all in the collection (or
 * earlier, when a threshold is crossed). {@link Mutator#safePoint()} is called after each node. The class stays
 * bound to the root {@code Node}, as a module global does.
 */
@AutoService(Workload.class)
public final class GcCollectWorkload implements Workload {

    static final String CONFIG_PATH = "pymem.workloads.gc-collect";

    /**
     * @param rounds build-drop-collect rounds
     * @param rings rings built per round
     * @param nodesPerRing nodes in each ring
     * @param seed seed of the payloads
     */
    record Settings(int rounds, int rings, int nodesPerRing, long seed) {
        static Settings from(Config config) {
            return new Settings(
                    TypedSettings.intInRange(config, CONFIG_PATH + ".rounds", 0, Integer.MAX_VALUE),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".rings", 0, Integer.MAX_VALUE),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".nodes-per-ring", 1, Integer.MAX_VALUE),
                    TypedSettings.longInRange(config, CONFIG_PATH + ".seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    public GcCollectWorkload() {
    }

    @Override
    public String id() {
        return "gc-collect";
    }

    @Override
    public String description() {
        return "pyperformance gc_collect: rings of linked Node instances, built, dropped and collected, repeated";
    }

    @Override
    public String configPath() {
        return CONFIG_PATH;
    }

    @Override
    public void run(Mutator py, Config config) {
        Settings settings = Settings.from(config);
        Random random = new Random(settings.seed());
        long nodeClass = Roots.bind(py, "Node", py.newClass(ClassSpec.plain("Node")));
        for (int round = 0; round < settings.rounds(); round++) {
            long all = Roots.bind(py, "all_cycles", py.newList());
            for (int r = 0; r < settings.rings(); r++) {
                long first = newNode(py, nodeClass, random);
                long previous = first;
                py.incref(previous);
                for (int n = 1; n < settings.nodesPerRing(); n++) {
                    long node = newNode(py, nodeClass, random);
                    py.setAttr(previous, "next", node);
                    py.setAttr(node, "prev", previous);
                    py.decref(previous);
                    previous = node;
                    py.safePoint();
                }
                // Close the ring: last.next = first; first.prev = last.
                py.setAttr(previous, "next", first);
                py.setAttr(first, "prev", previous);
                py.decref(previous);
                py.listAppend(all, first);
                py.decref(first);
                py.safePoint();
            }
            py.delRoot("all_cycles"); // del all_cycles: every ring is now unreachable
            py.collect();
            py.safePoint();
        }
    }

    private static long newNode(Mutator py, long nodeClass, Random random) {
        long node = py.newInstance(nodeClass);
        Roots.setNew(py, node, "payload", py.newInt(random.nextInt(1 << 16)));
        return node;
    }
}
