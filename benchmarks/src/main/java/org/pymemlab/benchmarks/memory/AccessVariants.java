package org.pymemlab.benchmarks.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Candidate implementations of {@code NativeMemory.getLong/putLong}, side by side, for
 * {@link NativeAccessBenchmark}. Each nested class is one way of reading and writing a {@code long} at an
 * absolute address through {@code java.lang.foreign} ({@code sun.misc.Unsafe} is not a candidate: JDK 24+
 * warns when it touches memory).
 */
final class AccessVariants {

    private AccessVariants() {
    }

    /** NativeMemory before this change: {@code ALL.get(JAVA_LONG_UNALIGNED, address)}, ALL from NULL.reinterpret. */
    static final class SegmentGet {
        private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
        private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

        static long getLong(long address) {
            return ALL.get(LONG, address);
        }

        static void putLong(long address, long value) {
            ALL.set(LONG, address, value);
        }
    }

    /** As {@link SegmentGet}, the segment from {@code MemorySegment.ofAddress(0).reinterpret(Long.MAX_VALUE)}. */
    static final class SegmentGetOfAddress {
        private static final MemorySegment ALL = MemorySegment.ofAddress(0).reinterpret(Long.MAX_VALUE);
        private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

        static long getLong(long address) {
            return ALL.get(LONG, address);
        }

        static void putLong(long address, long value) {
            ALL.set(LONG, address, value);
        }
    }

    /** {@code ALL.get(JAVA_LONG, address)}: the aligned layout (the address must be 8-aligned). */
    static final class SegmentGetAligned {
        private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
        private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;

        static long getLong(long address) {
            return ALL.get(LONG, address);
        }

        static void putLong(long address, long value) {
            ALL.set(LONG, address, value);
        }
    }

    /** The layout's var handle, obtained once, invoked directly (generic invocation behaviour). */
    static final class VarHandleGeneric {
        private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
        private static final VarHandle LONG = ValueLayout.JAVA_LONG_UNALIGNED.varHandle();

        static long getLong(long address) {
            return (long) LONG.get(ALL, address);
        }

        static void putLong(long address, long value) {
            LONG.set(ALL, address, value);
        }
    }

    /** The layout's var handle with {@code withInvokeExactBehavior()}: call sites must match its type exactly. */
    static final class VarHandleExact {
        private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
        private static final VarHandle LONG = ValueLayout.JAVA_LONG_UNALIGNED.varHandle().withInvokeExactBehavior();

        static long getLong(long address) {
            return (long) LONG.get(ALL, address);
        }

        static void putLong(long address, long value) {
            LONG.set(ALL, address, value);
        }
    }

    /** {@link VarHandleExact} on the aligned layout {@code JAVA_LONG}. */
    static final class VarHandleExactAligned {
        private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
        private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();

        static long getLong(long address) {
            return (long) LONG.get(ALL, address);
        }

        static void putLong(long address, long value) {
            LONG.set(ALL, address, value);
        }
    }
}
