package org.pymemlab.runtime.debugmalloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pymemlab.api.allocator.MemoryDomain.MEM;
import static org.pymemlab.api.allocator.MemoryDomain.OBJECT;
import static org.pymemlab.api.allocator.MemoryDomain.RAW;

import com.google.inject.Guice;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pymemlab.allocator.obmalloc.ObmallocAllocatorProvider;
import org.pymemlab.allocator.system.SystemAllocatorProvider;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.memory.NativeMemory;
import org.pymemlab.runtime.debugmalloc.DebugAllocatorException.Problem;

/** Every error the debug allocator detects, over a fake allocator and over the real obmalloc and system ones. */
class DebugAllocatorTest {

    static Stream<Named<Supplier<Allocator>>> allocators() {
        return Stream.of(
                Named.of("fake", FakeAllocator::new),
                Named.of("obmalloc", () -> real(new ObmallocAllocatorProvider())),
                Named.of("system", () -> real(new SystemAllocatorProvider())));
    }

    private static Allocator real(AllocatorProvider provider) {
        return Guice.createInjector(provider.module(ConfigFactory.defaultReference())).getInstance(Allocator.class);
    }

    private static DebugAllocatorException expect(Problem problem, Runnable action) {
        DebugAllocatorException e = assertThrows(DebugAllocatorException.class, action::run);
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith(problem.text() + " at 0x"), e.getMessage());
        return e;
    }

    private static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    private static void assertBytes(long address, long length, byte expected) {
        for (long i = 0; i < length; i++) {
            assertEquals(expected, NativeMemory.getByte(address + i), "byte at +" + i);
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void freshBlocksAreAlignedCleanAndGuarded(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get())) {
            for (MemoryDomain domain : MemoryDomain.values()) {
                for (long size : new long[] {0, 1, 15, 16, 24, 100, 472, 512, 513, 5000}) {
                    long p = debug.malloc(domain, size);
                    assertNotEquals(0, p);
                    assertEquals(0, p % 16, "16-byte aligned");
                    assertBytes(p, size, DebugAllocator.CLEAN_BYTE);
                    assertBytes(p - 15, 15, DebugAllocator.FORBIDDEN_BYTE);
                    assertBytes(p + size, 8, DebugAllocator.FORBIDDEN_BYTE);
                    assertEquals(size, NativeMemory.getLong(p - 32), "size in the header");
                    assertEquals(size, debug.usableSize(domain, p));
                    NativeMemory.fill(p, size, (byte) 0x5A);   // the caller may use every byte it asked for
                    debug.free(domain, p);
                    assertBytes(p - 32, size + 40, DebugAllocator.DEAD_BYTE);
                }
            }
            assertEquals(30, debug.check());
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void bufferOverrun(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get())) {
            long p = debug.malloc(OBJECT, 24);
            NativeMemory.putByte(p + 24, (byte) 'A');
            DebugAllocatorException e = expect(Problem.BUFFER_OVERRUN, () -> debug.free(OBJECT, p));
            assertEquals(p, e.address());
            assertEquals(24, e.size());
            assertArrayEquals(new byte[] {'A', -3, -3, -3, -3, -3, -3, -3}, e.found());
            assertTrue(e.getMessage().contains(hex(p) + " (24 bytes)"), e.getMessage());
            assertTrue(e.getMessage().contains("the first at p+24"), e.getMessage());
            assertTrue(e.getMessage().endsWith("found 41 fd fd fd fd fd fd fd"), e.getMessage());
            // realloc checks too; the block is still live and unchanged
            expect(Problem.BUFFER_OVERRUN, () -> debug.realloc(OBJECT, p, 100));
            NativeMemory.putByte(p + 31, (byte) 0);
            assertTrue(expect(Problem.BUFFER_OVERRUN, () -> debug.check()).getMessage().contains("the first at p+24"));
            // repaired, it frees normally
            NativeMemory.fill(p + 24, 8, DebugAllocator.FORBIDDEN_BYTE);
            debug.free(OBJECT, p);
            assertEquals(3, detail(debug, "debug.errors"));
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void bufferUnderrun(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get())) {
            long p = debug.malloc(MEM, 40);
            NativeMemory.putByte(p - 1, (byte) 0);
            DebugAllocatorException e = expect(Problem.BUFFER_UNDERRUN, () -> debug.free(MEM, p));
            assertEquals(40, e.size());
            assertEquals(0, e.found()[14]);
            assertTrue(e.getMessage().contains("the first at p-1"), e.getMessage());
            NativeMemory.putByte(p - 1, DebugAllocator.FORBIDDEN_BYTE);
            // The size in the header: the real size is known to the allocator, so nothing is read past the block.
            NativeMemory.putLong(p - 32, 1L << 40);
            e = expect(Problem.BUFFER_UNDERRUN, () -> debug.free(MEM, p));
            assertTrue(e.getMessage().contains("header"), e.getMessage());
            NativeMemory.putLong(p - 32, 40);
            debug.free(MEM, p);
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void doubleFreeWhileInQuarantine(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get())) {
            long p = debug.malloc(OBJECT, 48);
            debug.free(OBJECT, p);
            DebugAllocatorException e = expect(Problem.DOUBLE_FREE, () -> debug.free(OBJECT, p));
            assertEquals(48, e.size());
            assertTrue(e.getMessage().contains("in quarantine and its memory is still all 0xdd"), e.getMessage());
            assertArrayEquals(new byte[16], xor(e.found(), DebugAllocator.DEAD_BYTE));
            expect(Problem.USE_AFTER_FREE, () -> debug.realloc(OBJECT, p, 10));
            expect(Problem.USE_AFTER_FREE, () -> debug.usableSize(OBJECT, p));
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void doubleFreeAfterTheBlockWasReleased(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get(), 1, 1 << 20, 16)) {
            long a = debug.malloc(OBJECT, 64);
            long b = debug.malloc(OBJECT, 64);
            debug.free(OBJECT, a);
            debug.free(OBJECT, b);    // a leaves the quarantine: back to the wrapped allocator
            assertEquals(1, detail(debug, "debug.quarantine.blocks"));
            DebugAllocatorException e = expect(Problem.DOUBLE_FREE, () -> debug.free(OBJECT, a));
            assertEquals(64, e.size());
            assertEquals(0, e.found().length, "released memory is not read");
            assertTrue(e.getMessage().contains("returned to the wrapped allocator"), e.getMessage());
            // Reused by a new allocation, the address is live again and frees normally.
            List<Long> fresh = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fresh.add(debug.malloc(OBJECT, 64));
            }
            for (long p : fresh) {
                debug.free(OBJECT, p);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void foreignPointersAreNeverRead(Supplier<Allocator> inner) {
        Allocator wrapped = inner.get();
        try (DebugAllocator debug = new DebugAllocator(wrapped)) {
            long p = debug.malloc(OBJECT, 32);
            for (long foreign : new long[] {0x10, 0xdead0000L, p + 16, p - 32, -16}) {
                DebugAllocatorException e = expect(Problem.FOREIGN_POINTER, () -> debug.free(OBJECT, foreign));
                assertEquals(foreign, e.address());
                assertEquals(-1, e.size());
                assertEquals(0, e.found().length);
                assertTrue(e.getMessage().contains("did not return"), e.getMessage());
            }
            // A block of the wrapped allocator itself is foreign to the wrapper.
            long direct = wrapped.malloc(OBJECT, 32);
            expect(Problem.FOREIGN_POINTER, () -> debug.free(OBJECT, direct));
            expect(Problem.FOREIGN_POINTER, () -> debug.realloc(OBJECT, direct, 64));
            expect(Problem.FOREIGN_POINTER, () -> debug.usableSize(OBJECT, direct));
            wrapped.free(OBJECT, direct);
            debug.free(OBJECT, p);
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void writeAfterFreeSeenByCheck(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get())) {
            long p = debug.malloc(RAW, 100);
            debug.free(RAW, p);
            NativeMemory.putByte(p + 3, (byte) 0x41);
            DebugAllocatorException e = expect(Problem.WRITE_AFTER_FREE, debug::check);
            assertEquals(p, e.address());
            assertEquals(100, e.size());
            assertEquals(0x41, e.found()[0]);
            assertTrue(e.getMessage().contains("the byte at p+3 is 0x41, expected 0xdd"), e.getMessage());
            // A double free of it says so too.
            e = expect(Problem.DOUBLE_FREE, () -> debug.free(RAW, p));
            assertTrue(e.getMessage().contains("was written since"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void writeAfterFreeSeenWhenTheBlockLeavesQuarantine(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get(), 2, 1 << 20, 16)) {
            long a = debug.malloc(OBJECT, 16);
            long b = debug.malloc(OBJECT, 16);
            long c = debug.malloc(OBJECT, 16);
            debug.free(OBJECT, a);
            NativeMemory.putLong(a + 8, 0);
            debug.free(OBJECT, b);
            DebugAllocatorException e = expect(Problem.WRITE_AFTER_FREE, () -> debug.free(OBJECT, c));
            assertEquals(a, e.address());
            assertTrue(e.getMessage().contains("leaving the quarantine"), e.getMessage());
            assertTrue(e.getMessage().contains("p+8"), e.getMessage());
            // c was freed, a was released all the same: the state is consistent.
            assertEquals(2, detail(debug, "debug.quarantine.blocks"));
            expect(Problem.DOUBLE_FREE, () -> debug.free(OBJECT, a));
            expect(Problem.DOUBLE_FREE, () -> debug.free(OBJECT, c));
            assertEquals(2, debug.check());
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void wrongDomain(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get())) {
            long p = debug.malloc(MEM, 64);
            DebugAllocatorException e = expect(Problem.WRONG_DOMAIN, () -> debug.free(OBJECT, p));
            assertArrayEquals(new byte[] {'m'}, e.found());
            assertTrue(e.getMessage().contains("allocated in the MEM domain ('m'), passed to free in the OBJECT domain ('o')"),
                    e.getMessage());
            expect(Problem.WRONG_DOMAIN, () -> debug.realloc(RAW, p, 10));
            expect(Problem.WRONG_DOMAIN, () -> debug.usableSize(OBJECT, p));
            debug.free(MEM, p);
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void reallocKeepsTheContentAndMovesTheGuards(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get())) {
            long empty = debug.realloc(MEM, 0, 0);
            assertEquals(0, empty % 16);
            debug.free(MEM, empty);
            long p = debug.malloc(MEM, 20);
            for (int i = 0; i < 20; i++) {
                NativeMemory.putByte(p + i, (byte) i);
            }
            long q = debug.realloc(MEM, p, 600);
            for (int i = 0; i < 20; i++) {
                assertEquals((byte) i, NativeMemory.getByte(q + i));
            }
            assertBytes(q + 20, 580, DebugAllocator.CLEAN_BYTE);
            assertBytes(q + 600, 8, DebugAllocator.FORBIDDEN_BYTE);
            assertEquals(600, debug.usableSize(MEM, q));
            if (q != p) {
                // The wrapped realloc moved it and freed the old block.
                assertTrue(expect(Problem.DOUBLE_FREE, () -> debug.free(MEM, p)).getMessage().contains("returned"));
            }
            long r = debug.realloc(MEM, q, 10);
            for (int i = 0; i < 10; i++) {
                assertEquals((byte) i, NativeMemory.getByte(r + i));
            }
            assertBytes(r + 10, 8, DebugAllocator.FORBIDDEN_BYTE);
            NativeMemory.putByte(r + 10, (byte) 1);
            expect(Problem.BUFFER_OVERRUN, () -> debug.realloc(MEM, r, 30));
            NativeMemory.putByte(r + 10, DebugAllocator.FORBIDDEN_BYTE);
            debug.free(MEM, r);
            assertEquals(2, debug.check(), "two freed blocks in quarantine");
        }
    }

    @Test
    void failedRequestsChangeNothing() {
        FakeAllocator fake = new FakeAllocator();
        try (DebugAllocator debug = new DebugAllocator(fake)) {
            fake.failNext = true;
            assertEquals(0, debug.malloc(OBJECT, 10));
            assertEquals(0, debug.malloc(OBJECT, Long.MAX_VALUE - 20));
            long p = debug.malloc(OBJECT, 10);
            NativeMemory.putByte(p, (byte) 7);
            fake.failNext = true;
            assertEquals(0, debug.realloc(OBJECT, p, 1000));
            assertEquals(7, NativeMemory.getByte(p));
            assertEquals(10, debug.usableSize(OBJECT, p));
            debug.free(OBJECT, p);
            assertEquals(1, debug.check());
        }
    }

    @Test
    void badPointersNeverReachTheWrappedAllocator() {
        FakeAllocator fake = new FakeAllocator();   // it fails the test on a free of something not its own
        try (DebugAllocator debug = new DebugAllocator(fake, 4, 1 << 20, 8)) {
            long p = debug.malloc(OBJECT, 8);
            debug.free(OBJECT, p);
            int frees = fake.freeCalls;
            expect(Problem.DOUBLE_FREE, () -> debug.free(OBJECT, p));
            expect(Problem.FOREIGN_POINTER, () -> debug.free(OBJECT, 0x1000));
            long q = debug.malloc(OBJECT, 8);
            NativeMemory.putByte(q + 8, (byte) 0);
            expect(Problem.BUFFER_OVERRUN, () -> debug.free(OBJECT, q));
            assertEquals(frees, fake.freeCalls, "nothing was passed on");
            assertTrue(fake.owns(p - DebugAllocator.HEADER), "the freed block is held in quarantine");
        }
    }

    @Test
    void statsAreTheWrappedAllocatorsWithTheDebugOverhead() {
        FakeAllocator fake = new FakeAllocator();
        try (DebugAllocator debug = new DebugAllocator(fake)) {
            long a = debug.malloc(OBJECT, 100);
            long b = debug.malloc(MEM, 28);
            debug.free(MEM, b);
            AllocatorStats s = debug.stats();
            assertEquals(2, s.mallocCalls());
            assertEquals(2, s.liveBlocks(), "the quarantined block is still the wrapped allocator's");
            assertEquals(100 + 28 + 2 * DebugAllocator.OVERHEAD, s.bytesRequested());
            assertEquals(1L, s.details().get("debug.blocks.live"));
            assertEquals(100L, s.details().get("debug.bytes.requested"));
            assertEquals(2L * DebugAllocator.OVERHEAD, s.details().get("debug.bytes.overhead"));
            assertEquals(1L, s.details().get("debug.quarantine.blocks"));
            assertEquals(28L + DebugAllocator.OVERHEAD, s.details().get("debug.quarantine.bytes"));
            assertEquals(3L, s.details().get("debug.serial"));
            assertEquals(0L, s.details().get("debug.errors"));
            assertEquals(2L, s.details().get("fake.blocks"), "the wrapped allocator's details are kept");
            debug.free(OBJECT, a);
        }
    }

    @Test
    void debugStatsAreTheWrappedAllocators() {
        try (DebugAllocator debug = new DebugAllocator(real(new ObmallocAllocatorProvider()))) {
            long p = debug.malloc(OBJECT, 24);   // 64 bytes with the overhead: class 3
            String text = debug.debugStats().orElseThrow();
            assertTrue(text.contains("\n    3     64           1               1           254\n"), text);
            debug.free(OBJECT, p);
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void aHealthyRandomWorkloadRaisesNothing(Supplier<Allocator> inner) {
        try (DebugAllocator debug = new DebugAllocator(inner.get(), 64, 1 << 16, 256)) {
            SplittableRandom random = new SplittableRandom(11);
            List<long[]> blocks = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                int op = random.nextInt(10);
                if (op < 5 || blocks.isEmpty()) {
                    long size = random.nextInt(700);
                    long p = debug.malloc(OBJECT, size);
                    NativeMemory.fill(p, size, (byte) i);
                    blocks.add(new long[] {p, size});
                } else if (op < 7) {
                    long[] b = blocks.get(random.nextInt(blocks.size()));
                    long size = random.nextInt(700);
                    b[0] = debug.realloc(OBJECT, b[0], size);
                    b[1] = size;
                    NativeMemory.fill(b[0], size, (byte) 1);
                } else {
                    long[] b = blocks.remove(random.nextInt(blocks.size()));
                    debug.free(OBJECT, b[0]);
                }
            }
            assertEquals(blocks.size() + 64, debug.check());
            for (long[] b : blocks) {
                debug.free(OBJECT, b[0]);
            }
            assertEquals(0, detail(debug, "debug.errors"));
        }
    }

    private static long detail(DebugAllocator debug, String name) {
        return debug.stats().details().get(name);
    }

    private static byte[] xor(byte[] bytes, byte with) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= with;
        }
        return out;
    }
}
