package org.pymemlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classes laid out as a C struct (ClassSpec.Struct, the exceptions): fields, a __dict__ made on first use. */
class StructClassesTest {

    private static final ClassSpec.Struct BASE = new ClassSpec.Struct(List.of("args", "cause"), 48,
            List.of("cause", "args"));

    @Test
    void fieldsAreTheObjectsWordsAndTheDictComesWithTheFirstOtherAttribute() {
        try (PyRuntime rt = Runtimes.create("cpython-3.12", "obmalloc", "generational", "cpython")) {
            Mutator m = rt.mutator();
            ObjectSpace os = ObjectSpace.of(m);
            long cls = os.newClass(ClassSpec.struct("Base", BASE), 0, 0, 0, 0);
            long inst = m.newInstance(cls);
            assertEquals(48 + 16, m.getsizeof(inst), "basicsize and the GC header, no pre-header");
            long args = m.newTuple(m.none());
            m.setAttr(inst, "args", args);
            assertEquals(args, m.getAttr(inst, "args"));
            assertEquals(List.of(args), referents(os, inst), "no dict until an attribute needs one, and no class visit");
            long value = m.newList();
            m.setAttr(inst, "other", value);
            long dict = os.instanceDict(inst);
            assertEquals(1, m.len(dict), "the fields stay out of the dict");
            assertEquals(List.of(dict, args), referents(os, inst), "the dict first, then the fields in visit order");
            os.setStructByte(inst, 40, 1);
            assertEquals(1, os.structByte(inst, 40));
            assertThrows(IllegalArgumentException.class, () -> os.structByte(inst, 48));
            assertThrows(PyException.class, () -> m.newWeakref(inst, null), "a struct takes no weak references");
            m.decref(dict);
            m.decref(value);
            m.decref(args);
            // a cycle through the dict: the instance, its dict, and the tuple and list only they hold
            m.setAttr(inst, "self", inst);
            m.decref(inst);
            assertEquals(4, m.collect());
            m.decref(cls);
            assertEquals(0, rt.leaks().objects());
        }
    }

    @Test
    void subclassesAddTheirFieldsOrAWeakrefListAsTypeNewDoes() {
        for (String profile : List.of("cpython-3.11", "cpython-3.12", "cpython-3.13")) {
            try (PyRuntime rt = Runtimes.create(profile, "obmalloc", "generational", "cpython")) {
                Mutator m = rt.mutator();
                ObjectSpace os = ObjectSpace.of(m);
                long base = os.newClass(ClassSpec.struct("Base", BASE), 0, 0, 0, 0);
                long group = os.newClass(ClassSpec.struct("Group", new ClassSpec.Struct(List.of("message"), 56)),
                        0, base, 0, 0);
                long plain = os.newClass(ClassSpec.plain("Plain"), 0, base, 0, 0);
                long slotted = os.newClass(ClassSpec.withSlots("Slotted", "a"), 0, base, 0, 0);
                long g = m.newInstance(group);
                long p = m.newInstance(plain);
                long s = m.newInstance(slotted);
                assertEquals(56 + 16, m.getsizeof(g), profile);
                // 3.11 puts the weakref list after the fields; 3.12+ in a two-word pre-header
                assertEquals(profile.equals("cpython-3.11") ? 48 + 8 + 16 : 48 + 16 + 16, m.getsizeof(p), profile);
                assertEquals(48 + 8 + 16, m.getsizeof(s), profile);
                long ref = m.newWeakref(p, null);
                assertEquals(p, m.weakrefGet(ref));
                m.setAttr(s, "a", g);
                m.setAttr(s, "args", g);
                m.setAttr(s, "x", g);
                long dict = os.instanceDict(s);
                // subtype_traverse: the subclass's own slot, its class, then the struct's dict and fields
                assertEquals(List.of(g, slotted, dict, g), referents(os, s), profile);
                long message = m.newList();
                long cause = m.newList();
                m.setAttr(g, "message", message);
                m.setAttr(g, "cause", cause);
                assertEquals(List.of(message, cause), referents(os, g), profile + ": a struct's own fields before its base's");
                m.decref(message);
                m.decref(cause);
                m.decref(dict);
                m.decref(p);
                assertFalse(m.weakrefGet(ref) == p, "the weak reference is cleared");
                assertTrue(m.weakrefGet(ref) == m.none() || m.weakrefGet(ref) == 0);
                long other = m.newClass(ClassSpec.plain("Other"));
                assertThrows(PyException.class, () -> os.newClass(ClassSpec.struct("Bad", BASE), 0, other, 0, 0),
                        "a struct extends only a struct");
                for (long o : new long[] {ref, s, g, plain, slotted, group, base, other}) {
                    m.decref(o);
                }
                m.collect();
                assertEquals(0, rt.leaks().objects(), profile);
            }
        }
    }

    private static List<Long> referents(ObjectSpace os, long op) {
        List<Long> out = new ArrayList<>();
        os.traverse(op, out::add);
        return out;
    }
}
