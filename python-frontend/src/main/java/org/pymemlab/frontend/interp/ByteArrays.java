package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_BOOL;
import static org.pymemlab.frontend.interp.Interp.K_BYTEARRAY;
import static org.pymemlab.frontend.interp.Interp.K_BYTES;
import static org.pymemlab.frontend.interp.Interp.K_DICT;
import static org.pymemlab.frontend.interp.Interp.K_FLOAT;
import static org.pymemlab.frontend.interp.Interp.K_FROZENSET;
import static org.pymemlab.frontend.interp.Interp.K_INT;
import static org.pymemlab.frontend.interp.Interp.K_LIST;
import static org.pymemlab.frontend.interp.Interp.K_RANGE;
import static org.pymemlab.frontend.interp.Interp.K_SET;
import static org.pymemlab.frontend.interp.Interp.K_SLICE;
import static org.pymemlab.frontend.interp.Interp.K_STR;
import static org.pymemlab.frontend.interp.Interp.K_TUPLE;

import org.pymemlab.runtime.ObjectSpace;

/**
 * bytearray as CPython 3.11–3.13 has it (Objects/bytearrayobject.c): construction, items and slices, the
 * in-place operators and the mutating methods, each resizing the runtime's bytearray through the same
 * {@code PyByteArray_Resize} calls as CPython's, so that {@code sys.getsizeof} grows and shrinks as it does there.
 * The methods bytes shares are {@link BytesMethods}'. Arguments borrowed.
 */
final class ByteArrays {

    private ByteArrays() {
    }

    /**
     * The content of a bytes, a bytearray or what a memoryview sees, the objects here with the buffer protocol;
     * null for anything else.
     */
    static byte[] buffer(Interp in, long o) {
        int k = in.kind(o);
        return k == K_BYTES ? in.m.bytesValue(o) : k == K_BYTEARRAY ? in.os.byteArrayValue(o)
                : k == Interp.K_MEMORYVIEW ? MemoryViews.bytes(in, o) : null;
    }

    /** bytearray(source, encoding, errors): a new empty bytearray, then bytearray_init. New reference. */
    static long construct(Interp in, long[] args, String[] kw) {
        long self = in.os.newByteArray(new byte[0]);
        try {
            init(in, self, args, kw);
        } catch (RuntimeException e) {
            in.m.decref(self);
            throw e;
        }
        return self;
    }

    private static void init(Interp in, long self, long[] args, String[] kw) {
        ObjectSpace os = in.os;
        long source = Methods.arg(args, kw, 0, "source");
        long encoding = Methods.arg(args, kw, 1, "encoding");
        long errors = Methods.arg(args, kw, 2, "errors");
        int k = source == 0 ? -1 : in.kind(source);
        if (k == K_STR) {
            if (encoding == 0) {
                throw in.typeError("string argument without an encoding");
            }
            byte[] encoded = Codecs.encode(in, in.m.strValue(source),
                    Methods.textArg(in, args, kw, 1, "encoding", "utf-8", "bytearray"),
                    Methods.textArg(in, args, kw, 2, "errors", "strict", "bytearray"));
            append(in, self, encoded); // bytearray_iconcat
            return;
        }
        if (encoding != 0 || errors != 0) {
            throw in.typeError(encoding != 0 ? "encoding without a string argument" : "errors without a string argument");
        }
        if (source == 0) {
            return;
        }
        if (k == K_INT || k == K_BOOL) {
            if (!os.intFitsLong(source)) {
                throw in.error("OverflowError", "cannot fit 'int' into an index-sized integer");
            }
            long count = os.intValue(source);
            if (count < 0) {
                throw in.error("ValueError", "negative count");
            }
            if (count > 0) {
                os.byteArrayResize(self, count);
                os.byteArrayWrite(self, 0, new byte[(int) count]); // memset: the new buffer is not zeroed
            }
            return;
        }
        byte[] b = buffer(in, source);
        if (b != null) {
            os.byteArrayResize(self, b.length);
            os.byteArrayWrite(self, 0, b);
            return;
        }
        if ((k == K_LIST || k == K_TUPLE) && !in.classOf(source).builtinSubclass && fromExactInts(in, self, source)) {
            return;
        }
        long it = iterOrRaise(in, source, "cannot convert '" + in.classOf(source).name + "' object to bytearray");
        try {
            for (int value = nextByte(in, it); value >= 0; value = nextByte(in, it)) {
                long n = in.m.len(self);
                os.byteArrayResize(self, n + 1); // within the buffer this only moves the size, as CPython's loop
                os.setByteArrayItem(self, n, value);
            }
        } finally {
            in.m.decref(it);
        }
    }

    /**
     * bytearray_init's fast path for an exact list or tuple: one resize to its length, then its items stored
     * while they are exact ints. At the first that is not, the bytearray is resized to empty and false returned:
     * the caller iterates instead.
     */
    private static boolean fromExactInts(Interp in, long self, long seq) {
        int n = (int) in.m.len(seq);
        boolean list = in.kind(seq) == K_LIST;
        in.os.byteArrayResize(self, n);
        for (int i = 0; i < n; i++) {
            long item = list ? in.m.listGet(seq, i) : in.m.tupleGet(seq, i);
            if (in.kind(item) != K_INT || in.classOf(item).builtinSubclass) {
                in.os.byteArrayResize(self, 0);
                return false;
            }
            in.os.setByteArrayItem(self, i, byteValue(in, item));
        }
        return true;
    }

    /** iter(o), CPython's TypeError replaced by the caller's message when o is not iterable. New reference. */
    private static long iterOrRaise(Interp in, long o, String message) {
        try {
            return in.iter(o);
        } catch (PyRaise e) {
            if (!in.exceptionMatches(e.exc, in.exceptions.get("TypeError"))) {
                throw e;
            }
            in.m.decref(e.exc);
            throw in.typeError(message);
        }
    }

    /** The iterator's next item as a byte (its reference released), or −1 at the end. */
    private static int nextByte(Interp in, long it) {
        long item = in.next(it);
        if (item == 0) {
            return -1;
        }
        try {
            return byteValue(in, item);
        } finally {
            in.m.decref(item);
        }
    }

    /** _getbytevalue: an int (or an object with __index__) in range(0, 256). */
    static int byteValue(Interp in, long v) {
        int k = in.kind(v);
        long value;
        if ((k == K_INT || k == K_BOOL) && in.os.intFitsLong(v)) {
            value = in.os.intValue(v); // the common case, no reference taken
        } else {
            long i = in.indexOrZero(v);
            if (i == 0) {
                throw in.typeError("'" + in.classOf(v).name + "' object cannot be interpreted as an integer");
            }
            try {
                value = in.os.intFitsLong(i) ? in.os.intValue(i) : -1;
            } finally {
                in.m.decref(i);
            }
        }
        if (value < 0 || value > 255) {
            throw in.error("ValueError", "byte must be in range(0, 256)");
        }
        return (int) value;
    }

    /** Appends src: one resize to the new length, then the copy (bytearray_iconcat, bytearray_setslice at the end). */
    private static void append(Interp in, long self, byte[] src) {
        long n = in.m.len(self);
        in.os.byteArrayResize(self, n + src.length);
        in.os.byteArrayWrite(self, n, src);
    }

    /** repr(bytearray): bytearray_repr, which prefers single quotes and escapes ' whichever quote it uses. */
    static String repr(Interp in, long self) {
        byte[] b = in.os.byteArrayValue(self);
        char quote = '\'';
        for (byte x : b) {
            if (x == '"') {
                quote = '\'';
                break;
            } else if (x == '\'') {
                quote = '"';
            }
        }
        StringBuilder sb = new StringBuilder(in.classOf(self).name).append("(b").append(quote);
        for (byte x : b) {
            switch (x) {
                case '\'', '\\' -> sb.append('\\').append((char) x);
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (x < ' ' || x >= 0x7f) {
                        sb.append("\\x").append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
                    } else {
                        sb.append((char) x);
                    }
                }
            }
        }
        return sb.append(quote).append(')').toString();
    }

    /** bytearray + other (PyByteArray_Concat) or, for bytes + bytearray, bytes_concat. New reference. */
    static long concat(Interp in, long a, long b) {
        byte[] x = buffer(in, a);
        byte[] y = buffer(in, b);
        if (x == null || y == null) {
            throw in.typeError("can't concat " + in.classOf(b).name + " to " + in.classOf(a).name);
        }
        byte[] z = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, z, x.length, y.length);
        return in.kind(a) == K_BYTEARRAY ? in.os.newByteArray(z) : in.m.newBytes(z);
    }

    /** bytearray += other: bytearray_iconcat. New reference (self). */
    static long inplaceConcat(Interp in, long self, long other) {
        byte[] y = buffer(in, other);
        if (y == null) {
            throw in.typeError("can't concat " + in.classOf(other).name + " to " + in.classOf(self).name);
        }
        append(in, self, y);
        return in.incref(self);
    }

    /** bytearray * n (a new one) or bytearray *= n (resized in place). New reference. */
    static long repeat(Interp in, long self, long count, boolean inplace) {
        byte[] b = in.os.byteArrayValue(self);
        count = Math.max(0, count);
        if (inplace && count == 1) {
            return in.incref(self);
        }
        if (count > 0 && b.length > Integer.MAX_VALUE / count) {
            throw in.error("MemoryError", "");
        }
        byte[] r = new byte[(int) (b.length * count)];
        for (int i = 0; i < count; i++) {
            System.arraycopy(b, 0, r, i * b.length, b.length);
        }
        if (!inplace) {
            return in.os.newByteArray(r);
        }
        in.os.byteArrayResize(self, r.length);
        in.os.byteArrayWrite(self, 0, r);
        return in.incref(self);
    }

    /** bytearray[key]: bytearray_subscript. New reference. */
    static long getitem(Interp in, long self, long key) {
        if (in.kind(key) == K_SLICE) {
            return slice(in, self, Operators.sliceVal(in, key));
        }
        return in.newInt(in.os.byteArrayItem(self, index(in, self, key, in.m.len(self))));
    }

    /** bytearray[a:b:c]: a new bytearray of the selected bytes. New reference. */
    static long slice(Interp in, long self, Operators.SliceVal s) {
        long[] bounds = Operators.adjusted(in, s, in.m.len(self));
        long step = bounds[2];
        byte[] r = new byte[(int) Operators.sliceLength(bounds)];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) in.os.byteArrayItem(self, bounds[0] + i * step);
        }
        return in.os.newByteArray(r);
    }

    /** An item index, negative ones from the end, with bytearray's errors. */
    private static long index(Interp in, long self, long key, long n) {
        long i = Operators.itemIndex(in, key, "bytearray");
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            throw in.error("IndexError", "bytearray index out of range");
        }
        return i;
    }

    /** bytearray[key] = value, or del bytearray[key] when value is 0: bytearray_ass_subscript. */
    static void setitem(Interp in, long self, long key, long value) {
        ObjectSpace os = in.os;
        long n = in.m.len(self);
        if (in.kind(key) != K_SLICE) {
            long i = index(in, self, key, n);
            if (value == 0) {
                os.byteArraySetSlice(self, i, i + 1, new byte[0]);
            } else {
                os.setByteArrayItem(self, i, byteValue(in, value));
            }
            return;
        }
        long[] bounds = Operators.adjusted(in, Operators.sliceVal(in, key), n);
        long start = bounds[0];
        long stop = bounds[1];
        long step = bounds[2];
        long length = Operators.sliceLength(bounds);
        byte[] bytes = value == 0 ? new byte[0] : assignedBytes(in, self, value);
        if (step < 0 && start < stop || step > 0 && start > stop) {
            stop = start; // b[5:2] = ... inserts before 5
        }
        if (step == 1) {
            os.byteArraySetSlice(self, start, stop, bytes);
        } else if (bytes.length == 0) {
            // an empty value deletes the extended slice, as CPython's "needed == 0" branch does
            if (length == 0) {
                return;
            }
            if (step < 0) {
                stop = start + 1;
                start = stop + step * (length - 1) - 1;
                step = -step;
            }
            os.byteArrayDeleteExtended(self, start, step, length);
        } else {
            if (bytes.length != length) {
                throw in.error("ValueError", "attempt to assign bytes of size " + bytes.length
                        + " to extended slice of size " + length);
            }
            for (int i = 0; i < length; i++) {
                os.setByteArrayItem(self, start + i * step, bytes[i] & 0xff);
            }
        }
    }

    /** The bytes a slice assignment stores: a buffer's, or an iterable of ints made a bytearray first. */
    private static byte[] assignedBytes(Interp in, long self, long value) {
        int k = in.kind(value);
        if (k == K_BYTEARRAY && value != self) {
            return in.os.byteArrayValue(value);
        }
        if (k == K_INT || k == K_BOOL || k == K_FLOAT || k == K_STR) {
            throw in.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        long copy = construct(in, new long[] {value}, null); // PyByteArray_FromObject
        try {
            return in.os.byteArrayValue(copy);
        } finally {
            in.m.decref(copy);
        }
    }

    /** The live bytearray_iterator: it reads the bytearray's current length and bytes at each step. */
    static long iterator(Interp in, long self) {
        return in.newIter("bytearray_iterator", self, new Interp.JIter() {
            long i;

            @Override
            public long next(Interp inn, long it) {
                long seq = inn.os.hostSlot(it, 0);
                if (seq != 0 && i < inn.m.len(seq)) {
                    return inn.newInt(inn.os.byteArrayItem(seq, i++));
                }
                inn.os.setHostSlot(it, 0, 0);
                return 0;
            }
        });
    }

    /** The methods only bytearray has; the rest are bytes' ({@link BytesMethods}), 0 for an unknown name. */
    static long call(Interp in, long self, Interp.PyClass c, String name, long[] a, String[] kw) {
        ObjectSpace os = in.os;
        long n = in.m.len(self);
        switch (name) {
            case "append" -> {
                int value = byteValue(in, a[0]);
                os.byteArrayResize(self, n + 1);
                os.setByteArrayItem(self, n, value);
            }
            case "insert" -> {
                long index = Methods.intArg(in, a[0]);
                int value = byteValue(in, a[1]);
                os.byteArrayResize(self, n + 1);
                index = index < 0 ? Math.max(0, index + n) : Math.min(index, n);
                byte[] tail = java.util.Arrays.copyOfRange(os.byteArrayValue(self), (int) index, (int) n);
                os.byteArrayWrite(self, index + 1, tail);
                os.setByteArrayItem(self, index, value);
            }
            case "extend" -> extend(in, self, a[0]);
            case "pop" -> {
                if (n == 0) {
                    throw in.error("IndexError", "pop from empty bytearray");
                }
                long index = a.length > 0 ? Methods.intArg(in, a[0]) : -1;
                if (index < 0) {
                    index += n;
                }
                if (index < 0 || index >= n) {
                    throw in.error("IndexError", "pop index out of range");
                }
                int value = os.byteArrayItem(self, index);
                os.byteArrayDeleteAt(self, index);
                return in.newInt(value);
            }
            case "remove" -> {
                int value = byteValue(in, a[0]);
                long where = -1;
                for (long i = 0; i < n && where < 0; i++) {
                    if (os.byteArrayItem(self, i) == value) {
                        where = i;
                    }
                }
                if (where < 0) {
                    throw in.error("ValueError", "value not found in bytearray");
                }
                os.byteArrayDeleteAt(self, where);
            }
            case "clear" -> os.byteArrayResize(self, 0);
            case "copy" -> {
                return os.newByteArray(os.byteArrayValue(self));
            }
            case "reverse" -> {
                byte[] b = os.byteArrayValue(self);
                for (int i = 0, j = b.length - 1; i < j; i++, j--) {
                    byte t = b[i];
                    b[i] = b[j];
                    b[j] = t;
                }
                os.byteArrayWrite(self, 0, b);
            }
            case "__alloc__" -> {
                return in.newInt(os.byteArrayAllocated(self));
            }
            default -> {
                return BytesMethods.call(in, self, c, name, a, kw);
            }
        }
        return in.incref(in.none);
    }

    /**
     * bytearray.extend: a buffer is appended in one resize; any other iterable is gathered into a temporary
     * bytearray grown by half again as it fills (its length hint, else 32, to start), then appended.
     */
    private static void extend(Interp in, long self, long iterable) {
        ObjectSpace os = in.os;
        byte[] b = buffer(in, iterable);
        if (b != null) {
            append(in, self, b);
            return;
        }
        long it = iterOrRaise(in, iterable, "can't extend bytearray with " + in.classOf(iterable).name);
        long gathered = 0;
        try {
            long size = lengthHint(in, iterable);
            gathered = os.newByteArray(new byte[(int) size]);
            long len = 0;
            for (int value = nextByte(in, it); value >= 0; value = nextByte(in, it)) {
                os.setByteArrayItem(gathered, len++, value);
                if (len >= size) {
                    size = len + (len >> 1) + 1;
                    os.byteArrayResize(gathered, size);
                }
            }
            os.byteArrayResize(gathered, len);
            append(in, self, os.byteArrayValue(gathered));
        } finally {
            in.m.decref(it);
            if (gathered != 0) {
                in.m.decref(gathered);
            }
        }
    }

    /** PyObject_LengthHint(o, 32) for the sized built-ins; 32 for anything else. */
    private static long lengthHint(Interp in, long o) {
        return switch (in.kind(o)) {
            case K_LIST, K_TUPLE, K_DICT, K_SET, K_FROZENSET, K_STR -> in.m.len(o);
            case K_RANGE -> in.rangeLen(o);
            default -> 32;
        };
    }
}
