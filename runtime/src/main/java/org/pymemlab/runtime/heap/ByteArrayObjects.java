package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.memory.NativeMemory;
import org.pymemlab.runtime.PyException;

/**
 * bytearray: {@code PyByteArrayObject} of 3.11–3.13 (ob_size, ob_alloc, ob_bytes, ob_start, ob_exports), its
 * content in a separate PyObject_Malloc block (the OBJECT domain). The buffer grows and shrinks as {@code PyByteArray_Resize}
 * decides, and deleting from the front only moves {@code ob_start} ({@code bytearray_setslice_linear}), so
 * {@code sys.getsizeof} (the object plus ob_alloc) follows CPython's through every operation. While a memoryview
 * exports the buffer (ob_exports above 0) nothing may resize it: BufferError, as {@code _canresize} raises.
 */
final class ByteArrayObjects {

    static final int SIZE = 56;
    private static final int ALLOC = 24;
    private static final int BYTES = 32;
    private static final int START = 40;
    private static final int EXPORTS = 48;

    private final Heap heap;

    ByteArrayObjects(Heap heap) {
        this.heap = heap;
    }

    /** PyByteArray_FromStringAndSize: no buffer for an empty one, else exactly the content and a NUL. */
    long create(byte[] value) {
        long op = heap.allocObject(heap.builtins.bytearray, SIZE);
        putLong(op + ALLOC, 0);
        putLong(op + BYTES, 0);
        putLong(op + START, 0);
        putLong(op + EXPORTS, 0);
        putLong(op + Heap.OB_SIZE, 0);
        if (value.length > 0) {
            long buffer;
            try {
                buffer = heap.malloc(MemoryDomain.OBJECT, value.length + 1L);
            } catch (PyException e) {
                heap.decref(op);
                throw e;
            }
            putLong(op + BYTES, buffer);
            putLong(op + START, buffer);
            putLong(op + ALLOC, value.length + 1L);
            putLong(op + Heap.OB_SIZE, value.length);
            write(op, 0, value);
            NativeMemory.putByte(buffer + value.length, (byte) 0);
        }
        return op;
    }

    long length(long op) {
        return getLong(op + Heap.OB_SIZE);
    }

    long allocated(long op) {
        return getLong(op + ALLOC);
    }

    byte[] value(long op) {
        long n = length(op);
        return n == 0 ? new byte[0] : NativeMemory.segment(getLong(op + START), n).toArray(ValueLayout.JAVA_BYTE);
    }

    int get(long op, long i) {
        return NativeMemory.getByte(getLong(op + START) + i) & 0xff;
    }

    void set(long op, long i, int value) {
        NativeMemory.putByte(getLong(op + START) + i, (byte) value);
    }

    /** Copies src over the content from index at (the content must already be long enough). */
    void write(long op, long at, byte[] src) {
        if (src.length > 0) {
            MemorySegment.copy(src, 0, NativeMemory.segment(getLong(op + START) + at, src.length),
                    ValueLayout.JAVA_BYTE, 0, src.length);
        }
    }

    /** Moves n bytes of the content from index from to index to (memmove). */
    private void move(long op, long from, long to, long n) {
        if (n > 0) {
            long start = getLong(op + START);
            MemorySegment.copy(NativeMemory.segment(start + from, n), 0, NativeMemory.segment(start + to, n), 0, n);
        }
    }

    /** ob_exports += delta: a buffer view taken (1) or released (−1). */
    void export(long op, int delta) {
        putLong(op + EXPORTS, getLong(op + EXPORTS) + delta);
    }

    private static void canResize(long op) {
        if (getLong(op + EXPORTS) > 0) {
            throw new PyException("BufferError", "Existing exports of data: object cannot be re-sized");
        }
    }

    /** PyByteArray_Resize: CPython 3.11–3.13's strategy, the logical offset (ob_start) included. */
    void resize(long op, long requested) {
        long size = length(op);
        if (requested == size) {
            return;
        }
        canResize(op);
        long alloc = allocated(op);
        long bytes = getLong(op + BYTES);
        long start = getLong(op + START);
        long offset = start - bytes;
        if (requested + offset + 1 <= alloc) {
            if (requested >= alloc / 2) {
                // minor downsize: the buffer stays
                putLong(op + Heap.OB_SIZE, requested);
                NativeMemory.putByte(start + requested, (byte) 0);
                return;
            }
            alloc = requested + 1; // major downsize: to the exact size
        } else if (requested <= alloc * 1.125) {
            alloc = requested + (requested >> 3) + (requested < 9 ? 3 : 6); // moderate upsize, as list_resize
        } else {
            alloc = requested + 1; // major upsize: exact
        }
        long buffer;
        if (offset > 0) {
            // a fresh block, the content realigned to its start
            buffer = heap.malloc(MemoryDomain.OBJECT, alloc);
            long n = Math.min(requested, size);
            MemorySegment.copy(NativeMemory.segment(start, n), 0, NativeMemory.segment(buffer, n), 0, n);
            heap.free(MemoryDomain.OBJECT, bytes);
        } else {
            buffer = bytes == 0 ? heap.malloc(MemoryDomain.OBJECT, alloc) : heap.realloc(MemoryDomain.OBJECT, bytes, alloc);
        }
        putLong(op + BYTES, buffer);
        putLong(op + START, buffer);
        putLong(op + Heap.OB_SIZE, requested);
        putLong(op + ALLOC, alloc);
        NativeMemory.putByte(buffer + requested, (byte) 0);
    }

    /**
     * bytearray_setslice_linear: content [lo, hi) replaced by src. Shrinking from the front moves ob_start
     * instead of the bytes; other shrinking moves the tail down first, growing resizes first.
     */
    void setSlice(long op, long lo, long hi, byte[] src) {
        long growth = src.length - (hi - lo);
        long size = length(op);
        if (growth < 0) {
            canResize(op);
            if (lo == 0) {
                putLong(op + START, getLong(op + START) - growth);
            } else {
                move(op, hi, lo + src.length, size - hi);
            }
            resize(op, size + growth);
        } else if (growth > 0) {
            resize(op, size + growth);
            move(op, hi, lo + src.length, size - hi);
        }
        write(op, lo, src);
    }

    /** Deletes the items at start, start + step … (count of them, step > 0): bytearray_ass_subscript's loop. */
    void deleteExtended(long op, long start, long step, long count) {
        canResize(op);
        long size = length(op);
        long cur = start;
        for (long i = 0; i < count; i++, cur += step) {
            long lim = step - 1;
            if (cur + step >= size) {
                lim = size - cur - 1;
            }
            move(op, cur + 1, cur - i, lim);
        }
        // the bytes after the last deleted one
        cur = start + count * step;
        if (cur < size) {
            move(op, cur, cur - count, size - cur);
        }
        resize(op, size - count);
    }

    /** pop and remove: the bytes after index moved down over it, then a resize to one less. */
    void deleteAt(long op, long index) {
        canResize(op);
        long size = length(op);
        move(op, index + 1, index, size - index - 1);
        resize(op, size - 1);
    }

    long sizeOf(long op) {
        return SIZE + allocated(op);
    }

    void dealloc(long op, PyType type) {
        long bytes = getLong(op + BYTES);
        if (bytes != 0) {
            heap.free(MemoryDomain.OBJECT, bytes);
        }
        heap.freeObject(op, type);
    }
}
