package org.pymemlab.runtime;

/**
 * A class's finalizer ({@code __del__}): called at most once per instance, with the instance borrowed. It may
 * resurrect the instance by storing a reference to it somewhere reachable.
 */
@FunctionalInterface
public interface ObjectFinalizer {

    void finalize(Mutator mutator, long self);
}
