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
 * <p>Two paths, chosen once when the class loads ({@link #usesInternalUnsafe()}):
 * <ul>
 *   <li><b>The JDK's internal {@code Unsafe}</b>, when {@code java.base} exports {@code jdk.internal.misc}
 *       to this code: {@code pymem}'s jar says so in its manifest ({@code Add-Exports}), the build's tests
 *       and benchmarks pass {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}. It is what
 *       {@code java.lang.foreign} itself calls at the bottom of every access, without the layers above it.
 *       Compiled by C2 both paths are the same load or store; under C1 and the interpreter, where a short
 *       program spends most of its time, the layers of a var handle access are not inlined and cost 3-4×
 *       the whole run of a cold program's memory traffic (docs/PERFORMANCE.md, "Native access").</li>
 *   <li><b>{@code java.lang.foreign}</b> otherwise, so a plugin's own tests need no extra flag: the layout's
 *       {@link VarHandle}, obtained once and made {@linkplain VarHandle#withInvokeExactBehavior() exact},
 *       on a segment spanning the address space. The call sites below must match the handles' types
 *       exactly ({@code (MemorySegment, long)} coordinates, the layout's carrier).</li>
 * </ul>
 * Neither path checks more than the other: both trust the address, as C does.
 */
public final class NativeMemory {

    /** The whole address space as one segment. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final VarHandle LONG = exact(ValueLayout.JAVA_LONG_UNALIGNED);
    private static final VarHandle INT = exact(ValueLayout.JAVA_INT_UNALIGNED);
    private static final VarHandle SHORT = exact(ValueLayout.JAVA_SHORT_UNALIGNED);
    private static final VarHandle BYTE = exact(ValueLayout.JAVA_BYTE);
    private static final VarHandle DOUBLE = exact(ValueLayout.JAVA_DOUBLE_UNALIGNED);

    private static final boolean FAST = InternalUnsafe.AVAILABLE;

    private NativeMemory() {
    }

    /** Whether accesses go through the JDK's internal {@code Unsafe} (see the class comment). */
    public static boolean usesInternalUnsafe() {
        return FAST;
    }

    private static VarHandle exact(ValueLayout layout) {
        return layout.varHandle().withInvokeExactBehavior();
    }

    public static long getLong(long address) {
        if (FAST) {
            return InternalUnsafe.U.getLongUnaligned(null, address);
        }
        return (long) LONG.get(ALL, address);
    }

    public static void putLong(long address, long value) {
        if (FAST) {
            InternalUnsafe.U.putLongUnaligned(null, address, value);
            return;
        }
        LONG.set(ALL, address, value);
    }

    public static int getInt(long address) {
        if (FAST) {
            return InternalUnsafe.U.getIntUnaligned(null, address);
        }
        return (int) INT.get(ALL, address);
    }

    public static void putInt(long address, int value) {
        if (FAST) {
            InternalUnsafe.U.putIntUnaligned(null, address, value);
            return;
        }
        INT.set(ALL, address, value);
    }

    public static short getShort(long address) {
        if (FAST) {
            return InternalUnsafe.U.getShortUnaligned(null, address);
        }
        return (short) SHORT.get(ALL, address);
    }

    public static void putShort(long address, short value) {
        if (FAST) {
            InternalUnsafe.U.putShortUnaligned(null, address, value);
            return;
        }
        SHORT.set(ALL, address, value);
    }

    public static byte getByte(long address) {
        if (FAST) {
            return InternalUnsafe.U.getByte(null, address);
        }
        return (byte) BYTE.get(ALL, address);
    }

    public static void putByte(long address, byte value) {
        if (FAST) {
            InternalUnsafe.U.putByte(null, address, value);
            return;
        }
        BYTE.set(ALL, address, value);
    }

    public static double getDouble(long address) {
        if (FAST) {
            return InternalUnsafe.U.getDouble(null, address);
        }
        return (double) DOUBLE.get(ALL, address);
    }

    public static void putDouble(long address, double value) {
        if (FAST) {
            InternalUnsafe.U.putDouble(null, address, value);
            return;
        }
        DOUBLE.set(ALL, address, value);
    }

    /** Sets {@code length} bytes from {@code address} to {@code value}. */
    public static void fill(long address, long length, byte value) {
        if (FAST) {
            InternalUnsafe.U.setMemory(address, length, value);
            return;
        }
        ALL.asSlice(address, length).fill(value);
    }

    /** Copies {@code length} bytes; the ranges may overlap (memmove). */
    public static void copy(long from, long to, long length) {
        if (FAST) {
            InternalUnsafe.U.copyMemory(from, to, length); // conjoint: overlapping ranges are safe
            return;
        }
        MemorySegment.copy(ALL, from, ALL, to, length);
    }

    /** A segment over {@code length} bytes at {@code address}, for bulk access. */
    public static MemorySegment segment(long address, long length) {
        return ALL.asSlice(address, length);
    }
}
