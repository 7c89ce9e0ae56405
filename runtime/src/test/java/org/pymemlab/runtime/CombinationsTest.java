package org.pymemlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same program on every allocator × collector × interning × profile combination. */
class CombinationsTest {

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

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("combinations")
    void acyclicWorkLeavesNothingAndCyclesDependOnTheCollector(
            String profile, String allocator, String collector, String interning) {
        try (PyRuntime rt = Runtimes.create(profile, allocator, collector, interning)) {
            Mutator m = rt.mutator();
            long objectsBefore = rt.heapStats().objectsAlive();

            // acyclic: containers of every kind, dropped again
            long keep = m.newList();
            m.setRoot("keep", keep);
            m.decref(keep);
            for (int i = 0; i < 2_000; i++) {
                long n = m.newInt(i * 7919L);
                long s = m.newStr("item-" + i + (i % 3 == 0 ? "é" : i % 3 == 1 ? "€" : "😀"));
                long f = m.newFloat(i / 3.0);
                long t = m.newTuple(n, s, f);
                long d = m.newDict();
                m.dictSet(d, s, t);
                long set = m.newSet(n, s);
                long l = m.newList(d, set, m.newBytes(new byte[] {(byte) i, 1, 2}));
                m.decref(m.listGet(l, 2)); // the bytes' creation reference
                m.listAppend(keep, l);
                for (long o : new long[] {n, s, f, t, d, set, l}) {
                    m.decref(o);
                }
            }
            m.delRoot("keep");
            assertEquals(0, rt.leaks().objects(), "acyclic garbage leaked");

            // cyclic: instances pointing at each other, lists holding themselves
            long cls = m.newClass(ClassSpec.plain("Node"));
            for (int i = 0; i < 100; i++) {
                long a = m.newInstance(cls);
                long b = m.newInstance(cls);
                m.setAttr(a, "peer", b);
                m.setAttr(b, "peer", a);
                long self = m.newList();
                m.listAppend(self, self);
                for (long o : new long[] {a, b, self}) {
                    m.decref(o);
                }
            }
            m.decref(cls);
            m.collect();
            LeakReport leaks = rt.leaks();
            // 3.12 keeps interned strings for good; 3.11 and 3.13 free them with their last reference
            boolean internTableKeepsName = interning.equals("cpython") && profile.equals("cpython-3.12");
            if (collector.equals("generational")) {
                assertEquals(0, leaks.objects(), "cycles survived a full collection: " + leaks.byType());
                // what remains is what was there before, plus the attribute name if the intern table keeps it
                assertEquals(objectsBefore + (internTableKeepsName ? 1 : 0), rt.heapStats().objectsAlive());
            } else {
                // 200 instances (their attributes live in values arrays, not dicts), 100 self-holding lists and
                // the class; unless the intern table keeps it, the class's shared keys also hold the "peer" string
                assertEquals(internTableKeepsName ? 301 : 302, leaks.objects(), leaks.byType().toString());
                assertEquals(200L, leaks.byType().get("Node"));
                assertTrue(leaks.bytes() > 0);
            }
        }
    }
}
