package org.pymemlab.api.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Reads and writes native memory at absolute addresses, the way C code does through a pointer.
 *
 * <p>Objects, headers and allocator metadata live at addresses handed out by an allocator; this class
 * is how plugins and the runtime touch them. There is no bounds checking beyond the address space:
 * the caller must only touch memory it owns. Needs {@code --enable-native-access=ALL-UNNAMED}.
 * All accesses are native byte order and unaligned-tolerant.
 *
 * <p>Each access invokes the layout's {@link VarHandle}, obtained once and made
 * {@linkplain VarHandle#withInvokeExactBehavior() exact}, on a segment spanning the address space, rather
 * than calling {@code MemorySegment.get(layout, offset)}: that saves two calls per access
 * ({@code get} and {@code layout.varHandle()}) and the type adaptation, which C2 removes anyway but C1
 * and the interpreter do not. Under C1 (a program's first seconds) an access costs about 2.5× less this
 * way; see {@code docs/PERFORMANCE.md}, "Native access". The call sites below must match the handles'
 * types exactly ({@code (MemorySegment, long)} coordinates, the layout's carrier), or they throw
 * {@code WrongMethodTypeException}.
 */
public final class NativeMemory {

    /** The whole address space as one segment. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final VarHandle LONG = exact(ValueLayout.JAVA_LONG_UNALIGNED);
    private static final VarHandle INT = exact(ValueLayout.JAVA_INT_UNALIGNED);
    private static final VarHandle SHORT = exact(ValueLayout.JAVA_SHORT_UNALIGNED);
    private static final VarHandle BYTE = exact(ValueLayout.JAVA_BYTE);
    private static final VarHandle DOUBLE = exact(ValueLayout.JAVA_DOUBLE_UNALIGNED);

    private NativeMemory() {
    }

    private static VarHandle exact(ValueLayout layout) {
        return layout.varHandle().withInvokeExactBehavior();
    }

    public static long getLong(long address) {
        return (long) LONG.get(ALL, address);
    }

    public static void putLong(long address, long value) {
        LONG.set(ALL, address, value);
    }

    public static int getInt(long address) {
        return (int) INT.get(ALL, address);
    }

    public static void putInt(long address, int value) {
        INT.set(ALL, address, value);
    }

    public static short getShort(long address) {
        return (short) SHORT.get(ALL, address);
    }

    public static void putShort(long address, short value) {
        SHORT.set(ALL, address, value);
    }

    public static byte getByte(long address) {
        return (byte) BYTE.get(ALL, address);
    }

    public static void putByte(long address, byte value) {
        BYTE.set(ALL, address, value);
    }

    public static double getDouble(long address) {
        return (double) DOUBLE.get(ALL, address);
    }

    public static void putDouble(long address, double value) {
        DOUBLE.set(ALL, address, value);
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
