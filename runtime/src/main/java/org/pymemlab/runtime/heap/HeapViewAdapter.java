package org.pymemlab.runtime.heap;

import java.io.PrintStream;
import java.util.function.LongConsumer;
import org.pymemlab.api.collector.HeapView;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.collector.ReferentVisitor;

/**
 * The {@link HeapView} collectors are given. It exists before the heap (the collector is built first, and
 * the heap asks the collector for its header size), and is bound to the heap once the heap is up.
 */
public final class HeapViewAdapter implements HeapView {

    private Heap heap;

    void bind(Heap heap) {
        this.heap = heap;
    }

    // Called on every reference a collector visits: the check stays tiny, the failure out of line.
    private Heap heap() {
        Heap h = heap;
        if (h == null) {
            throw notBound();
        }
        return h;
    }

    private static IllegalStateException notBound() {
        return new IllegalStateException("the heap is not built yet: a collector must not use the heap view"
                + " in its constructor");
    }

    @Override
    public long refcount(long object) {
        return heap().refcount(object);
    }

    @Override
    public boolean isImmortal(long object) {
        return heap().isImmortal(object);
    }

    @Override
    public void incref(long object) {
        heap().incref(object);
    }

    @Override
    public void decref(long object) {
        heap().decref(object);
    }

    @Override
    public boolean isGcType(long object) {
        return heap().isGcType(object);
    }

    @Override
    public ObjectKind kind(long object) {
        return heap().typeOf(object).kind;
    }

    @Override
    public String typeName(long object) {
        return heap().typeOf(object).name;
    }

    @Override
    public long typeOf(long object) {
        return heap().typeOf(object).address;
    }

    @Override
    public void traverse(long object, ReferentVisitor visitor) {
        heap().traverse(object, visitor);
    }

    @Override
    public int referents(long object, long[] buffer) {
        return heap().referents(object, buffer);
    }

    @Override
    public boolean referentArray(long object, long[] span) {
        return heap().referentArray(object, span);
    }

    @Override
    public void clear(long object) {
        heap().clear(object);
    }

    @Override
    public boolean hasFinalizer(long object) {
        return heap().typeOf(object).finalizer != null;
    }

    @Override
    public boolean hasLegacyFinalizer(long object) {
        return false;
    }

    @Override
    public boolean isFinalized(long object) {
        return heap().isFinalized(object);
    }

    @Override
    public void finalize(long object) {
        Heap h = heap();
        PyType type = h.typeOf(object);
        if (type.finalizer != null && !h.isFinalized(object)) {
            h.runFinalizer(object, type);
        }
    }

    @Override
    public boolean hasWeakrefs(long object) {
        return heap().weakrefs.hasWeakrefs(object);
    }

    @Override
    public void forEachWeakref(long object, LongConsumer action) {
        heap().weakrefs.forEach(object, action);
    }

    @Override
    public void clearWeakref(long weakref) {
        heap().weakrefs.clearKeepingCallback(weakref);
    }

    @Override
    public boolean weakrefHasCallback(long weakref) {
        return heap().weakrefs.hasCallback(weakref);
    }

    @Override
    public void invokeWeakrefCallback(long weakref) {
        heap().weakrefs.invokeCallback(weakref);
    }

    @Override
    public boolean mayUntrack(long object) {
        Heap h = heap();
        PyType type = h.typeOf(object);
        if (type.heapType) {
            return false; // the collector untracks exact tuples and dicts only
        }
        return switch (type.kind) {
            case TUPLE -> h.tuples.mayUntrack(object);
            case DICT -> h.dicts.mayUntrack(object);
            default -> false;
        };
    }

    @Override
    public void clearFreeLists() {
        heap().clearFreeLists();
    }

    @Override
    public long sizeOf(long object) {
        return heap().sizeOf(object);
    }

    @Override
    public String repr(long object) {
        return Repr.of(heap(), object);
    }

    @Override
    public PrintStream debugOutput() {
        return heap().errors();
    }
}
