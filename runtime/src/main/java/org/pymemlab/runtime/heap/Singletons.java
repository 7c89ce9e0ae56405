package org.pymemlab.runtime.heap;


/**
 * None, True, False, Ellipsis and NotImplemented: statically allocated, one of each per runtime whatever
 * the interning policy (identity with them is the language's, not a cache's). True sits 32 bytes below
 * False, as in CPython's data segment ({@code id(True) - id(False) == -32}).
 */
final class Singletons {

    final long none;
    final long true_;
    final long false_;
    final long ellipsis;
    final long notImplemented;

    Singletons(Heap heap) {
        BuiltinTypes t = heap.builtins;
        none = heap.allocateStatic(16);
        heap.initStatic(none, t.none);
        int boolSize = 32;
        long bools = heap.allocateStatic(2L * boolSize);
        true_ = bools;
        false_ = bools + boolSize;
        heap.initStatic(true_, t.bool);
        heap.initStatic(false_, t.bool);
        IntObjects.writeSmall(heap, true_, 1);
        IntObjects.writeSmall(heap, false_, 0);
        ellipsis = heap.allocateStatic(16);
        heap.initStatic(ellipsis, t.ellipsis);
        notImplemented = heap.allocateStatic(16);
        heap.initStatic(notImplemented, t.notImplemented);
    }

}
