package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_DICTVIEW;
import static org.pymemlab.frontend.interp.Interp.K_FROZENSET;
import static org.pymemlab.frontend.interp.Interp.K_SET;
import static org.pymemlab.frontend.interp.Interp.K_TUPLE;

import org.pymemlab.frontend.ast.Ops.BinOpKind;
import org.pymemlab.frontend.ast.Ops.CmpOpKind;

/**
 * dict_keys, dict_values and dict_items: the views dict.keys(), values() and items() return (dictobject.c). A
 * view is a GC object holding its dict (24 bytes, 40 with the GC header) and answers len, {@code in},
 * iteration and reversal from the dict as it is at that moment. Keys and items views are also set-like: the
 * set operators make a set as CPython's dictviews_* functions do, and the comparisons test containment.
 */
final class DictViews {

    static final int KEYS = 0;
    static final int VALUES = 1;
    static final int ITEMS = 2;

    static final String[] NAMES = {"dict_keys", "dict_values", "dict_items"};

    private DictViews() {
    }

    /** A view of the dict (borrowed). New reference. */
    static long create(Interp in, long dict, int what) {
        long view = in.os.newHostObject(in.dictViewTypes[what]);
        in.os.setHostSlot(view, 0, dict);
        return view;
    }

    /** Which view it is: {@link #KEYS}, {@link #VALUES} or {@link #ITEMS}. */
    static int what(Interp in, long view) {
        long type = in.os.typeOf(view);
        return type == in.dictViewTypes[KEYS] ? KEYS : type == in.dictViewTypes[VALUES] ? VALUES : ITEMS;
    }

    /** The viewed dict. Borrowed. */
    static long dict(Interp in, long view) {
        return in.os.hostSlot(view, 0);
    }

    /** PyDictViewSet_Check: a keys or items view. */
    static boolean setLike(Interp in, long o) {
        return in.kind(o) == K_DICTVIEW && what(in, o) != VALUES;
    }

    private static boolean anySet(Interp in, long o) {
        int k = in.kind(o);
        return k == K_SET || k == K_FROZENSET;
    }

    static long len(Interp in, long view) {
        return in.m.len(dict(in, view));
    }

    static long iter(Interp in, long view) {
        return in.dictIter(dict(in, view), what(in, view), false);
    }

    static long reversed(Interp in, long view) {
        return in.dictIter(dict(in, view), what(in, view), true);
    }

    /** {@code item in view}: a key lookup, dictitems_contains, or the values searched in order. */
    static boolean contains(Interp in, long view, long item) {
        long d = dict(in, view);
        switch (what(in, view)) {
            case KEYS:
                return in.m.dictGet(d, item) != 0;
            case ITEMS: {
                if (in.kind(item) != K_TUPLE || in.m.len(item) != 2) {
                    return false;
                }
                long found = in.m.dictGet(d, in.m.tupleGet(item, 0));
                return found != 0 && in.eq(found, in.m.tupleGet(item, 1));
            }
            default:
                // no sq_contains: PySequence_Contains iterates, comparing each value with the item
                return anyItem(in, view, v -> in.eq(v, item));
        }
    }

    /** dictview_repr: the type's name around the list of what iteration gives. */
    static String repr(Interp in, long view) {
        long it = iter(in, view);
        long list = in.m.newList();
        try {
            for (long v = in.next(it); v != 0; v = in.next(it)) {
                in.m.listAppend(list, v);
                in.m.decref(v);
            }
            return NAMES[what(in, view)] + "(" + in.repr(list) + ")";
        } finally {
            in.m.decref(it);
            in.m.decref(list);
        }
    }

    /**
     * {@code &}, {@code |}, {@code -}, {@code ^} with a keys or items view on either side (augmented forms alike:
     * views have no in-place slots, and a set's decline a view). 0 when neither operand is such a view.
     */
    static long setOperator(Interp in, BinOpKind op, long a, long b) {
        if (!setLike(in, a) && !setLike(in, b)) {
            return 0;
        }
        if (op == BinOpKind.BITAND) {
            return intersect(in, a, b);
        }
        // dictviews_or, _sub, _xor: a set of the left operand, updated with the right one
        long result = toSet(in, a);
        try {
            switch (op) {
                case BITOR -> SetOps.update(in, result, b);
                case SUB -> SetOps.differenceUpdate(in, result, b);
                default -> SetOps.symmetricDifferenceUpdate(in, result, b);
            }
        } catch (RuntimeException e) {
            in.m.decref(result);
            throw e;
        }
        return result;
    }

    /** dictviews_to_set: a set of a keys view's dict (merged in one go), or of any other iterable's items. */
    private static long toSet(Interp in, long self) {
        long source = in.kind(self) == K_DICTVIEW && what(in, self) == KEYS ? dict(in, self) : self;
        long set = in.m.newSet();
        try {
            SetOps.update(in, set, source);
        } catch (RuntimeException e) {
            in.m.decref(set);
            throw e;
        }
        return set;
    }

    /**
     * _PyDictView_Intersect: a set at least as large as the view intersects by set.intersection; otherwise the
     * smaller operand is iterated and each of its items kept when the larger view holds it.
     */
    private static long intersect(Interp in, long self, long other) {
        if (!setLike(in, self)) {
            long t = self;
            self = other;
            other = t;
        }
        long lenSelf = len(in, self);
        if (in.kind(other) == K_SET && !in.classOf(other).builtinSubclass && lenSelf <= in.m.len(other)) {
            return SetOps.intersection(in, other, self);
        }
        if (setLike(in, other) && len(in, other) > lenSelf) {
            long t = self;
            self = other;
            other = t;
        }
        long result = in.m.newSet();
        try {
            long it = in.iter(other);
            try {
                for (long x = in.next(it); x != 0; x = in.next(it)) {
                    try {
                        if (contains(in, self, x)) {
                            in.m.setAdd(result, x);
                        }
                    } finally {
                        in.m.decref(x);
                    }
                }
            } finally {
                in.m.decref(it);
            }
        } catch (RuntimeException e) {
            in.m.decref(result);
            throw e;
        }
        return result;
    }

    /**
     * dictview_richcompare: a keys or items view against a set or another such view, by size and containment;
     * null when it does not apply (a values view, which compares by identity, or any other operand).
     */
    static Boolean compare(Interp in, CmpOpKind op, long a, long b) {
        if (!setLike(in, a)) {
            if (!setLike(in, b) || !anySet(in, a)) {
                return null;
            }
            return compare(in, Operators.swapped(op), b, a); // the set declined: the view's reflected comparison
        }
        if (!anySet(in, b) && !setLike(in, b)) {
            return null;
        }
        long la = size(in, a);
        long lb = size(in, b);
        return switch (op) {
            case EQ -> la == lb && allContainedIn(in, a, b);
            case NOT_EQ -> !(la == lb && allContainedIn(in, a, b));
            case LT -> la < lb && allContainedIn(in, a, b);
            case LT_E -> la <= lb && allContainedIn(in, a, b);
            case GT -> la > lb && allContainedIn(in, b, a);
            case GT_E -> la >= lb && allContainedIn(in, b, a);
            default -> null;
        };
    }

    private static long size(Interp in, long o) {
        return in.kind(o) == K_DICTVIEW ? len(in, o) : in.m.len(o);
    }

    private static boolean allContainedIn(Interp in, long self, long other) {
        return !anyItem(in, self, x -> !Operators.contains(in, other, x));
    }

    /** dictviews_isdisjoint: iterates the smaller when both are sets or set-like views, else the argument. */
    static boolean isdisjoint(Interp in, long self, long other) {
        if (self == other) {
            return len(in, self) == 0;
        }
        boolean swap = (anySet(in, other) || setLike(in, other)) && size(in, other) > len(in, self);
        long container = swap ? other : self;
        return !anyItem(in, swap ? self : other, x -> Operators.contains(in, container, x));
    }

    /** Whether an item of the iterable passes the test (borrowed for it); iteration stops at the first that does. */
    private static boolean anyItem(Interp in, long iterable, java.util.function.LongPredicate test) {
        long it = in.iter(iterable);
        try {
            for (long x = in.next(it); x != 0; x = in.next(it)) {
                try {
                    if (test.test(x)) {
                        return true;
                    }
                } finally {
                    in.m.decref(x);
                }
            }
            return false;
        } finally {
            in.m.decref(it);
        }
    }

    /** A view's attributes: isdisjoint on keys and items views. New reference, or 0 when it has none by that name. */
    static long attribute(Interp in, long view, String name) {
        if (name.equals("isdisjoint") && setLike(in, view)) {
            return in.newBuiltin("isdisjoint", view, (i, self, a, kw) -> {
                if (Builtins.npos(a, kw) != 1 || kw != null && kw.length > 0) {
                    throw i.typeError(NAMES[what(i, self)] + ".isdisjoint() takes exactly one argument (" + Builtins.npos(a, kw)
                            + " given)");
                }
                return i.bool(isdisjoint(i, self, a[0]));
            });
        }
        if (name.equals("mapping")) {
            return MappingProxies.create(in, dict(in, view));
        }
        return name.equals("__class__") ? in.incref(in.os.typeOf(view)) : 0;
    }
}
