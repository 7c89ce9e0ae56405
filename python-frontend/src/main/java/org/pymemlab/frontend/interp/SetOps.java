package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_DICT;
import static org.pymemlab.frontend.interp.Interp.K_FROZENSET;
import static org.pymemlab.frontend.interp.Interp.K_SET;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The set algebra of CPython's setobject.c, step for step, so that results have CPython's tables (sizes) and
 * iteration order: copies merge ({@code set_merge}), differences copy and discard or add the survivors, an
 * intersection adds the smaller set's common items, in-place forms discard and add in place and then rebuild
 * a table that is more than a quarter dummies. Results of a frozenset's operations are frozensets, built in
 * place before anyone sees them, as CPython builds them.
 */
final class SetOps {

    private SetOps() {
    }

    private static boolean isSet(Interp in, long o) {
        int k = in.kind(o);
        return k == K_SET || k == K_FROZENSET;
    }

    private static boolean isExactDict(Interp in, long o) {
        return in.kind(o) == K_DICT && !in.classOf(o).builtinSubclass;
    }

    /** make_new_set_basetype(type(so), NULL): an empty set, or frozenset for a frozenset. New reference. */
    private static long newLike(Interp in, long so) {
        return in.kind(so) == K_FROZENSET ? in.m.newFrozenSet() : in.m.newSet();
    }

    /** Calls {@code action} with each item of an iterable (borrowed for the call). */
    private static void forEachItem(Interp in, long iterable, LongConsumer action) {
        long[] items = Interp.toArray(in.toList(iterable));
        try {
            for (long x : items) {
                action.accept(x);
            }
        } finally {
            in.release(items);
        }
    }

    /** Runs {@code fill} on a new set, which is released if it throws. */
    private static long building(Interp in, long set, LongConsumer fill) {
        try {
            fill.accept(set);
        } catch (RuntimeException e) {
            in.m.decref(set);
            throw e;
        }
        return set;
    }

    /** set_update_internal: a set or an exact dict merged after one resize, anything else added item by item. */
    static void update(Interp in, long so, long other) {
        if (!in.os.setUpdateFrom(so, other)) {
            forEachItem(in, other, x -> in.os.buildingSetAdd(so, x));
        }
    }

    /** set_copy. New reference. */
    static long copy(Interp in, long so) {
        return building(in, newLike(in, so), r -> in.os.setUpdateFrom(r, so));
    }

    /** set.union(*others) and {@code |}: a copy, then each other merged or added. New reference. */
    static long union(Interp in, long so, long... others) {
        return building(in, copy(in, so), r -> {
            for (long other : others) {
                if (other != so) {
                    update(in, r, other);
                }
            }
        });
    }

    /**
     * The items set_intersection adds to its result, in the order it adds them: a set's smaller side (the other
     * on a tie) iterated against the larger; any other iterable's items that {@code so} holds. New references.
     */
    private static List<Long> intersectionOrder(Interp in, long so, long other) {
        List<Long> added = new ArrayList<>();
        if (isSet(in, other)) {
            boolean swap = in.m.len(other) > in.m.len(so);
            long probed = swap ? other : so;
            for (long key : in.m.setItems(swap ? so : other)) {
                if (in.m.setContains(probed, key)) {
                    added.add(in.incref(key));
                }
            }
        } else {
            forEachItem(in, other, key -> {
                if (in.m.setContains(so, key)) {
                    added.add(in.incref(key)); // the iterable's own object, as CPython adds it
                }
            });
        }
        return added;
    }

    /** set_intersection. New reference. */
    static long intersection(Interp in, long so, long other) {
        if (so == other) {
            return copy(in, so);
        }
        long[] added = Interp.toArray(intersectionOrder(in, so, other));
        try {
            return building(in, newLike(in, so), r -> {
                for (long key : added) {
                    in.os.buildingSetAdd(r, key);
                }
            });
        } finally {
            in.release(added);
        }
    }

    /** set.intersection(*others): each other intersected in turn. New reference. */
    static long intersection(Interp in, long so, long... others) {
        if (others.length == 0) {
            return copy(in, so);
        }
        long result = in.incref(so);
        for (long other : others) {
            try {
                long next = intersection(in, result, other);
                in.m.decref(result);
                result = next;
            } catch (RuntimeException e) {
                in.m.decref(result);
                throw e;
            }
        }
        return result;
    }

    /**
     * set.intersection_update and {@code &=}: CPython swaps the intersection's table into the set, the same as
     * emptying the set and adding the intersection's items in the order the intersection added them.
     */
    static void intersectionUpdate(Interp in, long so, long... others) {
        if (others.length == 0) {
            return;
        }
        long[] head = java.util.Arrays.copyOf(others, others.length - 1);
        long base = head.length == 0 ? in.incref(so) : intersection(in, so, head);
        long last = others[others.length - 1];
        long[] keys;
        try {
            if (base == last) {
                keys = Interp.toArray(in.m.setItems(base));
                for (long key : keys) {
                    in.incref(key); // the set is emptied below: its items must live on
                }
            } else {
                keys = Interp.toArray(intersectionOrder(in, base, last));
            }
        } finally {
            in.m.decref(base);
        }
        try {
            in.os.setClear(so);
            for (long key : keys) {
                in.os.buildingSetAdd(so, key);
            }
        } finally {
            in.release(keys);
        }
    }

    /** set_difference_update_internal (set.difference_update, {@code -=}). */
    static void differenceUpdate(Interp in, long so, long other) {
        if (so == other) {
            in.os.setClear(so);
            return;
        }
        if (isSet(in, other)) {
            // an other more than eight times larger: its intersection with the set is iterated instead
            boolean narrowed = (in.m.len(other) >> 3) > in.m.len(so);
            long source = narrowed ? intersection(in, so, other) : other;
            try {
                for (long key : in.m.setItems(source)) {
                    in.os.buildingSetDiscard(so, key);
                }
            } finally {
                if (narrowed) {
                    in.m.decref(source);
                }
            }
        } else {
            forEachItem(in, other, key -> in.os.buildingSetDiscard(so, key));
        }
        in.os.setResizeAwayDummies(so);
    }

    /** set_difference ({@code -}): a copy with discards when the other is small or not a set or dict. New reference. */
    static long difference(Interp in, long so, long other) {
        boolean dict = isExactDict(in, other);
        if (!isSet(in, other) && !dict || (in.m.len(so) >> 2) > in.m.len(other)) {
            return building(in, copy(in, so), r -> differenceUpdate(in, r, other));
        }
        return building(in, newLike(in, so), r -> {
            for (long key : in.m.setItems(so)) {
                boolean held = dict ? in.m.dictGet(other, key) != 0 : in.m.setContains(other, key);
                if (!held) {
                    in.os.buildingSetAdd(r, key);
                }
            }
        });
    }

    /** set.difference(*others): the first difference, then the others discarded from it. New reference. */
    static long difference(Interp in, long so, long... others) {
        if (others.length == 0) {
            return copy(in, so);
        }
        return building(in, difference(in, so, others[0]), r -> {
            for (int i = 1; i < others.length; i++) {
                differenceUpdate(in, r, others[i]);
            }
        });
    }

    /** set_symmetric_difference_update ({@code ^=}): each of the other's items discarded when present, else added. */
    static void symmetricDifferenceUpdate(Interp in, long so, long other) {
        if (so == other) {
            in.os.setClear(so);
            return;
        }
        if (isExactDict(in, other)) {
            for (long key : in.m.dictKeys(other)) {
                toggle(in, so, key);
            }
            return;
        }
        boolean made = !isSet(in, other);
        long otherSet = made ? building(in, newLike(in, so), r -> update(in, r, other)) : other;
        try {
            for (long key : in.m.setItems(otherSet)) {
                toggle(in, so, key);
            }
        } finally {
            if (made) {
                in.m.decref(otherSet);
            }
        }
    }

    private static void toggle(Interp in, long so, long key) {
        if (!in.os.buildingSetDiscard(so, key)) {
            in.os.buildingSetAdd(so, key);
        }
    }

    /** set_symmetric_difference ({@code ^}): the other's items first, then this set's toggled in. New reference. */
    static long symmetricDifference(Interp in, long so, long other) {
        return building(in, newLike(in, so), r -> {
            update(in, r, other);
            symmetricDifferenceUpdate(in, r, so);
        });
    }
}
