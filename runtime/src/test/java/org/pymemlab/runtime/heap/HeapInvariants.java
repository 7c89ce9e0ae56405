package org.pymemlab.runtime.heap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pymemlab.api.allocator.AllocatorStats;

/**
 * Test-only: the invariants of a heap between two mutator steps, computed from the heap itself.
 *
 * <ul>
 *   <li><b>no dangling reference</b>: every referent of a live object is live or static;</li>
 *   <li><b>refcounts</b>: the refcount of every mortal live object equals the references to it that exist: from
 *       live objects' referents (dict str keys and an instance's class included), from the test's owned
 *       references, the mutator's reference to the globals dict, the interner's reference to each string it
 *       adopted, and the collector's {@code garbage} list;</li>
 *   <li><b>reachability</b>: {@code leaks()} counts exactly the live objects unreachable from the roots
 *       (globals, static objects, interned strings, {@code gc.garbage}); what is also unreachable from the owned
 *       references is returned for the caller to compare with its model;</li>
 *   <li><b>allocator</b>: the tracker saw no bad call; live blocks and bytes agree with the allocator's own
 *       statistics and are never negative; every block a live object points to is live and owned by one object
 *       only; blocks owned by no live object (free lists) are returned for the caller.</li>
 * </ul>
 */
public final class HeapInvariants {

    /** What the check found besides violations. */
    public record Snapshot(Set<Long> unreachable, Set<Long> live, int unownedBlocks, long unownedBytes,
            Set<Long> heldByInterner) {
    }

    private HeapInvariants() {
    }

    /**
     * Checks everything; throws {@link AssertionError} listing every violation.
     *
     * @param owned the references the test owns, one entry per reference (repeats allowed)
     */
    public static Snapshot check(InspectableRuntime rt, TrackingAllocator tracker, long[] owned) {
        List<String> violations = new ArrayList<>(tracker.violations());
        Set<Long> statics = new HashSet<>();
        rt.forEachStatic(statics::add);
        Set<Long> live = new HashSet<>();
        rt.forEachLive(live::add);

        // referents: no dangling pointer; count the references each object receives
        Map<Long, Long> expected = new HashMap<>();
        for (long op : live) {
            rt.referents(op, r -> {
                if (!live.contains(r) && !statics.contains(r)) {
                    violations.add(String.format("%s at 0x%x refers to 0x%x, which is neither live nor static",
                            rt.typeName(op), op, r));
                    return;
                }
                expected.merge(r, 1L, Long::sum);
            });
        }
        for (long o : owned) {
            if (!live.contains(o) && !statics.contains(o)) {
                violations.add(String.format("owned reference 0x%x is neither live nor static", o));
                continue;
            }
            expected.merge(o, 1L, Long::sum);
        }
        expected.merge(rt.globals(), 1L, Long::sum);
        for (long g : rt.collector().garbage()) {
            expected.merge(g, 1L, Long::sum);
        }
        Set<Long> interned = new HashSet<>();
        for (long op : live) {
            if (rt.heldByInterner(op)) {
                interned.add(op);
                if (!statics.contains(op)) {
                    expected.merge(op, 1L, Long::sum);
                }
            }
        }
        if (violations.isEmpty()) {
            for (long op : live) {
                if (statics.contains(op) || rt.isImmortal(op)) {
                    continue;
                }
                long want = expected.getOrDefault(op, 0L);
                long rc = rt.refcount(op);
                if (rc != want) {
                    violations.add(String.format("refcount of %s at 0x%x is %d, but %d references to it exist",
                            rt.typeName(op), op, rc, want));
                }
            }
        }

        // reachability
        List<Long> roots = new ArrayList<>();
        roots.add(rt.globals());
        roots.addAll(statics);
        roots.addAll(interned);
        roots.addAll(rt.collector().garbage());
        Set<Long> fromRoots = reach(rt, roots, live, statics);
        long unreachableFromRoots = live.stream().filter(op -> !fromRoots.contains(op)).count();
        long leaked = rt.leaks().objects();
        if (leaked != unreachableFromRoots) {
            violations.add("leaks() counts " + leaked + " objects, but " + unreachableFromRoots
                    + " live objects are unreachable from the roots");
        }
        List<Long> ownedRoots = new ArrayList<>();
        for (long o : owned) {
            ownedRoots.add(o);
        }
        Set<Long> fromOwned = reach(rt, ownedRoots, live, statics);
        Set<Long> unreachable = new HashSet<>();
        for (long op : live) {
            if (!fromRoots.contains(op) && !fromOwned.contains(op)) {
                unreachable.add(op);
            }
        }

        // allocator blocks
        AllocatorStats stats = tracker.stats();
        if (stats.liveBlocks() < 0 || stats.bytesRequested() < 0) {
            violations.add("negative allocator figures: " + stats);
        }
        if (stats.liveBlocks() != tracker.liveBlockCount()) {
            violations.add("allocator counts " + stats.liveBlocks() + " live blocks, the tracker "
                    + tracker.liveBlockCount());
        }
        if (stats.bytesRequested() != tracker.liveBytes()) {
            violations.add("allocator counts " + stats.bytesRequested() + " bytes requested, the tracker "
                    + tracker.liveBytes());
        }
        Map<Long, Long> owner = new HashMap<>();
        Set<Long> staticTables = new HashSet<>();
        for (long op : live) {
            rt.forEachBlock(op, block -> {
                if (!tracker.isLiveBlock(block)) {
                    if (rt.kind(op) == org.pymemlab.api.collector.ObjectKind.DICT) {
                        staticTables.add(block); // the shared empty keys
                    } else {
                        violations.add(String.format("%s at 0x%x uses block 0x%x, which is not allocated",
                                rt.typeName(op), op, block));
                    }
                    return;
                }
                Long previous = owner.putIfAbsent(block, op);
                if (previous != null) {
                    violations.add(String.format("block 0x%x is owned by both %s at 0x%x and %s at 0x%x", block,
                            rt.typeName(previous), previous, rt.typeName(op), op));
                }
            });
        }
        if (staticTables.size() > 1) {
            violations.add("dicts point to " + staticTables.size() + " different non-allocated keys tables");
        }
        int unowned = 0;
        long unownedBytes = 0;
        for (TrackingAllocator.Block b : tracker.liveBlocks().values()) {
            if (!owner.containsKey(b.address())) {
                unowned++;
                unownedBytes += b.size();
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " heap invariant(s) broken:\n  "
                    + String.join("\n  ", violations.subList(0, Math.min(20, violations.size()))));
        }
        return new Snapshot(unreachable, live, unowned, unownedBytes, interned);
    }

    /** Live objects reachable from {@code from} (static objects are walked through but not reported). */
    public static Set<Long> reach(InspectableRuntime rt, Iterable<Long> from, Set<Long> live, Set<Long> statics) {
        Set<Long> marked = new HashSet<>();
        ArrayDeque<Long> work = new ArrayDeque<>();
        for (long op : from) {
            work.push(op);
        }
        while (!work.isEmpty()) {
            long op = work.pop();
            if ((live.contains(op) || statics.contains(op)) && marked.add(op)) {
                rt.referents(op, work::push);
            }
        }
        return marked;
    }
}
