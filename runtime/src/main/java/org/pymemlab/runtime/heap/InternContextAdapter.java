package org.pymemlab.runtime.heap;

import org.pymemlab.api.interning.InternContext;

/** What the interning policy may ask of the heap. */
final class InternContextAdapter implements InternContext {

    /** CPython's small ints: a 28-byte PyLongObject padded to 32. */
    private static final int STATIC_INT_STRIDE = 32;

    private final Heap heap;

    InternContextAdapter(Heap heap) {
        this.heap = heap;
    }

    @Override
    public long newStaticInts(long first, int count) {
        return heap.ints.newStatic(first, count, STATIC_INT_STRIDE);
    }

    @Override
    public int staticIntStride() {
        return STATIC_INT_STRIDE;
    }

    @Override
    public long newString(String value) {
        return heap.strs.create(value);
    }

    @Override
    public long newBytes(byte[] value) {
        return heap.bytes.create(value);
    }

    @Override
    public long newEmptyTuple() {
        return heap.tuples.newEmptyForCache();
    }

    @Override
    public void makeStatic(long object) {
        heap.makeStatic(object);
        if (heap.typeOf(object) == heap.builtins.str) {
            heap.strs.cacheUtf8(object);
        }
    }

    @Override
    public boolean internedStringsImmortal() {
        return heap.profile.internedStringsImmortal();
    }

    @Override
    public void markInternedMortal(long str) {
        heap.strs.markInternedMortal(str);
    }

    @Override
    public String stringValue(long str) {
        return heap.strs.value(str);
    }

    @Override
    public long sizeOf(long object) {
        return heap.sizeOf(object);
    }

    @Override
    public void incref(long object) {
        heap.incref(object);
    }

    @Override
    public void decref(long object) {
        heap.decref(object);
    }
}
