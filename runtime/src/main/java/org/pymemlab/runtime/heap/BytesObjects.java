package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.pymemlab.api.memory.NativeMemory;

/** bytes: {@code PyBytesObject}: ob_size, ob_shash (−1 until computed), then the content and a NUL. */
final class BytesObjects {

    private static final int SHASH = 24;

    private final Heap heap;
    private final int dataOffset;

    BytesObjects(Heap heap) {
        this.heap = heap;
        this.dataOffset = heap.layout.bytesHeader();
    }

    long newBytes(byte[] value) {
        long cached = heap.interner.cachedBytes(value);
        if (cached != 0) {
            heap.incref(cached);
            return cached;
        }
        return create(value);
    }

    long create(byte[] value) {
        long op = heap.allocObject(heap.builtins.bytes, dataOffset + value.length + 1L);
        putLong(op + Heap.OB_SIZE, value.length);
        putLong(op + SHASH, -1);
        MemorySegment.copy(value, 0, NativeMemory.segment(op + dataOffset, value.length), ValueLayout.JAVA_BYTE, 0,
                value.length);
        return op;
    }

    long length(long op) {
        return getLong(op + Heap.OB_SIZE);
    }

    byte[] value(long op) {
        return NativeMemory.segment(op + dataOffset, length(op)).toArray(ValueLayout.JAVA_BYTE);
    }

    int item(long op, long i) {
        return NativeMemory.getByte(op + dataOffset + i) & 0xff;
    }

    byte[] range(long op, long start, long end) {
        return NativeMemory.segment(op + dataOffset + start, end - start).toArray(ValueLayout.JAVA_BYTE);
    }

    long hash(long op) {
        long h = getLong(op + SHASH);
        if (h == -1) {
            h = heap.hashing.bytesHash(op + dataOffset, length(op));
            putLong(op + SHASH, h);
        }
        return h;
    }

    boolean equal(long a, long b) {
        long n = length(a);
        return n == length(b)
                && NativeMemory.segment(a + dataOffset, n).mismatch(NativeMemory.segment(b + dataOffset, n)) == -1;
    }

    long sizeOf(long op) {
        return dataOffset + length(op) + 1;
    }

    void dealloc(long op, PyType type) {
        heap.freeObject(op, type);
    }
}
