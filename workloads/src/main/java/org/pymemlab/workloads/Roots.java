package org.pymemlab.workloads;

import org.pymemlab.runtime.Mutator;

/** The two idioms every workload repeats: binding a global, and storing a new reference into an attribute. */
final class Roots {

    private Roots() {
    }

    /** Hands a new reference to the root {@code name} and returns it borrowed (the root keeps it alive). */
    static long bind(Mutator py, String name, long object) {
        py.setRoot(name, object);
        py.decref(object);
        return object;
    }

    /** {@code obj.name = value} for a new reference {@code value}, releasing the caller's reference. */
    static void setNew(Mutator py, long object, String name, long value) {
        py.setAttr(object, name, value);
        py.decref(value);
    }

    /** {@code list.append(value)} for a new reference {@code value}, releasing the caller's reference. */
    static void appendNew(Mutator py, long list, long value) {
        py.listAppend(list, value);
        py.decref(value);
    }

    /** {@code dict[key] = value} for new references, releasing both of the caller's references. */
    static void dictSetNew(Mutator py, long dict, long key, long value) {
        py.dictSet(dict, key, value);
        py.decref(key);
        py.decref(value);
    }
}
