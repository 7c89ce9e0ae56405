package org.pymemlab.runtime.property;

import java.math.BigInteger;
import java.util.List;

/**
 * One step of a random mutator program. Steps name owned-reference slots ({@code o0}…), roots ({@code g0}…)
 * and small constants; a step whose slot is empty does nothing, so any part of a program is a program (which
 * is what lets jqwik shrink a failing one). A step applied to an object of the wrong type must raise the
 * Python error the model predicts and leave the heap consistent.
 */
sealed interface Step {

    void run(ProgramRun r);

    // ---- creating objects: the new reference goes into slot dst (the slot's old reference is released) ----

    record NewInt(int dst, BigInteger value) implements Step {
        public void run(ProgramRun r) {
            r.newInt(dst, value);
        }
    }

    record NewFloat(int dst, double value) implements Step {
        public void run(ProgramRun r) {
            r.newFloat(dst, value);
        }
    }

    record NewStr(int dst, String value) implements Step {
        public void run(ProgramRun r) {
            r.newStr(dst, value);
        }
    }

    /** A bytes object; {@code value}'s chars are the bytes (0–255). */
    record NewBytes(int dst, String value) implements Step {
        public void run(ProgramRun r) {
            r.newBytes(dst, value);
        }
    }

    record NewTuple(int dst, List<Integer> items) implements Step {
        public void run(ProgramRun r) {
            r.newTuple(dst, items);
        }
    }

    record NewList(int dst, List<Integer> items) implements Step {
        public void run(ProgramRun r) {
            r.newList(dst, items);
        }
    }

    record NewDict(int dst) implements Step {
        public void run(ProgramRun r) {
            r.newDict(dst);
        }
    }

    record NewSet(int dst, List<Integer> items, boolean frozen) implements Step {
        public void run(ProgramRun r) {
            r.newSet(dst, items, frozen);
        }
    }

    record NewInstance(int dst, boolean slots) implements Step {
        public void run(ProgramRun r) {
            r.newInstance(dst, slots);
        }
    }

    record NewWeakref(int dst, int target, boolean callback) implements Step {
        public void run(ProgramRun r) {
            r.newWeakref(dst, target, callback);
        }
    }

    record Intern(int dst, int src) implements Step {
        public void run(ProgramRun r) {
            r.intern(dst, src);
        }
    }

    // ---- linking ----

    record ListAppend(int list, int item) implements Step {
        public void run(ProgramRun r) {
            r.listAppend(list, item);
        }
    }

    record ListSet(int list, int index, int item) implements Step {
        public void run(ProgramRun r) {
            r.listSet(list, index, item);
        }
    }

    record ListInsert(int list, int index, int item) implements Step {
        public void run(ProgramRun r) {
            r.listInsert(list, index, item);
        }
    }

    record DictSet(int dict, int key, int value) implements Step {
        public void run(ProgramRun r) {
            r.dictSet(dict, key, value);
        }
    }

    record SetAdd(int set, int item) implements Step {
        public void run(ProgramRun r) {
            r.setAdd(set, item);
        }
    }

    record SetAttr(int object, int name, int value) implements Step {
        public void run(ProgramRun r) {
            r.setAttr(object, name, value);
        }
    }

    record SetRoot(int root, int src) implements Step {
        public void run(ProgramRun r) {
            r.setRoot(root, src);
        }
    }

    // ---- reading back (a borrowed reference, incref'd into slot dst) ----

    record LoadRoot(int dst, int root) implements Step {
        public void run(ProgramRun r) {
            r.loadRoot(dst, root);
        }
    }

    record ListGet(int dst, int list, int index) implements Step {
        public void run(ProgramRun r) {
            r.listGet(dst, list, index);
        }
    }

    record DictGet(int dst, int dict, int key) implements Step {
        public void run(ProgramRun r) {
            r.dictGet(dst, dict, key);
        }
    }

    record GetAttr(int dst, int object, int name) implements Step {
        public void run(ProgramRun r) {
            r.getAttr(dst, object, name);
        }
    }

    record WeakrefGet(int dst, int weakref) implements Step {
        public void run(ProgramRun r) {
            r.weakrefGet(dst, weakref);
        }
    }

    record Dup(int dst, int src) implements Step {
        public void run(ProgramRun r) {
            r.dup(dst, src);
        }
    }

    // ---- dropping references ----

    record Drop(int slot) implements Step {
        public void run(ProgramRun r) {
            r.drop(slot);
        }
    }

    record DelRoot(int root) implements Step {
        public void run(ProgramRun r) {
            r.delRoot(root);
        }
    }

    record ListPop(int dst, int list, int index) implements Step {
        public void run(ProgramRun r) {
            r.listPop(dst, list, index);
        }
    }

    record ListClear(int list) implements Step {
        public void run(ProgramRun r) {
            r.listClear(list);
        }
    }

    record DictDel(int dict, int key) implements Step {
        public void run(ProgramRun r) {
            r.dictDel(dict, key);
        }
    }

    record DictClear(int dict) implements Step {
        public void run(ProgramRun r) {
            r.dictClear(dict);
        }
    }

    record SetDiscard(int set, int item) implements Step {
        public void run(ProgramRun r) {
            r.setDiscard(set, item);
        }
    }

    record DelAttr(int object, int name) implements Step {
        public void run(ProgramRun r) {
            r.delAttr(object, name);
        }
    }

    record Collect(int generation) implements Step {
        public void run(ProgramRun r) {
            r.collect(generation);
        }
    }
}
