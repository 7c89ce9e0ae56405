package org.pymemlab.runtime.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.memory.NativeMemory;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.ObjectSpace;
import org.pymemlab.runtime.config.ConfigLayers;

/** {@code HeapView.referents} (the collector's buffer) gives what {@code traverse} visits, in its order. */
class HeapReferentsTest {

    @Test
    void referentsAreTraverseInOrderForEveryKind() {
        try (InspectableRuntime rt = InspectableRuntime.create(
                ConfigLayers.builder(HeapReferentsTest.class.getClassLoader()).build().config(), a -> a, System.err)) {
            Mutator m = rt.mutator();
            Heap heap = rt.heap();
            long a = m.newList();
            long b = m.newDict();
            long[] many = new long[300];
            Arrays.fill(many, a);
            many[7] = b;
            long plain = m.newClass(ClassSpec.plain("Plain"));
            long slotted = m.newClass(ClassSpec.withSlots("Slotted", "x", "y", "z"));
            long instance = m.newInstance(plain);
            m.setAttr(instance, "first", a);
            m.setAttr(instance, "second", b);
            long withSlots = m.newInstance(slotted);
            m.setAttr(withSlots, "x", b);
            m.setAttr(withSlots, "z", a); // y stays empty
            long dict = m.newDict();
            m.dictSet(dict, m.none(), b);
            ObjectSpace structs = ObjectSpace.of(m);
            long struct = structs.newClass(ClassSpec.struct("Struct", new ClassSpec.Struct(List.of("p", "q", "r"), 56)),
                    0, 0, 0, 0);
            long withFields = m.newInstance(struct);
            m.setAttr(withFields, "p", a);
            m.setAttr(withFields, "r", b); // q stays empty
            m.setAttr(withFields, "in_dict", a);
            long[] objects = {m.newList(a, b, a), m.newList(many), m.newList(), instance, withSlots,
                m.newTuple(a, b), dict, m.newSet(m.none()), plain, slotted, withFields, struct};
            for (long op : objects) {
                long[] expected = traversed(heap, op);
                String what = heap.typeOf(op).name;
                long[] buffer = new long[expected.length + 3];
                assertEquals(expected.length, heap.referents(op, buffer), what);
                assertArrayEquals(expected, Arrays.copyOf(buffer, expected.length), what);
                long[] small = new long[1];
                assertEquals(expected.length, heap.referents(op, small), what + ", buffer too small");
                if (expected.length > 0) {
                    assertEquals(expected[0], small[0], what + ", buffer too small");
                }
                long[] span = new long[2];
                boolean isList = heap.typeOf(op).kind == ObjectKind.LIST;
                assertEquals(isList, heap.referentArray(op, span), what + ": an item array for plain lists only");
                if (isList) {
                    assertArrayEquals(expected, itemsLastToFirst(span), what + ": the item array");
                }
            }
        }
    }

    @Test
    void aContainerSubclassInstanceGivesItsItemsAndItsDict() {
        try (InspectableRuntime rt = InspectableRuntime.create(
                ConfigLayers.builder(HeapReferentsTest.class.getClassLoader()).build().config(), a -> a, System.err)) {
            Mutator m = rt.mutator();
            Heap heap = rt.heap();
            ObjectSpace os = ObjectSpace.of(m);
            for (String builtin : List.of("list", "dict", "set")) {
                long cls = os.newClass(ClassSpec.plain("Sub"), 0, os.builtinType(builtin), 0, 0);
                long inst = os.newContainerInstance(cls);
                long item = m.newTuple(m.none());
                switch (builtin) {
                    case "list" -> m.listAppend(inst, item);
                    case "dict" -> m.dictSet(inst, m.none(), item);
                    default -> m.setAdd(inst, item);
                }
                long tag = m.newList();
                m.setAttr(inst, "tag", tag);
                long[] expected = traversed(heap, inst);
                long[] buffer = new long[expected.length + 1];
                assertEquals(expected.length, heap.referents(inst, buffer), builtin);
                assertArrayEquals(expected, Arrays.copyOf(buffer, expected.length), builtin);
                assertFalse(heap.referentArray(inst, new long[2]), builtin + ": its __dict__ is not in an item array");
                assertTrue(Arrays.stream(expected).anyMatch(r -> r == item), builtin + ": the items");
                assertTrue(Arrays.stream(expected).anyMatch(r -> heap.typeOf(r).kind == ObjectKind.DICT),
                        builtin + ": the __dict__");
                m.decref(item);
                m.decref(tag);
                m.decref(inst);
                m.decref(cls);
            }
        }
    }

    /** The non-zero words of the array {@code span} describes, last to first. */
    private static long[] itemsLastToFirst(long[] span) {
        LongStack reversed = new LongStack();
        for (long i = 0; i < span[1]; i++) {
            long item = NativeMemory.getLong(span[0] + 8 * i);
            if (item != 0) {
                reversed.push(item);
            }
        }
        long[] out = new long[reversed.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = reversed.pop();
        }
        return out;
    }

    private static long[] traversed(Heap heap, long op) {
        LongStack seen = new LongStack();
        heap.traverse(op, seen::push);
        long[] out = new long[seen.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = seen.pop();
        }
        return out;
    }
}
