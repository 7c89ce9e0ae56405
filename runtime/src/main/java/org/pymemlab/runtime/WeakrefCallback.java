package org.pymemlab.runtime;

/** The callback of a weak reference: called with the (now dead) weakref, which is borrowed. */
@FunctionalInterface
public interface WeakrefCallback {

    void call(Mutator mutator, long weakref);
}
