package org.pymemlab.runtime.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyException;
import org.pymemlab.runtime.config.ConfigLayers;
import org.pymemlab.runtime.heap.HeapInvariants;
import org.pymemlab.runtime.heap.InspectableRuntime;
import org.pymemlab.runtime.heap.TrackingAllocator;

/**
 * Out of memory on every allocation path: a program past {@code pymem.heap.limit} gets {@code MemoryError} and the
 * heap stays consistent; and each operation, made to fail at its first, second, … allocation, raises
 * {@code MemoryError}, leaves its objects as they were (CPython's semantics) and every heap invariant intact.
 */
class MemoryErrorTest {

    private static Config config(String profile, String allocator, String collector, String interning) {
        return ConfigLayers.builder(MemoryErrorTest.class.getClassLoader())
                .set("pymem.profile", profile)
                .set("pymem.allocator", allocator)
                .set("pymem.collector", collector)
                .set("pymem.interning", interning)
                .build()
                .config();
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (String profile : List.of("cpython-3.11", "cpython-3.12", "cpython-3.13")) {
            for (String allocator : List.of("obmalloc", "system")) {
                for (String collector : List.of("generational", "refcount-only")) {
                    for (String interning : List.of("cpython", "none")) {
                        all.add(Arguments.of(profile, allocator, collector, interning));
                    }
                }
            }
        }
        return all.stream();
    }

    /** A runtime whose allocator is tracked (outside) and limited (inside). */
    private record Limited(InspectableRuntime rt, TrackingAllocator tracker, LimitedAllocator limited) {
    }

    private static Limited limited(Config config, long limit) {
        LimitedAllocator[] l = new LimitedAllocator[1];
        TrackingAllocator[] t = new TrackingAllocator[1];
        InspectableRuntime rt = InspectableRuntime.create(config,
                a -> t[0] = new TrackingAllocator(l[0] = new LimitedAllocator(a, limit)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new Limited(rt, t[0], l[0]);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("combinations")
    void aProgramPastTheLimitGetsMemoryErrorAndTheHeapStaysConsistent(String profile, String allocator,
            String collector, String interning) {
        Limited l = limited(config(profile, allocator, collector, interning), 512 * 1024);
        try (InspectableRuntime rt = l.rt()) {
            Mutator m = rt.mutator();
            long xs = m.newList();
            m.setRoot("xs", xs);
            m.decref(xs);
            long cls = m.newClass(ClassSpec.plain("Node"));
            m.setRoot("Node", cls);
            m.decref(cls);
            int appended = 0;
            PyException error = null;
            try {
                for (int i = 0; i < 100_000; i++) {
                    long node = m.newInstance(cls);
                    long payload = 0;
                    try {
                        payload = m.newStr("payload-" + i + "-".repeat(i % 50));
                        m.setAttr(node, "payload", payload);
                        m.setAttr(node, "self", node); // a cycle per node
                        m.listAppend(xs, node);
                        appended++;
                    } finally {
                        if (payload != 0) {
                            m.decref(payload);
                        }
                        m.decref(node);
                    }
                }
            } catch (PyException e) {
                error = e;
            }
            assertTrue(error != null, "no MemoryError within 100000 nodes");
            assertEquals("MemoryError", error.pythonType());
            assertTrue(l.limited().refusals() > 0);
            assertTrue(l.limited().bytesInUse() <= 512 * 1024);
            assertEquals(appended, m.len(xs));
            HeapInvariants.check(rt, l.tracker(), new long[0]);

            // the program can go on after freeing memory: drop everything and collect (the list is emptied
            // first because delRoot allocates a str for the name; see the report on issue 8)
            m.listClear(xs);
            m.delRoot("xs");
            m.collect();
            HeapInvariants.Snapshot after = HeapInvariants.check(rt, l.tracker(), new long[0]);
            if (collector.equals("generational")) {
                assertEquals(0, after.unreachable().size(), "garbage survived a full collection");
                long again = m.newList();
                m.decref(again);
            } else {
                assertTrue(rt.leaks().objects() >= 2L * appended, "the cycles leak without a cycle collector");
            }
            rt.shutdownHeap();
            assertEquals(List.of(), l.tracker().violations());
        }
        assertEquals(List.of(), l.tracker().violations());
    }

    // ---- every allocation of every operation, failing in turn ----

    /** An operation under test: {@code setUp} builds objects (kept in roots), {@code act} is the one that may fail. */
    private record Scenario(String name, Setup setUp, Act act, boolean keepsPartialEffect) {
    }

    @FunctionalInterface
    private interface Setup {
        void run(Mutator m);
    }

    @FunctionalInterface
    private interface Act {
        void run(Mutator m);
    }

    private static long root(Mutator m, String name) {
        return m.getRoot(name);
    }

    /** Binds a new reference to a root and releases it (also when binding fails). */
    private static void keep(Mutator m, String name, long op) {
        try {
            m.setRoot(name, op);
        } finally {
            m.decref(op);
        }
    }

    private static List<Scenario> scenarios() {
        List<Scenario> s = new ArrayList<>();
        s.add(new Scenario("list.append grows the item array", m -> {
            keep(m, "xs", m.newList());
            for (int i = 0; i < 4; i++) {
                m.listAppend(root(m, "xs"), m.none());
            }
            keep(m, "item", m.newStr("item"));
        }, m -> m.listAppend(root(m, "xs"), root(m, "item")), false));
        s.add(new Scenario("list.insert grows the item array", m -> {
            keep(m, "xs", m.newList());
            for (int i = 0; i < 8; i++) {
                m.listAppend(root(m, "xs"), m.bool(i % 2 == 0));
            }
            keep(m, "item", m.newStr("item"));
        }, m -> m.listInsert(root(m, "xs"), 3, root(m, "item")), false));
        // list_resize on the way down: 4 of 8 slots used, popping one reallocates the array
        s.add(new Scenario("list.pop shrinks the item array", m -> {
            keep(m, "xs", m.newList());
            for (int i = 0; i < 8; i++) {
                long v = m.newStr("v" + i);
                m.listAppend(root(m, "xs"), v);
                m.decref(v);
            }
            for (int i = 0; i < 4; i++) {
                m.decref(m.listPop(root(m, "xs"), -1));
            }
        }, m -> m.decref(m.listPop(root(m, "xs"), 1)), false));
        s.add(new Scenario("BUILD_LIST", m -> keep(m, "item", m.newStr("item")),
                m -> keep(m, "xs", m.newList(root(m, "item"), root(m, "item"))), false));
        s.add(new Scenario("tuple", m -> keep(m, "item", m.newStr("item")),
                m -> keep(m, "t", m.newTuple(root(m, "item"), m.none())), false));
        s.add(new Scenario("dict: first key", m -> {
            keep(m, "d", m.newDict());
            keep(m, "k", m.newStr("key"));
        }, m -> m.dictSet(root(m, "d"), root(m, "k"), root(m, "k")), false));
        s.add(new Scenario("dict: insert resizes", m -> {
            keep(m, "d", m.newDict());
            for (int i = 0; i < 5; i++) {
                long k = m.newStr("key" + i);
                m.dictSet(root(m, "d"), k, k);
                m.decref(k);
            }
            keep(m, "k", m.newStr("key5"));
        }, m -> m.dictSet(root(m, "d"), root(m, "k"), root(m, "k")), false));
        s.add(new Scenario("dict: a non-str key converts the table", m -> {
            keep(m, "d", m.newDict());
            long k = m.newStr("key");
            m.dictSet(root(m, "d"), k, k);
            m.decref(k);
            keep(m, "k", m.newInt(12345));
        }, m -> m.dictSet(root(m, "d"), root(m, "k"), root(m, "k")), false));
        // set_add_entry stores the key before it resizes, so on MemoryError the key is in (CPython does the same)
        s.add(new Scenario("set.add resizes", m -> {
            keep(m, "s", m.newSet());
            for (int i = 0; i < 4; i++) {
                long k = m.newStr("key" + i);
                m.setAdd(root(m, "s"), k);
                m.decref(k);
            }
            keep(m, "k", m.newStr("key4"));
        }, m -> m.setAdd(root(m, "s"), root(m, "k")), true));
        s.add(new Scenario("set(items) resizes while built", m -> {
            for (int i = 0; i < 12; i++) {
                keep(m, "k" + i, m.newStr("key" + i));
            }
        }, m -> {
            long[] items = new long[12];
            for (int i = 0; i < 12; i++) {
                items[i] = root(m, "k" + i);
            }
            keep(m, "s", m.newSet(items));
        }, false));
        // a root bound first, so that binding the others does not allocate the globals' keys table (see
        // setRootReleasesItsNameOnMemoryError)
        s.add(new Scenario("str, bytes, big int, float", m -> keep(m, "x", m.newList()), m -> {
            keep(m, "a", m.newStr("a string"));
            keep(m, "b", m.newBytes(new byte[] {1, 2, 3}));
            keep(m, "c", m.newInt(java.math.BigInteger.TEN.pow(40)));
            keep(m, "d", m.newFloat(1.5));
        }, true));
        s.add(new Scenario("class and instance with attributes", m -> {
            keep(m, "v", m.newStr("value"));
        }, m -> {
            keep(m, "C", m.newClass(ClassSpec.plain("C")));
            keep(m, "o", m.newInstance(root(m, "C")));
            for (int i = 0; i < 40; i++) {
                m.setAttr(root(m, "o"), "attr" + i, root(m, "v"));
            }
        }, true));
        s.add(new Scenario("instance attribute", m -> {
            keep(m, "C", m.newClass(ClassSpec.plain("C")));
            keep(m, "o", m.newInstance(root(m, "C")));
            keep(m, "v", m.newStr("value"));
        }, m -> m.setAttr(root(m, "o"), "attr", root(m, "v")), false));
        s.add(new Scenario("an instance's split __dict__", m -> {
            keep(m, "C", m.newClass(ClassSpec.plain("C")));
            keep(m, "o", m.newInstance(root(m, "C")));
            keep(m, "v", m.newStr("value"));
            keep(m, "k", m.newInt(7));
            m.setAttr(root(m, "o"), "a", root(m, "v"));
            m.setAttr(root(m, "o"), "b", root(m, "v"));
        }, m -> {
            org.pymemlab.runtime.ObjectSpace os = m.objectSpace();
            keep(m, "d", os.instanceDict(root(m, "o")));
            keep(m, "copy", os.dictCopy(root(m, "d")));
            keep(m, "merged", m.newDict());
            os.dictMerge(root(m, "merged"), root(m, "d"));
            m.setAttr(root(m, "o"), "c", root(m, "v"));
            long item = os.dictPopItem(root(m, "copy"));
            if (item != 0) {
                keep(m, "item", item);
            }
            m.dictSet(root(m, "d"), root(m, "k"), root(m, "v")); // a non-str key: combined from here on
            keep(m, "fresh", m.newDict());
            os.setInstanceDict(root(m, "o"), root(m, "fresh"));
        }, true));
        s.add(new Scenario("list and set builders", m -> {
            keep(m, "v", m.newStr("value"));
            keep(m, "w", m.newStr("other"));
            keep(m, "s", m.newSet(root(m, "v"), root(m, "w")));
        }, m -> {
            org.pymemlab.runtime.ObjectSpace os = m.objectSpace();
            long[] items = {root(m, "v"), root(m, "w"), root(m, "v")};
            keep(m, "split", os.newListWithRoom(2, items));
            keep(m, "a", m.newList());
            os.listExtendSequence(root(m, "a"), true, items);
            os.listExtendIterated(root(m, "a"), 8, items);
            keep(m, "b", m.newList());
            os.listExtendIterated(root(m, "b"), 2, items);
            keep(m, "d", m.newDict());
            os.dictPresize(root(m, "d"), 6, false);
            keep(m, "t", m.newSet());
            os.setUpdateFrom(root(m, "t"), root(m, "s"));
            os.buildingSetDiscard(root(m, "t"), root(m, "v"));
            os.setResizeAwayDummies(root(m, "t"));
            os.buildingSetAdd(root(m, "t"), root(m, "v"));
        }, true));
        s.add(new Scenario("weakref with callback", m -> {
            keep(m, "s", m.newSet());
        }, m -> keep(m, "w", m.newWeakref(root(m, "s"), (mm, wr) -> { })), false));
        s.add(new Scenario("sys.intern", m -> keep(m, "s", m.newStr("to be interned")),
                m -> m.decref(m.intern(root(m, "s"))), true));
        return s;
    }

    /** What a program can see of an object: its size and what it holds. */
    private static String describe(Mutator m, long op) {
        String type = m.typeName(op);
        StringBuilder sb = new StringBuilder(type).append(" size=").append(m.getsizeof(op));
        switch (type) {
            case "list" -> {
                for (long i = 0; i < m.len(op); i++) {
                    sb.append(' ').append(m.listGet(op, i));
                }
            }
            case "dict" -> {
                for (long k : m.dictKeys(op)) {
                    sb.append(' ').append(k).append(':').append(m.dictGet(op, k));
                }
            }
            case "set", "frozenset" -> sb.append(' ').append(m.setItems(op));
            default -> sb.append(' ').append(m.repr(op));
        }
        return sb.toString();
    }

    private static String describeRoots(Mutator m) {
        StringBuilder sb = new StringBuilder();
        for (String name : m.rootNames()) {
            sb.append(name).append('=').append(describe(m, m.getRoot(name))).append('\n');
        }
        return sb.toString();
    }

    @TestFactory
    Stream<DynamicTest> everyAllocationOfEveryOperationCanFail() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String profile : List.of("cpython-3.11", "cpython-3.12", "cpython-3.13")) {
            for (String allocator : List.of("obmalloc", "system")) {
                for (Scenario scenario : scenarios()) {
                    tests.add(DynamicTest.dynamicTest(profile + " " + allocator + ": " + scenario.name(),
                            () -> failEachAllocation(config(profile, allocator, "generational", "cpython"), scenario)));
                }
            }
        }
        for (Scenario scenario : scenarios()) {
            tests.add(DynamicTest.dynamicTest("cpython-3.13 obmalloc refcount-only none: " + scenario.name(),
                    () -> failEachAllocation(config("cpython-3.13", "obmalloc", "refcount-only", "none"), scenario)));
        }
        return tests.stream();
    }

    private static void failEachAllocation(Config config, Scenario scenario) {
        for (int allowed = 0; allowed < 500; allowed++) {
            Limited l = limited(config, Long.MAX_VALUE);
            InspectableRuntime rt = l.rt();
            // a runtime found inconsistent is not closed: releasing a corrupted heap could crash the JVM
            Mutator m = rt.mutator();
            scenario.setUp().run(m);
            String before = describeRoots(m);
            l.tracker().failAfter(allowed);
            try {
                scenario.act().run(m);
                l.tracker().setFailing(false);
                HeapInvariants.check(rt, l.tracker(), new long[0]);
                rt.close();
                assertEquals(List.of(), l.tracker().violations());
                return; // every allocation of the operation has been made to fail once
            } catch (PyException e) {
                l.tracker().setFailing(false);
                assertEquals("MemoryError", e.pythonType(), e.getMessage());
            }
            try {
                HeapInvariants.check(rt, l.tracker(), new long[0]);
            } catch (AssertionError e) {
                throw new AssertionError("after MemoryError at allocation " + (allowed + 1) + ": " + e.getMessage(), e);
            }
            if (!scenario.keepsPartialEffect()) {
                assertEquals(before, describeRoots(m), "MemoryError at allocation " + (allowed + 1)
                        + " changed what the program sees");
            }
            assertEquals(0, rt.leaks().objects(), "MemoryError at allocation " + (allowed + 1) + " leaked "
                    + rt.leaks().byType());
            rt.close();
            assertEquals(List.of(), l.tracker().violations());
        }
        fail("the operation still fails after 500 allocations");
    }

    @org.junit.jupiter.api.Test
    void setRootReleasesItsNameOnMemoryError() {
        Limited l = limited(config("cpython-3.13", "obmalloc", "generational", "none"), Long.MAX_VALUE);
        InspectableRuntime rt = l.rt();
        Mutator m = rt.mutator();
        long v = m.newList();
        l.tracker().failAfter(1); // the name's str is allocated, the globals' keys table is not
        assertThrows(PyException.class, () -> m.setRoot("name", v));
        l.tracker().setFailing(false);
        m.decref(v);
        HeapInvariants.check(rt, l.tracker(), new long[0]);
        rt.close();
    }

    @org.junit.jupiter.api.Test
    void closingTheRuntimeReturnsItsMemory() {
        Limited l = limited(config("cpython-3.13", "system", "generational", "cpython"), 64 * 1024);
        InspectableRuntime rt = l.rt();
        Mutator m = rt.mutator();
        long xs = m.newList();
        m.setRoot("xs", xs);
        m.decref(xs);
        assertThrows(PyException.class, () -> {
            for (int i = 0; i < 100_000; i++) {
                long s = m.newStr("s" + i);
                try {
                    m.listAppend(xs, s);
                } finally {
                    m.decref(s);
                }
            }
        });
        rt.close();
        assertEquals(0, l.tracker().inner().stats().liveBlocks(), "blocks left after close");
        assertEquals(List.of(), l.tracker().violations());
    }
}
