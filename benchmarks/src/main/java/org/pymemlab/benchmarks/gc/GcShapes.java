package org.pymemlab.benchmarks.gc;

import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;

/**
 * The heap shapes of pyperformance's {@code gc_collect} and {@code gc_traversal}, built through the Java API
 * exactly as {@code tools/bench/gc_bench.py} builds them on CPython.
 *
 * <p>Automatic collection is disabled while building (the Python script calls {@code gc.disable()}), so the
 * timed {@code collect()} finds the whole shape in generation 0 ({@code gc_collect}) or wherever the build
 * left it ({@code gc_traversal}).
 */
public final class GcShapes {

    private GcShapes() {
    }

    /**
     * pyperformance {@code bm_gc_collect}: {@code rings} rings of {@code 1 + links} {@code Node} instances,
     * each node's {@code next} pointing at the following node and its {@code prev} at the previous one
     * ({@code Node.link_next}). The rings are garbage once built: the caller's references are dropped.
     *
     * @return the number of objects built (all of them garbage)
     */
    public static long buildRings(Mutator m, long nodeClass, int rings, int links) {
        for (int r = 0; r < rings; r++) {
            long first = m.newInstance(nodeClass);
            m.setAttr(first, "next", m.none());
            m.setAttr(first, "prev", m.none());
            long current = first;
            for (int i = 0; i < links; i++) {
                long next = m.newInstance(nodeClass);
                m.setAttr(next, "next", m.none());
                m.setAttr(next, "prev", m.none());
                linkNext(m, current, next);
                if (current != first) {
                    m.decref(current); // the ring holds it now
                }
                current = next;
            }
            linkNext(m, current, first);
            if (current != first) {
                m.decref(current);
            }
            m.decref(first); // the whole ring is garbage now
        }
        return (long) rings * (links + 1);
    }

    /** {@code Node.link_next}: {@code self.next = next; self.next.prev = self}. */
    private static void linkNext(Mutator m, long self, long next) {
        m.setAttr(self, "next", next);
        m.setAttr(next, "prev", self);
    }

    /** The {@code Node} class of {@code bm_gc_collect} ({@code class Node:} with a {@code __dict__}). New reference. */
    public static long nodeClass(Mutator m) {
        return m.newClass(ClassSpec.plain("Node"));
    }

    /**
     * pyperformance {@code bm_gc_traversal}: {@code levels} lists, the list of level {@code n} holding
     * {@code n} references to the list of level {@code n - 1} ({@code [None] * n} filled in), all alive.
     * Bound to the root {@code name}.
     *
     * @return the number of lists built
     */
    public static long buildLevels(Mutator m, String name, int levels) {
        long current = m.newList();
        for (int n = 0; n < levels; n++) {
            long[] items = new long[n];
            java.util.Arrays.fill(items, current);
            long next = m.newList(items); // [None] * n: exact allocation, as BUILD_LIST / list_repeat
            m.decref(current);
            current = next;
        }
        m.setRoot(name, current);
        m.decref(current);
        return levels;
    }
}
