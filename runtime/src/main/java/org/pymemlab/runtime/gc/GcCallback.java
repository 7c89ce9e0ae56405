package org.pymemlab.runtime.gc;

import org.pymemlab.runtime.Mutator;

/**
 * An entry of {@code gc.callbacks}: called before ({@code phase = "start"}) and after ({@code "stop"}) each
 * collection with CPython's info dict as a record. It may use the mutator, but a collection it asks for
 * collects nothing (one is already running).
 */
@FunctionalInterface
public interface GcCallback {

    /** The {@code phase} is {@code "start"} or {@code "stop"}. */
    void call(Mutator mutator, String phase, Info info);

    /**
     * CPython's info dict.
     *
     * @param generation the oldest generation collected
     * @param collected objects freed (0 at {@code "start"})
     * @param uncollectable objects found uncollectable (0 at {@code "start"})
     */
    record Info(int generation, long collected, long uncollectable) {
    }
}
