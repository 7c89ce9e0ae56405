package org.pymemlab.api.collector;

/**
 * Told when a collection starts and stops: CPython's {@code gc.callbacks}. Listeners are called on the
 * mutator thread, in registration order, and may run user code (but must not start a collection).
 */
public interface CollectionListener {

    /** Phase {@code "start"}: info is {generation, collected = 0, uncollectable = 0}. */
    void onStart(int generation);

    /** Phase {@code "stop"}. */
    void onStop(int generation, long collected, long uncollectable);
}
