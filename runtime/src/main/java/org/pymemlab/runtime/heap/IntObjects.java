package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getInt;
import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putInt;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import java.math.BigInteger;
import org.pymemlab.runtime.PyException;

/**
 * int and bool: {@code PyLongObject} with 30-bit digits stored in uint32, least significant first.
 * The word after ob_type is {@code ob_size} (3.11: signed digit count) or {@code lv_tag} (3.12+:
 * {@code ndigits << 3 | sign}, sign 0 positive, 1 zero, 2 negative). An int always has room for at least
 * one digit, so 0 takes 28 bytes.
 */
final class IntObjects {

    static final int SHIFT = 30;
    static final int MASK = (1 << SHIFT) - 1;

    private final Heap heap;
    private final int digitsOffset;

    IntObjects(Heap heap) {
        this.heap = heap;
        this.digitsOffset = heap.layout.intHeader();
    }

    /** Bytes of an int object with {@code ndigits} digits. */
    long objectSize(int ndigits) {
        return digitsOffset + 4L * Math.max(1, ndigits);
    }

    long newInt(long value) {
        return newInt(value, false);
    }

    /**
     * An int as {@code PyLong_FromLong} and the arithmetic of one-digit ints make it: a one-digit value comes from
     * {@code _PyLong_FromMedium}, which asks for {@code sizeof(PyLongObject)} (the header and one digit, rounded
     * up to 8: 32 bytes) where the digits path ({@code int(str)}, {@code len()}) asks for exactly 28.
     */
    long newMediumInt(long value) {
        return newInt(value, Math.abs(value) <= MASK);
    }

    private long newInt(long value, boolean medium) {
        long cached = heap.interner.cachedInt(value);
        if (cached != 0) {
            heap.incref(cached);
            return cached;
        }
        if (value == Long.MIN_VALUE) {
            return newBig(BigInteger.valueOf(value));
        }
        long magnitude = Math.abs(value);
        int ndigits = 0;
        for (long m = magnitude; m != 0; m >>>= SHIFT) {
            ndigits++;
        }
        long size = medium ? (objectSize(1) + 7) & ~7L : objectSize(ndigits);
        long op = heap.allocObject(heap.builtins.int_, size);
        writeTag(op, ndigits, Long.signum(value));
        long m = magnitude;
        for (int i = 0; i < ndigits; i++) {
            putInt(op + digitsOffset + 4L * i, (int) (m & MASK));
            m >>>= SHIFT;
        }
        return op;
    }

    long newInt(BigInteger value) {
        if (value.bitLength() < 63) {
            return newInt(value.longValue());
        }
        return newBig(value);
    }

    private long newBig(BigInteger value) {
        int[] digits = digitsOf(value.abs());
        long op = heap.allocObject(heap.builtins.int_, objectSize(digits.length));
        writeTag(op, digits.length, value.signum());
        for (int i = 0; i < digits.length; i++) {
            putInt(op + digitsOffset + 4L * i, digits[i]);
        }
        return op;
    }

    /** Writes a one-digit (or zero) value into a preallocated object: small ints, True, False. */
    static void writeSmall(Heap heap, long op, long value) {
        int ndigits = value == 0 ? 0 : 1;
        writeTag(heap, op, ndigits, Long.signum(value));
        putInt(op + heap.layout.intHeader(), (int) Math.abs(value));
    }

    private void writeTag(long op, int ndigits, int sign) {
        writeTag(heap, op, ndigits, sign);
    }

    private static void writeTag(Heap heap, long op, int ndigits, int sign) {
        long tag = heap.layout.intLvTag()
                ? ((long) ndigits << 3) | (sign == 0 ? 1 : sign < 0 ? 2 : 0)
                : (long) ndigits * (sign < 0 ? -1 : 1);
        putLong(op + Heap.OB_SIZE, tag);
    }

    int ndigits(long op) {
        long tag = getLong(op + Heap.OB_SIZE);
        return heap.layout.intLvTag() ? (int) (tag >>> 3) : (int) Math.abs(tag);
    }

    int sign(long op) {
        long tag = getLong(op + Heap.OB_SIZE);
        if (heap.layout.intLvTag()) {
            int bits = (int) (tag & 3);
            return bits == 1 ? 0 : bits == 2 ? -1 : 1;
        }
        return Long.signum(tag);
    }

    /** True when the value fits a Java long without loss (at most 2 digits, or 3 digits below 2^63). */
    boolean fitsLong(long op) {
        int n = ndigits(op);
        return n <= 2 || (n == 3 && (getInt(op + digitsOffset + 8) >>> 3) == 0);
    }

    long longValue(long op) {
        if (!fitsLong(op)) {
            throw new PyException("OverflowError", "Python int too large to convert to C ssize_t");
        }
        long value = 0;
        for (int i = ndigits(op) - 1; i >= 0; i--) {
            value = (value << SHIFT) | getInt(op + digitsOffset + 4L * i);
        }
        return sign(op) < 0 ? -value : value;
    }

    BigInteger bigValue(long op) {
        if (fitsLong(op)) {
            return BigInteger.valueOf(longValue(op));
        }
        // the digits packed into big-endian bytes in one pass (shifting a BigInteger per digit is quadratic)
        int n = ndigits(op);
        byte[] bytes = new byte[(n * SHIFT + 7) / 8 + 1];
        int pos = bytes.length - 1;
        long acc = 0;
        int bits = 0;
        for (int i = 0; i < n; i++) {
            acc |= (long) getInt(op + digitsOffset + 4L * i) << bits;
            for (bits += SHIFT; bits >= 8; bits -= 8) {
                bytes[pos--] = (byte) acc;
                acc >>>= 8;
            }
        }
        if (bits > 0) {
            bytes[pos] = (byte) acc;
        }
        BigInteger value = new BigInteger(1, bytes);
        return sign(op) < 0 ? value.negate() : value;
    }

    /** The 30-bit digits of a magnitude, least significant first, from its bytes in one pass. */
    private static int[] digitsOf(BigInteger magnitude) {
        byte[] bytes = magnitude.toByteArray();
        int[] digits = new int[(magnitude.bitLength() + SHIFT - 1) / SHIFT];
        long acc = 0;
        int bits = 0;
        int k = 0;
        for (int i = bytes.length - 1; i >= 0 && k < digits.length; i--) {
            acc |= (long) (bytes[i] & 0xFF) << bits;
            bits += 8;
            if (bits >= SHIFT) {
                digits[k++] = (int) (acc & MASK);
                acc >>>= SHIFT;
                bits -= SHIFT;
            }
        }
        if (k < digits.length) {
            digits[k] = (int) (acc & MASK);
        }
        return digits;
    }

    long sizeOf(long op) {
        return objectSize(ndigits(op));
    }

    /** Static ints laid out contiguously: CPython's small-int array. */
    long newStatic(long first, int count, int stride) {
        long base = heap.allocateStatic((long) count * stride);
        for (int i = 0; i < count; i++) {
            long op = base + (long) i * stride;
            heap.initStatic(op, heap.builtins.int_);
            writeSmall(heap, op, first + i);
        }
        return base;
    }

    void dealloc(long op, PyType type) {
        heap.freeObject(op, type);
    }
}
