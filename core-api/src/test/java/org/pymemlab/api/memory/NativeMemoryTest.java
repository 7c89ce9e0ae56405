package org.pymemlab.api.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NativeMemory against java.lang.foreign's own view of the same bytes. The build runs this class twice
 * (core-api/pom.xml): with {@code jdk.internal.misc} exported (the fast path) and without (the
 * java.lang.foreign path); {@code pymem.test.internalUnsafe} says which one this JVM must have taken.
 */
class NativeMemoryTest {

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.nativeOrder());
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.nativeOrder());
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.nativeOrder());
    private static final ValueLayout.OfDouble DOUBLE =
            ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.nativeOrder());

    private Arena arena;
    private MemorySegment block;
    private long base;

    @BeforeEach
    void allocate() {
        arena = Arena.ofConfined();
        block = arena.allocate(256, 16);
        base = block.address();
    }

    @AfterEach
    void free() {
        arena.close();
    }

    @Test
    void takesThePathTheBuildAsksFor() {
        String expected = System.getProperty("pymem.test.internalUnsafe", "true");
        assertEquals(Boolean.parseBoolean(expected), NativeMemory.usesInternalUnsafe());
    }

    @Test
    void readsAndWritesEachWidthAlignedAndNot() {
        for (long offset : new long[] {0, 1, 3, 8, 13}) {
            NativeMemory.putLong(base + offset, 0x0102_0304_0506_0708L);
            assertEquals(0x0102_0304_0506_0708L, block.get(LONG, offset));
            block.set(LONG, offset, -2L);
            assertEquals(-2L, NativeMemory.getLong(base + offset));

            NativeMemory.putInt(base + offset, 0xCAFE_BABE);
            assertEquals(0xCAFE_BABE, block.get(INT, offset));
            NativeMemory.putShort(base + offset, (short) -3);
            assertEquals((short) -3, block.get(SHORT, offset));
            assertEquals((short) -3, NativeMemory.getShort(base + offset));
            NativeMemory.putByte(base + offset, (byte) 0x7f);
            assertEquals((byte) 0x7f, block.get(ValueLayout.JAVA_BYTE, offset));
            assertEquals((byte) 0x7f, NativeMemory.getByte(base + offset));
            NativeMemory.putDouble(base + offset, 2.5);
            assertEquals(2.5, block.get(DOUBLE, offset));
            assertEquals(2.5, NativeMemory.getDouble(base + offset));
        }
        NativeMemory.putInt(base + 40, -7);
        assertEquals(-7, NativeMemory.getInt(base + 40));
    }

    @Test
    void fillSetsExactlyTheRange() {
        block.fill((byte) 1);
        NativeMemory.fill(base + 5, 20, (byte) 0xAB);
        for (int i = 0; i < 40; i++) {
            byte expected = i >= 5 && i < 25 ? (byte) 0xAB : 1;
            assertEquals(expected, block.get(ValueLayout.JAVA_BYTE, i), "byte " + i);
        }
    }

    @Test
    void copyIsAMemmoveInBothDirections() {
        for (int i = 0; i < 64; i++) {
            block.set(ValueLayout.JAVA_BYTE, i, (byte) i);
        }
        NativeMemory.copy(base, base + 3, 32); // forward overlap: each byte moves up by 3
        for (int i = 0; i < 32; i++) {
            assertEquals((byte) i, block.get(ValueLayout.JAVA_BYTE, i + 3), "forward byte " + i);
        }
        NativeMemory.copy(base + 3, base, 32); // backward overlap restores the original
        for (int i = 0; i < 32; i++) {
            assertEquals((byte) i, block.get(ValueLayout.JAVA_BYTE, i), "backward byte " + i);
        }
    }
}
