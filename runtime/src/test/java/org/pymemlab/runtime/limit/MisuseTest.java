package org.pymemlab.runtime.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.ConfigLayers;
import org.pymemlab.runtime.heap.InspectableRuntime;
import org.pymemlab.runtime.heap.TrackingAllocator;

/**
 * Misuse through the Java API, as the runtime detects it today (issue 8). Only cases that cannot corrupt memory
 * are exercised: decref of an object already dead but whose memory the runtime still owns (a free list), and a
 * double free stopped by an allocator wrapper. Use of an object whose block went back to the allocator is not
 * detected today (see the report on issue 8: the proposed {@code pymem.debug} live-set check).
 */
class MisuseTest {

    private static Config config(String allocator) {
        return ConfigLayers.builder(MisuseTest.class.getClassLoader())
                .set("pymem.allocator", allocator)
                .build()
                .config();
    }

    private static InspectableRuntime runtime(String allocator, TrackingAllocator[] tracker) {
        return InspectableRuntime.create(config(allocator), a -> tracker[0] = new TrackingAllocator(a),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"obmalloc", "system"})
    void decrefBelowZeroOfAnObjectOnAFreeListIsReportedWithItsAddress(String allocator) {
        TrackingAllocator[] t = new TrackingAllocator[1];
        try (InspectableRuntime rt = runtime(allocator, t)) {
            Mutator m = rt.mutator();
            long f = m.newFloat(2.5);
            m.decref(f); // to the float free list: dead, memory kept by the runtime
            assertFalse(rt.isLive(f));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.decref(f));
            assertTrue(e.getMessage().contains(String.format("0x%x", f)), e.getMessage());
            // the heap is still usable, and the float comes back from the free list intact
            long g = m.newFloat(1.0);
            assertEquals(f, g);
            assertEquals(1, rt.refcount(g));
            m.decref(g);
            assertEquals(List.of(), t[0].violations());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"obmalloc", "system"})
    void aDoubleFreeIsStoppedByTheAllocatorWrapperNotPassedToMalloc(String allocator) {
        TrackingAllocator[] t = new TrackingAllocator[1];
        try (InspectableRuntime _ = runtime(allocator, t)) {
            TrackingAllocator tracker = t[0];
            long block = tracker.malloc(MemoryDomain.MEM, 40);
            tracker.free(MemoryDomain.MEM, block);
            tracker.free(MemoryDomain.MEM, block); // glibc would abort the JVM here
            assertEquals(List.of(String.format("free of 0x%x, which is not a live block (double free?)", block)),
                    tracker.violations());
        }
    }
}
