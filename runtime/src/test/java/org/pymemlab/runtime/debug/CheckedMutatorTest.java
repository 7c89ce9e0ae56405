package org.pymemlab.runtime.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

class CheckedMutatorTest {

    private static PyRuntime runtime(String allocator) {
        return PyRuntime.create(ConfigLayers.builder(CheckedMutatorTest.class.getClassLoader())
                .set("pymem.debug.checks", "true").set("pymem.allocator", allocator).build().config());
    }

    @Test
    void useOfAFreedObjectIsNamedNotCrashed() {
        for (String allocator : new String[] {"obmalloc", "system"}) {
            try (PyRuntime rt = runtime(allocator)) {
                Mutator m = rt.mutator();
                long list = m.newList();
                m.decref(list); // freed (or on the free list)
                MisuseException e = assertThrows(MisuseException.class, () -> m.listAppend(list, m.none()));
                assertEquals(String.format("use of a freed list object at 0x%x", list), e.getMessage());
                assertThrows(MisuseException.class, () -> m.decref(list));
                long set = m.newSet();
                m.decref(set); // sets have no free list: back to the allocator
                e = assertThrows(MisuseException.class, () -> m.len(set));
                assertEquals(String.format("use of a freed set object at 0x%x", set), e.getMessage());
            }
        }
    }

    @Test
    void foreignAndNullAddressesAreRefused() {
        try (PyRuntime rt = runtime("obmalloc")) {
            Mutator m = rt.mutator();
            MisuseException e = assertThrows(MisuseException.class, () -> m.getsizeof(0x1234_5670L));
            assertTrue(e.getMessage().startsWith("0x12345670 is not a live object of this heap"), e.getMessage());
            assertThrows(MisuseException.class, () -> m.newTuple(0));
        }
    }

    @Test
    void staticObjectsSingletonsAndLiveObjectsPass() {
        try (PyRuntime rt = runtime("obmalloc")) {
            Mutator m = rt.mutator();
            long five = m.newInt(5); // a cached small int: static memory, not the allocator's
            long big = m.newInt(1L << 40);
            long t = m.newTuple(m.none(), m.bool(true), five, big, m.ellipsis());
            assertEquals(5, m.len(t));
            assertEquals(80, m.getsizeof(t)); // 24 + 5 * 8, and the 16-byte GC header
            for (long o : new long[] {t, big, five}) {
                m.decref(o);
            }
        }
    }

    @Test
    void theDebugAllocatorIsSwitchedOnByConfig() {
        try (PyRuntime rt = PyRuntime.create(ConfigLayers.builder(CheckedMutatorTest.class.getClassLoader())
                .set("pymem.debug.allocator", "true").build().config())) {
            Mutator m = rt.mutator();
            long list = m.newList(m.none());
            assertTrue(rt.allocator().stats().details().keySet().stream().anyMatch(k -> k.startsWith("debug.")),
                    rt.allocator().stats().details().toString());
            m.decref(list);
        }
    }
}
