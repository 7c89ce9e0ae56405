package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_BOOL;
import static org.pymemlab.frontend.interp.Interp.K_BYTEARRAY;
import static org.pymemlab.frontend.interp.Interp.K_BYTES;
import static org.pymemlab.frontend.interp.Interp.K_INT;
import static org.pymemlab.frontend.interp.Interp.K_MEMORYVIEW;
import static org.pymemlab.frontend.interp.Interp.K_SLICE;

import org.pymemlab.runtime.ObjectSpace;

/**
 * memoryview over bytes and bytearray, one-dimensional with format 'B' (Objects/memoryobject.c): every view
 * of an object shares one managed buffer ({@code _PyManagedBufferObject}, which holds the exporter and took its
 * buffer once: a bytearray cannot be resized until all the views are released), and a slice is another view
 * of the same buffer, no copy. A view holds its managed buffer; views are released by {@code release()}, by
 * {@code with}, or when they die. Arguments borrowed.
 */
final class MemoryViews {

    /** What a memoryview sees: a start, a step and a length in its exporter's bytes. */
    static final class View implements ObjectSpace.DeallocListener {
        final long start;
        final long step;
        final long length;
        final boolean readonly;
        boolean released;
        private final Interp in;

        View(Interp in, long start, long step, long length, boolean readonly) {
            this.in = in;
            this.start = start;
            this.step = step;
            this.length = length;
            this.readonly = readonly;
        }

        @Override
        public void deallocating(long view) {
            release(in, view, this); // memory_dealloc: an unreleased view is released
        }
    }

    /**
     * The managed buffer: how many views use it, and whether it has given its exporter's buffer back (when its
     * last view is released, when it dies, or when the collector clears it, as mbuf_clear does).
     */
    static final class ManagedBuffer implements ObjectSpace.DeallocListener, ObjectSpace.ClearListener {
        int exports;
        boolean released;
        private final Interp in;

        ManagedBuffer(Interp in) {
            this.in = in;
        }

        @Override
        public void deallocating(long mbuf) {
            releaseBuffer(in, mbuf, this);
        }

        @Override
        public void clearing(long mbuf) {
            releaseBuffer(in, mbuf, this);
        }
    }

    private MemoryViews() {
    }

    /** memoryview(obj). New reference. */
    static long construct(Interp in, long[] args, String[] kw) {
        long obj = Methods.arg(args, kw, 0, "object");
        if (obj == 0) {
            throw in.typeError("memoryview() missing required argument 'object' (pos 1)");
        }
        int k = in.kind(obj);
        if (k == K_MEMORYVIEW) {
            View v = live(in, obj);
            return newView(in, in.os.hostSlot(obj, 0), new View(in, v.start, v.step, v.length, v.readonly));
        }
        if (k != K_BYTES && k != K_BYTEARRAY) {
            throw in.typeError("memoryview: a bytes-like object is required, not '" + in.classOf(obj).name + "'");
        }
        // _PyManagedBuffer_FromObject: the exporter's buffer taken once, for every view of it
        long mbuf = in.os.newHostObject(in.tManagedBuffer);
        in.os.setHostSlot(mbuf, 0, obj);
        in.os.setPayload(mbuf, new ManagedBuffer(in));
        if (k == K_BYTEARRAY) {
            in.os.byteArrayExport(obj, 1);
        }
        try {
            return newView(in, mbuf, new View(in, 0, 1, in.m.len(obj), k == K_BYTES));
        } finally {
            in.m.decref(mbuf);
        }
    }

    /** mbuf_add_view: a new memoryview on the managed buffer. New reference. */
    private static long newView(Interp in, long mbuf, View view) {
        long mv = in.os.newHostObject(in.tMemoryView);
        in.os.setHostSlot(mv, 0, mbuf);
        in.os.setPayload(mv, view);
        ((ManagedBuffer) in.os.payload(mbuf)).exports++;
        return mv;
    }

    /** The view's state, or CPython's ValueError once it is released. */
    private static View live(Interp in, long mv) {
        View v = (View) in.os.payload(mv);
        if (v.released) {
            throw in.error("ValueError", "operation forbidden on released memoryview object");
        }
        return v;
    }

    /** The exporter (bytes or bytearray) of a live view. Borrowed. */
    private static long exporter(Interp in, long mv) {
        return in.os.hostSlot(in.os.hostSlot(mv, 0), 0);
    }

    /** The bytes the view sees (tobytes()), read from the exporter in place: only they are copied. */
    static byte[] bytes(Interp in, long mv) {
        View v = live(in, mv);
        long obj = exporter(in, mv);
        byte[] r = new byte[(int) v.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) byteAt(in, obj, v, i);
        }
        return r;
    }

    /** Byte i of what the view sees, read in the exporter (bytes or bytearray) in place. */
    private static int byteAt(Interp in, long obj, View v, long i) {
        long at = v.start + i * v.step;
        return in.kind(obj) == K_BYTES ? in.os.bytesItem(obj, at) : in.os.byteArrayItem(obj, at);
    }

    static long len(Interp in, long mv) {
        return live(in, mv).length;
    }

    /** release(): the view gives its share of the managed buffer back (once). */
    static void release(Interp in, long mv, View v) {
        if (v.released) {
            return;
        }
        v.released = true;
        long mbuf = in.os.hostSlot(mv, 0);
        if (mbuf == 0) {
            return; // cleared by the collector, which let the managed buffer go
        }
        ManagedBuffer b = (ManagedBuffer) in.os.payload(mbuf);
        if (--b.exports == 0) {
            releaseBuffer(in, mbuf, b);
        }
    }

    /** mbuf_release: the exporter's buffer given back and the exporter let go. */
    private static void releaseBuffer(Interp in, long mbuf, ManagedBuffer b) {
        if (b.released) {
            return;
        }
        b.released = true;
        long obj = in.os.hostSlot(mbuf, 0);
        if (obj != 0 && in.kind(obj) == K_BYTEARRAY) {
            in.os.byteArrayExport(obj, -1);
        }
        in.os.setHostSlot(mbuf, 0, 0);
    }

    /** m[key]: a byte as an int, or a view of the selected bytes. New reference. */
    static long getitem(Interp in, long mv, long key) {
        View v = live(in, mv);
        if (in.kind(key) == K_SLICE) {
            return slice(in, mv, Operators.sliceVal(in, key));
        }
        return in.newInt(byteAt(in, exporter(in, mv), v, index(in, v, key)));
    }

    /** m[a:b:c]: a view of the selected bytes on the same managed buffer, no copy. New reference. */
    static long slice(Interp in, long mv, Operators.SliceVal s) {
        View v = live(in, mv);
        long[] b = Operators.adjusted(in, s, v.length);
        View sliced = new View(in, v.start + b[0] * v.step, v.step * b[2], Operators.sliceLength(b), v.readonly);
        return newView(in, in.os.hostSlot(mv, 0), sliced);
    }

    private static long index(Interp in, View v, long key) {
        long i = Operators.itemIndex(in, key, "memoryview");
        if (i < 0) {
            i += v.length;
        }
        if (i < 0 || i >= v.length) {
            throw in.error("IndexError", "index out of bounds on dimension 1");
        }
        return i;
    }

    /** m[key] = value on a writable view (a bytearray's): the exporter's bytes written in place. */
    static void setitem(Interp in, long mv, long key, long value) {
        View v = live(in, mv);
        if (v.readonly) {
            throw in.typeError("cannot modify read-only memory");
        }
        long obj = exporter(in, mv);
        if (in.kind(key) != K_SLICE) {
            long i = index(in, v, key);
            int kv = in.kind(value);
            long b = kv == K_INT || kv == K_BOOL ? (in.os.intFitsLong(value) ? in.os.intValue(value) : -1) : -2;
            if (b == -2) {
                throw in.typeError("memoryview: invalid type for format 'B'");
            }
            if (b < 0 || b > 255) {
                throw in.error("ValueError", "memoryview: invalid value for format 'B'");
            }
            in.os.setByteArrayItem(obj, v.start + i * v.step, (int) b);
            return;
        }
        long[] b = Operators.adjusted(in, Operators.sliceVal(in, key), v.length);
        long length = Operators.sliceLength(b);
        byte[] src = ByteArrays.buffer(in, value);
        if (src == null) {
            throw in.typeError("a bytes-like object is required, not '" + in.classOf(value).name + "'");
        }
        if (src.length != length) {
            throw in.error("ValueError", "memoryview assignment: lvalue and rvalue have different structures");
        }
        for (int i = 0; i < length; i++) {
            in.os.setByteArrayItem(obj, v.start + (b[0] + i * b[2]) * v.step, src[i] & 0xff);
        }
    }

    /** hash(m): a read-only view hashes as the bytes it sees; a writable one cannot. */
    static long hash(Interp in, long mv) {
        View v = live(in, mv);
        if (!v.readonly || in.kind(exporter(in, mv)) != K_BYTES) {
            throw in.error("ValueError", "cannot hash writable memoryview object");
        }
        long b = in.m.newBytes(bytes(in, mv));
        try {
            return in.hash(b);
        } finally {
            in.m.decref(b);
        }
    }

    /** m == other (memory_richcompare): equal bytes of any two buffers; a released view equals only itself. */
    static boolean equal(Interp in, long a, long b) {
        if (a == b) {
            return true;
        }
        for (long x : new long[] {a, b}) {
            if (in.kind(x) == K_MEMORYVIEW && ((View) in.os.payload(x)).released) {
                return false;
            }
        }
        byte[] x = ByteArrays.buffer(in, a);
        byte[] y = ByteArrays.buffer(in, b);
        return x != null && y != null && java.util.Arrays.equals(x, y);
    }

    static String repr(Interp in, long mv) {
        boolean released = ((View) in.os.payload(mv)).released;
        return (released ? "<released memory at " : "<memory at ") + Interp.hexAddress(mv) + ">";
    }

    /** The data attributes (obj, nbytes, shape …), or 0 for another name. New reference. */
    static long attribute(Interp in, long mv, String name) {
        return switch (name) {
            case "obj" -> {
                live(in, mv);
                yield in.incref(exporter(in, mv));
            }
            case "nbytes" -> in.newInt(live(in, mv).length);
            case "readonly" -> in.bool(live(in, mv).readonly);
            case "itemsize", "ndim" -> {
                live(in, mv);
                yield in.newInt(1); // one-byte items, one dimension
            }
            case "format" -> {
                live(in, mv);
                yield in.newStr("B");
            }
            case "shape" -> tupleOf(in, live(in, mv).length);
            case "strides" -> tupleOf(in, live(in, mv).step);
            case "suboffsets" -> {
                live(in, mv);
                yield in.m.newTuple();
            }
            case "c_contiguous", "f_contiguous", "contiguous" -> {
                View v = live(in, mv);
                yield in.bool(v.step == 1 || v.length <= 1);
            }
            default -> 0;
        };
    }

    private static long tupleOf(Interp in, long value) {
        long n = in.newInt(value);
        try {
            return in.m.newTuple(n);
        } finally {
            in.m.decref(n);
        }
    }

    /** The methods: tobytes, tolist, hex, toreadonly, release, __enter__, __exit__; 0 for another name. */
    static long call(Interp in, long mv, String name, long[] a) {
        return switch (name) {
            case "tobytes" -> in.m.newBytes(bytes(in, mv));
            case "tolist" -> {
                byte[] b = bytes(in, mv);
                long[] items = new long[b.length];
                for (int i = 0; i < b.length; i++) {
                    items[i] = in.newInt(b[i] & 0xff);
                }
                long list = in.m.newList(items);
                in.release(items);
                yield list;
            }
            case "hex" -> in.newStr(java.util.HexFormat.of().formatHex(bytes(in, mv)));
            case "toreadonly" -> {
                View v = live(in, mv);
                yield newView(in, in.os.hostSlot(mv, 0), new View(in, v.start, v.step, v.length, true));
            }
            case "release", "__exit__" -> {
                release(in, mv, (View) in.os.payload(mv));
                yield in.incref(in.none);
            }
            case "__enter__" -> {
                live(in, mv);
                yield in.incref(mv);
            }
            default -> 0;
        };
    }

    /** iter(m): a memory_iterator over the bytes the view sees when iteration starts. New reference. */
    static long iterator(Interp in, long mv) {
        byte[] b = bytes(in, mv);
        return in.newIter("memory_iterator", mv, new Interp.JIter() {
            int i;

            @Override
            public long next(Interp inn, long it) {
                if (i < b.length) {
                    return inn.newInt(b[i++] & 0xff);
                }
                inn.os.setHostSlot(it, 0, 0);
                return 0;
            }
        });
    }
}
