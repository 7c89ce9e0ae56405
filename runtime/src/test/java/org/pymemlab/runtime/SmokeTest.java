package org.pymemlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void buildsObjectsOfEveryKindAndFreesThem() {
        try (PyRuntime rt = Runtimes.defaults()) {
            Mutator m = rt.mutator();
            long list = m.newList();
            for (int i = 0; i < 100; i++) {
                long v = m.newInt(i * 1000L);
                m.listAppend(list, v);
                m.decref(v);
            }
            m.setRoot("l", list);
            m.decref(list);
            long d = m.newDict();
            long k = m.newStr("key");
            long f = m.newFloat(1.5);
            m.dictSet(d, k, f);
            m.decref(k);
            m.decref(f);
            m.setRoot("d", d);
            m.decref(d);
            assertEquals(100, m.len(m.getRoot("l")));
            assertEquals(1, m.len(m.getRoot("d")));
            assertEquals(0, rt.leaks().objects());
            long cls = m.newClass(ClassSpec.plain("C"));
            long a = m.newInstance(cls);
            long b = m.newInstance(cls);
            m.setAttr(a, "other", b);
            m.setAttr(b, "other", a);
            m.decref(a);
            m.decref(b);
            m.decref(cls);
            assertTrue(rt.leaks().objects() > 0);
            assertTrue(m.collect() >= 2);
            assertEquals(0, rt.leaks().objects());
            m.delRoot("l");
            m.delRoot("d");
            assertEquals(0, rt.leaks().objects());
        }
    }
}
