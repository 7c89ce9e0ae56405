package org.pymemlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classes with __bases__ and __mro__, metaclasses, and subclasses of list, dict and set on the heap. */
class ClassObjectsTest {

    @Test
    void aClassHoldsItsMroAndBasesAndDiesOnlyByTheCollector() {
        try (PyRuntime rt = Runtimes.defaults()) {
            Mutator m = rt.mutator();
            ObjectSpace os = ObjectSpace.of(m);
            long a = m.newClass(ClassSpec.plain("A"));
            long before = os.refcount(a);
            long bases = m.newTuple(a);
            long b = os.newClass(ClassSpec.plain("B"), 0, a, bases, 0);
            long mro = m.newTuple(b, a);
            os.setClassMro(b, mro);
            assertEquals(bases, os.classBases(b));
            assertEquals(mro, os.classMro(b));
            // B's __base__, __bases__ and __mro__ each refer to A
            assertEquals(before + 3, os.refcount(a));
            m.decref(bases);
            m.decref(mro);
            m.decref(b);
            assertTrue(os.isLive(b), "B's __mro__ keeps it alive");
            assertTrue(m.collect() >= 2);
            assertEquals(before, os.refcount(a));
            m.decref(a);
            assertEquals(0, rt.leaks().objects());
        }
    }

    @Test
    void aClassMadeByAMetaclassIsItsInstanceAndVisitsIt() {
        try (PyRuntime rt = Runtimes.defaults()) {
            Mutator m = rt.mutator();
            ObjectSpace os = ObjectSpace.of(m);
            long meta = os.newClass(ClassSpec.plain("Meta"), 0, os.builtinType("type"), 0, 0);
            long metaRefs = os.refcount(meta);
            long cls = os.newClass(ClassSpec.plain("C"), meta, 0, 0, 0);
            assertEquals(meta, os.typeOf(cls));
            assertEquals(metaRefs + 1, os.refcount(meta));
            List<Long> referents = new ArrayList<>();
            os.traverse(cls, referents::add);
            assertTrue(referents.contains(meta));
            assertThrows(PyException.class, () -> m.newInstance(meta));
            assertThrows(PyException.class, () -> os.newClass(ClassSpec.plain("D"), cls, 0, 0, 0));
            m.decref(cls);
            assertEquals(metaRefs, os.refcount(meta));
            m.decref(meta);
            assertEquals(0, rt.leaks().objects());
        }
    }

    @Test
    void containerSubclassInstancesAreTheBuiltInsWithADict() {
        try (PyRuntime rt = Runtimes.defaults()) {
            Mutator m = rt.mutator();
            ObjectSpace os = ObjectSpace.of(m);
            for (String builtin : List.of("list", "dict", "set")) {
                long cls = os.newClass(ClassSpec.plain("Sub"), 0, os.builtinType(builtin), 0, 0);
                long slotted = os.newClass(ClassSpec.withSlots("Slotted"), 0, os.builtinType(builtin), 0, 0);
                long inst = os.newContainerInstance(cls);
                long bare = os.newContainerInstance(slotted);
                long exact = switch (builtin) {
                    case "list" -> m.newList();
                    case "dict" -> m.newDict();
                    default -> m.newSet();
                };
                assertEquals(cls, os.typeOf(inst));
                assertEquals(0, m.len(inst));
                assertTrue(m.getsizeof(inst) > m.getsizeof(bare), builtin + ": the __dict__ costs room");
                assertTrue(m.getsizeof(bare) >= m.getsizeof(exact), builtin);
                long v = m.newInt(7);
                m.setAttr(inst, "tag", v);
                assertEquals(v, m.getAttr(inst, "tag"));
                assertThrows(PyException.class, () -> m.setAttr(bare, "tag", v));
                // a cycle through the instance's __dict__ is found by the collector
                m.setAttr(inst, "self", inst);
                m.decref(v);
                m.decref(inst);
                m.decref(bare);
                m.decref(exact);
                assertTrue(m.collect() >= 1, builtin);
                m.decref(cls);
                m.decref(slotted);
            }
            m.collect();
            assertEquals(0, rt.leaks().objects());
        }
    }
}
