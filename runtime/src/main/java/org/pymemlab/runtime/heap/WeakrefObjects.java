package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.runtime.PyException;
import org.pymemlab.runtime.WeakrefCallback;

/**
 * weakref.ref and weakref.proxy: {@code PyWeakReference} (wr_object, wr_callback, hash, wr_prev, wr_next, vectorcall). The
 * weak references to an object form a doubly linked list whose head lives in the object (its weaklist
 * slot): the ref without a callback first, then the proxy without one, then the others newest first, as
 * weakrefobject.c keeps them (those two are shared by every caller that asks for one without a callback).
 * A dead weakref's wr_object is 0. Callbacks are Java objects, kept beside the list by weakref address.
 */
final class WeakrefObjects {

    private static final int WR_OBJECT = 16;
    private static final int WR_CALLBACK = 24;
    private static final int HASH = 32;
    private static final int WR_PREV = 40;
    private static final int WR_NEXT = 48;
    /** PyTypeObject's tp_weaklist field. */
    private static final int TP_WEAKLIST = 368;
    /** PySetObject's weakreflist field. */
    private static final int SET_WEAKLIST = 192;

    private final Heap heap;
    private final Map<Long, WeakrefCallback> callbacks = new HashMap<>();

    WeakrefObjects(Heap heap) {
        this.heap = heap;
    }

    /** Address of the object's weaklist head, or 0 when its type takes no weak references. */
    long weaklistAddress(long op, PyType type) {
        return switch (type.kind) {
            case SET, FROZENSET -> op + SET_WEAKLIST;
            case INSTANCE, LIST, DICT, FLOAT, STR -> type.weaklistOffset >= 0
                    ? op + type.weaklistOffset
                    : type.weakrefable ? op - heap.gcHeader - 8 : 0;
            // a class made by the program: PyTypeObject's tp_weaklist (static types are too small here)
            case TYPE -> heap.typeByAddress(op).heapType ? op + TP_WEAKLIST : 0;
            default -> type.hostWeaklistOffset >= 0 ? op + type.hostWeaklistOffset : 0;
        };
    }

    long newWeakref(long target, WeakrefCallback callback) {
        return newReference(target, callback, heap.builtins.weakref);
    }

    /** weakref.proxy: a ProxyType, or a CallableProxyType when the target is callable. */
    long newProxy(long target, boolean callable, WeakrefCallback callback) {
        return newReference(target, callback, callable ? heap.builtins.weakCallableProxy : heap.builtins.weakProxy);
    }

    boolean isProxy(PyType type) {
        return type == heap.builtins.weakProxy || type == heap.builtins.weakCallableProxy;
    }

    private long newReference(long target, WeakrefCallback callback, PyType kind) {
        PyType type = heap.typeOf(target);
        long head = weaklistAddress(target, type);
        if (head == 0) {
            throw PyException.typeError("cannot create weak reference to '" + type.name + "' object");
        }
        // get_basic_refs: the shared ref and proxy without callbacks, at the head of the list in that order
        long first = getLong(head);
        long basicRef = first != 0 && heap.typeOf(first) == heap.builtins.weakref && !callbacks.containsKey(first)
                ? first : 0;
        long afterRef = basicRef != 0 ? getLong(basicRef + WR_NEXT) : first;
        long basicProxy = afterRef != 0 && isProxy(heap.typeOf(afterRef)) && !callbacks.containsKey(afterRef)
                ? afterRef : 0;
        boolean proxy = kind != heap.builtins.weakref;
        if (callback == null) {
            long shared = proxy ? basicProxy : basicRef;
            if (shared != 0) {
                heap.incref(shared);
                return shared;
            }
        }
        long wr = heap.allocObject(kind, heap.layout.weakrefSize());
        putLong(wr + WR_OBJECT, target);
        putLong(wr + HASH, -1);
        if (callback != null) {
            callbacks.put(wr, callback);
        }
        long prev = callback == null ? (proxy ? basicRef : 0) : basicProxy != 0 ? basicProxy : basicRef;
        if (prev != 0) {
            insertAfter(wr, prev);
        } else {
            insertHead(wr, head);
        }
        heap.collector.track(wr);
        return wr;
    }

    private static void insertHead(long wr, long head) {
        long next = getLong(head);
        putLong(wr + WR_PREV, 0);
        putLong(wr + WR_NEXT, next);
        if (next != 0) {
            putLong(next + WR_PREV, wr);
        }
        putLong(head, wr);
    }

    private static void insertAfter(long wr, long prev) {
        long next = getLong(prev + WR_NEXT);
        putLong(wr + WR_PREV, prev);
        putLong(wr + WR_NEXT, next);
        if (next != 0) {
            putLong(next + WR_PREV, wr);
        }
        putLong(prev + WR_NEXT, wr);
    }

    long referent(long wr) {
        return getLong(wr + WR_OBJECT);
    }

    /** The hash a weakref cached when first hashed (its referent's), or −1. */
    long cachedHash(long wr) {
        return getLong(wr + HASH);
    }

    void cacheHash(long wr, long hash) {
        putLong(wr + HASH, hash);
    }

    boolean hasCallback(long wr) {
        return callbacks.containsKey(wr);
    }

    /** _PyWeakref_ClearRef: unlink and forget the referent; the callback stays. */
    void clearKeepingCallback(long wr) {
        long target = getLong(wr + WR_OBJECT);
        if (target == 0) {
            return;
        }
        long head = weaklistAddress(target, heap.typeOf(target));
        long prev = getLong(wr + WR_PREV);
        long next = getLong(wr + WR_NEXT);
        if (prev != 0) {
            putLong(prev + WR_NEXT, next);
        } else {
            putLong(head, next);
        }
        if (next != 0) {
            putLong(next + WR_PREV, prev);
        }
        putLong(wr + WR_PREV, 0);
        putLong(wr + WR_NEXT, 0);
        putLong(wr + WR_OBJECT, 0);
    }

    /** clear_weakref (also tp_clear): unlink and drop the callback. */
    void clearReference(long wr) {
        clearKeepingCallback(wr);
        callbacks.remove(wr);
    }

    void forEach(long op, LongConsumer action) {
        long head = weaklistAddress(op, heap.typeOf(op));
        if (head == 0) {
            return;
        }
        long wr = getLong(head);
        while (wr != 0) {
            long next = getLong(wr + WR_NEXT);
            action.accept(wr);
            wr = next;
        }
    }

    boolean hasWeakrefs(long op) {
        long head = weaklistAddress(op, heap.typeOf(op));
        return head != 0 && getLong(head) != 0;
    }

    /** Runs a weakref's callback with the weakref kept alive meanwhile; errors are reported, not thrown. */
    void invokeCallback(long wr) {
        WeakrefCallback callback = callbacks.remove(wr);
        if (callback == null) {
            return;
        }
        heap.incref(wr);
        try {
            callback.call(heap.mutator(), wr);
        } catch (RuntimeException e) {
            heap.reportIgnored("weakref callback", wr, e);
        } finally {
            heap.decref(wr);
        }
    }

    /** PyObject_ClearWeakRefs: the object is dying; clear every weakref, then call the callbacks in list order. */
    void clearAll(long op, PyType type) {
        long head = weaklistAddress(op, type);
        if (head != 0 && getLong(head) != 0) {
            clearAll(head); // rare: out of line, so that every dealloc's check stays small
        }
    }

    private void clearAll(long head) {
        LongStack withCallbacks = new LongStack();
        long wr = getLong(head);
        while (wr != 0) {
            long next = getLong(wr + WR_NEXT);
            clearKeepingCallback(wr);
            if (callbacks.containsKey(wr)) {
                withCallbacks.push(wr);
                heap.incref(wr);
            }
            wr = next;
        }
        long[] order = new long[withCallbacks.size()];
        for (int i = order.length - 1; i >= 0; i--) {
            order[i] = withCallbacks.pop();
        }
        for (long ref : order) {
            invokeCallback(ref);
            heap.decref(ref);
        }
    }

    boolean isWeakref(long op) {
        return heap.typeOf(op).kind == ObjectKind.WEAKREF;
    }

    void dealloc(long op, PyType type) {
        heap.collector.untrack(op);
        clearReference(op);
        heap.freeObject(op, type);
    }
}
