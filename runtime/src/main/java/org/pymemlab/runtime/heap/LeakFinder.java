package org.pymemlab.runtime.heap;

import org.pymemlab.api.collections.LongHashSet;

import java.util.Map;
import java.util.TreeMap;
import org.pymemlab.runtime.LeakReport;

/**
 * Marks everything reachable from the roots (the globals dict, what the interner and the collector's
 * {@code garbage} hold) and reports the live objects left unmarked: allocated, but no longer reachable.
 */
final class LeakFinder {

    private LeakFinder() {
    }

    static LeakReport find(Heap heap, long globals) {
        LongHashSet marked = new LongHashSet(1024);
        LongStack work = new LongStack();
        work.push(globals);
        for (long held : heap.collector.garbage()) {
            work.push(held);
        }
        heap.forEachStatic(work::push);
        heap.forEachLive(op -> {
            // strings the interner holds a counted reference to are roots (a mortal interned one it does not count)
            if (heap.typeOf(op).kind == org.pymemlab.api.collector.ObjectKind.STR && heap.interner.isInterned(op)
                    && !heap.strs.isInternedMortal(op)) {
                work.push(op);
            }
        });
        while (!work.isEmpty()) {
            long op = work.pop();
            if (marked.add(op)) {
                heap.referents(op, work::push);
            }
        }
        long[] count = new long[2];
        Map<String, Long> byType = new TreeMap<>();
        heap.forEachLive(op -> {
            if (!marked.contains(op)) {
                count[0]++;
                count[1] += heap.sizeOf(op);
                byType.merge(heap.typeOf(op).name, 1L, Long::sum);
            }
        });
        return new LeakReport(count[0], count[1], byType);
    }
}
