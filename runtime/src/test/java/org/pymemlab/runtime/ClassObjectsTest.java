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

    @Test
    void valueSubclassInstancesCopyTheBuiltInsValueAndKeepADictOnEveryProfile() {
        for (String profile : List.of("cpython-3.11", "cpython-3.12", "cpython-3.13")) {
            try (PyRuntime rt = Runtimes.create(profile, "obmalloc", "generational", "cpython")) {
                Mutator m = rt.mutator();
                ObjectSpace os = ObjectSpace.of(m);
                long item = m.newStr("an item");
                long itemRefs = os.refcount(item);
                long[] plain = {m.newInt(-12345678901234L), m.newFloat(2.5), m.newStr("héllo"),
                    m.newBytes(new byte[] {1, 2, 3}), m.newTuple(item, item)};
                assertEquals(itemRefs + 2, os.refcount(item));
                for (long value : plain) {
                    long base = os.typeOf(value);
                    long cls = os.newClass(ClassSpec.plain("Sub"), 0, base, 0, 0);
                    long slotted = os.newClass(ClassSpec.withSlots("Slotted"), 0, base, 0, 0);
                    long inst = os.newValueInstance(cls, value);
                    long bare = os.newValueInstance(slotted, value);
                    String what = profile + " " + os.typeName(base);
                    assertEquals(cls, os.typeOf(inst));
                    assertTrue(os.builtinEqual(inst, value) && os.builtinEqual(value, bare), what);
                    assertEquals(m.hash(value), m.hash(inst), what);
                    // CPython's exact figures are the corpus's (subclass_sizes.py); 3.11's int.__sizeof__ leaves out
                    // the __dict__ pointer after the digits, so the sizes only never shrink
                    assertTrue(m.getsizeof(inst) >= m.getsizeof(bare), what);
                    assertTrue(m.getsizeof(bare) >= m.getsizeof(value), what + ": a subclass's instance is a GC object");
                    assertThrows(PyException.class, () -> m.setAttr(bare, "tag", value));
                    // the __dict__, wherever it sits, holds attributes and takes part in cycles
                    m.setAttr(inst, "self", inst);
                    assertEquals(inst, m.getAttr(inst, "self"));
                    m.decref(inst);
                    m.decref(bare);
                    assertTrue(m.collect() >= 2, what); // the instance and its __dict__
                    m.decref(cls);
                    m.decref(slotted);
                    m.decref(value);
                }
                m.collect();
                assertEquals(itemRefs, os.refcount(item));
                m.decref(item);
                assertEquals(0, rt.leaks().objects());
            }
        }
    }

    @Test
    void onlyTheBuiltInsOwnKindIsCopiedIntoAValueSubclass() {
        try (PyRuntime rt = Runtimes.defaults()) {
            Mutator m = rt.mutator();
            ObjectSpace os = ObjectSpace.of(m);
            long cls = os.newClass(ClassSpec.plain("I"), 0, os.builtinType("int"), 0, 0);
            long str = m.newStr("x");
            assertThrows(PyException.class, () -> os.newValueInstance(cls, str));
            assertThrows(PyException.class, () -> os.newClass(ClassSpec.plain("Bad"), 0, os.builtinType("bool"), 0, 0));
            m.decref(str);
            m.decref(cls);
            m.collect();
            assertEquals(0, rt.leaks().objects());
        }
    }
}
