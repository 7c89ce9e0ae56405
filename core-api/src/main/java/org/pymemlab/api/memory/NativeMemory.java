package org.pymemlab.api.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads and writes native memory at absolute addresses, the way C code does through a pointer.
 *
 * <p>Objects, headers and allocator metadata live at addresses handed out by an allocator; this class
 * is how plugins and the runtime touch them. There is no bounds checking beyond the address space:
 * the caller must only touch memory it owns. Needs {@code --enable-native-access=ALL-UNNAMED}.
 * All accesses are native byte order and unaligned-tolerant.
 */
public final class NativeMemory {

    /** The whole address space as one segment. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private NativeMemory() {
    }

    public static long getLong(long address) {
        return ALL.get(LONG, address);
    }

    public static void putLong(long address, long value) {
        ALL.set(LONG, address, value);
    }

    public static int getInt(long address) {
        return ALL.get(INT, address);
    }

    public static void putInt(long address, int value) {
        ALL.set(INT, address, value);
    }

    public static short getShort(long address) {
        return ALL.get(SHORT, address);
    }

    public static void putShort(long address, short value) {
        ALL.set(SHORT, address, value);
    }

    public static byte getByte(long address) {
        return ALL.get(ValueLayout.JAVA_BYTE, address);
    }

    public static void putByte(long address, byte value) {
        ALL.set(ValueLayout.JAVA_BYTE, address, value);
    }

    public static double getDouble(long address) {
        return ALL.get(DOUBLE, address);
    }

    public static void putDouble(long address, double value) {
        ALL.set(DOUBLE, address, value);
    }

    /** Sets {@code length} bytes from {@code address} to {@code value}. */
    public static void fill(long address, long length, byte value) {
        ALL.asSlice(address, length).fill(value);
    }

    /** Copies {@code length} bytes; the ranges may overlap (memmove). */
    public static void copy(long from, long to, long length) {
        MemorySegment.copy(ALL, from, ALL, to, length);
    }

    /** A segment over {@code length} bytes at {@code address}, for bulk access. */
    public static MemorySegment segment(long address, long length) {
        return ALL.asSlice(address, length);
    }
}
