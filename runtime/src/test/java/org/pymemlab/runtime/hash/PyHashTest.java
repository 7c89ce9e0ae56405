package org.pymemlab.runtime.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** What the CPython vectors cannot show: argument checks, seed edges, and the paths agreeing. */
class PyHashTest {

    @Test
    void seedZeroIsTheZeroKeyAndSeedsOutOfRangeAreRefused() {
        assertSame(HashSecret.ZERO, HashSecret.fromSeed(0));
        assertNotEquals(HashSecret.ZERO, HashSecret.fromSeed(HashSecret.MAX_SEED));
        assertThrows(IllegalArgumentException.class, () -> HashSecret.fromSeed(-1));
        assertThrows(IllegalArgumentException.class, () -> HashSecret.fromSeed(HashSecret.MAX_SEED + 1));
    }

    @Test
    void nativeAndArrayPathsAgreeAtEveryLengthAndOffset() {
        PyHash pyHash = new PyHash(HashSecret.fromSeed(42));
        byte[] data = new byte[40];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37 + 11);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(data.length);
            MemorySegment.copy(data, 0, segment, ValueLayout.JAVA_BYTE, 0, data.length);
            for (int offset = 0; offset < 8; offset++) {
                for (int length = 0; offset + length <= data.length; length++) {
                    long fromArray = SipHash13.hash(1, 2, data, offset, length);
                    assertEquals(fromArray, SipHash13.hash(1, 2, segment.address() + offset, length));
                }
            }
            assertEquals(pyHash.siphash13(data), pyHash.siphash13(segment.address(), data.length));
        }
    }

    @Test
    void emptyInputHashesToZeroButRawSipHashDoesNot() {
        PyHash pyHash = new PyHash(HashSecret.ZERO);
        assertEquals(0, pyHash.bytesHash(new byte[0]));
        assertEquals(0, pyHash.strHash(""));
        assertNotEquals(0, pyHash.siphash13(new byte[0]));
    }

    @Test
    void badArgumentsAreRefused() {
        PyHash pyHash = new PyHash(HashSecret.ZERO);
        assertThrows(IllegalArgumentException.class, () -> pyHash.strHash(0, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> SipHash13.hash(0, 0, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> SipHash13.hash(0, 0, new byte[4], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> PyHash.intHashOfDigits(0, -1, false));
        assertThrows(IllegalArgumentException.class, () -> UnicodeKind.canonicalBytes("\u20ac", 1));
    }

    @Test
    void unicodeKindFollowsTheLargestCodePoint() {
        assertEquals(1, UnicodeKind.of(""));
        assertEquals(1, UnicodeKind.of("a\u00ff"));
        assertEquals(2, UnicodeKind.of("a\u0100"));
        assertEquals(2, UnicodeKind.of("\ud800"));          // a lone surrogate is a UCS-2 code point
        assertEquals(4, UnicodeKind.of("a\uD83D\uDE00"));    // U+1F600
        assertArrayEquals(new byte[] {(byte) 0xAC, 0x20, 'a', 0}, UnicodeKind.canonicalBytes("\u20aca"));
    }

    @Test
    void numericEdges() {
        assertEquals(-2, PyHash.intHash(-1));
        assertEquals(0, PyHash.intHash(PyHash.MODULUS));
        assertEquals(-4, PyHash.intHash(Long.MIN_VALUE));       // 2^63 = 4 * 2^61 ≡ 4
        assertEquals(PyHash.INF, PyHash.floatHash(Double.POSITIVE_INFINITY, 0));
        assertEquals(-PyHash.INF, PyHash.floatHash(Double.NEGATIVE_INFINITY, 0));
        assertEquals(0, PyHash.floatHash(-0.0, 0));
        // NaN hashes by identity: _Py_HashPointer rotates the address right by 4.
        assertEquals(0x7f00_0000_1234_567L, PyHash.floatHash(Double.NaN, 0x7f00_0000_1234_5670L));
        assertEquals(-2, PyHash.pointerHash(-1));
    }
}
