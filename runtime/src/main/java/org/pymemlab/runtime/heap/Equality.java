package org.pymemlab.runtime.heap;

import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.runtime.InstanceKeys;
import org.pymemlab.runtime.PyException;
import org.pymemlab.runtime.hash.PyHash;

/**
 * {@code hash()} and {@code ==} as dict and set lookups need them: the built-in types here, instances of the
 * program's classes through the interpreter's {@link InstanceKeys} (asked only when an instance is involved).
 */
final class Equality {

    /** hash(None) in 3.12+ (Objects/object.c: none_hash). */
    private static final long NONE_HASH = 0xFCA86420L;

    private final Heap heap;
    /** The interpreter's __hash__/__eq__, or null (instances by identity). */
    InstanceKeys instanceKeys;

    Equality(Heap heap) {
        this.heap = heap;
    }

    long hash(long op) {
        PyType type = heap.typeOf(op);
        if ((type.builtinBase || type.keyedByValue) && instanceKeys != null) {
            return instanceKeys.hash(op, builtinHash(op, type)); // the subclass may define __hash__
        }
        return builtinHash(op, type);
    }

    private long builtinHash(long op, PyType type) {
        return switch (type.kind) {
            case INT, BOOL -> heap.ints.fitsLong(op)
                    ? PyHash.intHash(heap.ints.longValue(op))
                    : PyHash.intHash(heap.ints.bigValue(op));
            case FLOAT -> PyHash.floatHash(heap.floats.value(op), op);
            case STR -> heap.strs.hash(op);
            case BYTES -> heap.bytes.hash(op);
            case TUPLE -> {
                long n = heap.tuples.size(op);
                long acc = PyHash.tupleHashStart();
                for (long i = 0; i < n; i++) {
                    acc = PyHash.tupleHashAdd(acc, hash(heap.tuples.get(op, i)));
                }
                yield PyHash.tupleHashFinish(acc, n);
            }
            case FROZENSET -> heap.sets.frozensetHash(op);
            case NONE -> heap.profile.constantNoneHash() ? NONE_HASH : PyHash.pointerHash(op);
            case INSTANCE -> instanceKeys == null ? PyHash.pointerHash(op) : instanceKeys.hash(op, PyHash.pointerHash(op));
            case WEAKREF -> weakrefHash(op, type);
            case LIST, DICT, SET -> throw PyException.typeError("unhashable type: '" + type.name + "'");
            default -> PyHash.pointerHash(op);
        };
    }

    /**
     * The built-in's equality, the {@code __eq__} of a built-in's subclass left out (compared by kind: a str
     * subclass's instance equals the same str).
     */
    boolean builtinEqual(long a, long b) {
        PyType ta = heap.typeOf(a);
        PyType tb = heap.typeOf(b);
        if (isNumber(ta.kind) && isNumber(tb.kind)) {
            return numbersEqual(a, ta.kind, b, tb.kind);
        }
        return (ta.kind == tb.kind || isSet(ta.kind) && isSet(tb.kind)) && sameKindEqual(a, ta, b);
    }

    /** weakref_hash: the referent's hash, cached so that a dead weakref keeps it; proxies are unhashable. */
    private long weakrefHash(long op, PyType type) {
        if (heap.weakrefs.isProxy(type)) {
            throw PyException.typeError("unhashable type: '" + type.name + "'");
        }
        long cached = heap.weakrefs.cachedHash(op);
        if (cached != -1) {
            return cached;
        }
        long target = heap.weakrefs.referent(op);
        if (target == 0) {
            throw PyException.typeError("weak object has gone away");
        }
        long h = hash(target);
        heap.weakrefs.cacheHash(op, h);
        return h;
    }

    /** weakref_richcompare: two live weakrefs are equal when their referents are; dead ones only to themselves. */
    private boolean weakrefsEqual(long a, PyType type, long b) {
        long ra = heap.weakrefs.referent(a);
        long rb = heap.weakrefs.referent(b);
        return !heap.weakrefs.isProxy(type) && ra != 0 && rb != 0 && equal(ra, rb);
    }

    boolean equal(long a, long b) {
        if (a == b) {
            return true;
        }
        PyType ta = heap.typeOf(a);
        PyType tb = heap.typeOf(b);
        if ((ta.builtinBase || tb.builtinBase || ta.keyedByValue || tb.keyedByValue) && instanceKeys != null) {
            return instanceKeys.equal(a, b); // the subclass may define __eq__
        }
        if (isNumber(ta.kind) && isNumber(tb.kind)) {
            return numbersEqual(a, ta.kind, b, tb.kind);
        }
        if (ta != tb && !(isSet(ta.kind) && isSet(tb.kind))) {
            return instanceKeys != null && (ta.kind == ObjectKind.INSTANCE || tb.kind == ObjectKind.INSTANCE)
                    && instanceKeys.equal(a, b);
        }
        return sameKindEqual(a, ta, b);
    }

    private boolean sameKindEqual(long a, PyType ta, long b) {
        return switch (ta.kind) {
            case STR -> heap.strs.equal(a, b);
            case BYTES -> heap.bytes.equal(a, b);
            case TUPLE -> sequencesEqual(heap.tuples.size(a), heap.tuples.size(b), a, b, true);
            case LIST -> sequencesEqual(heap.lists.size(a), heap.lists.size(b), a, b, false);
            case SET, FROZENSET -> heap.sets.equalSets(a, b);
            case INSTANCE -> instanceKeys != null && instanceKeys.equal(a, b);
            case WEAKREF -> weakrefsEqual(a, ta, b);
            default -> false;
        };
    }

    private boolean sequencesEqual(long na, long nb, long a, long b, boolean tuple) {
        if (na != nb) {
            return false;
        }
        for (long i = 0; i < na; i++) {
            long x = tuple ? heap.tuples.get(a, i) : heap.lists.get(a, i);
            long y = tuple ? heap.tuples.get(b, i) : heap.lists.get(b, i);
            if (!equal(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(ObjectKind kind) {
        return kind == ObjectKind.INT || kind == ObjectKind.BOOL || kind == ObjectKind.FLOAT;
    }

    private static boolean isSet(ObjectKind kind) {
        return kind == ObjectKind.SET || kind == ObjectKind.FROZENSET;
    }

    private boolean numbersEqual(long a, ObjectKind ka, long b, ObjectKind kb) {
        if (ka == ObjectKind.FLOAT || kb == ObjectKind.FLOAT) {
            double x = ka == ObjectKind.FLOAT ? heap.floats.value(a) : heap.ints.bigValue(a).doubleValue();
            double y = kb == ObjectKind.FLOAT ? heap.floats.value(b) : heap.ints.bigValue(b).doubleValue();
            if (ka != ObjectKind.FLOAT && !heap.ints.fitsLong(a) || kb != ObjectKind.FLOAT && !heap.ints.fitsLong(b)) {
                // exact comparison of a big int with a float
                var bx = ka == ObjectKind.FLOAT ? new java.math.BigDecimal(x) : new java.math.BigDecimal(heap.ints.bigValue(a));
                var by = kb == ObjectKind.FLOAT ? new java.math.BigDecimal(y) : new java.math.BigDecimal(heap.ints.bigValue(b));
                return !Double.isInfinite(x) && !Double.isInfinite(y) && !Double.isNaN(x) && !Double.isNaN(y)
                        && bx.compareTo(by) == 0;
            }
            return x == y;
        }
        if (heap.ints.fitsLong(a) && heap.ints.fitsLong(b)) {
            return heap.ints.longValue(a) == heap.ints.longValue(b);
        }
        return heap.ints.bigValue(a).equals(heap.ints.bigValue(b));
    }
}
