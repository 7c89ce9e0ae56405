package org.pymemlab.api.collector;

/** Receives the referents of an object during {@link HeapView#traverse} (CPython's {@code visitproc}). */
@FunctionalInterface
public interface ReferentVisitor {

    /** Called once per reference the object holds; {@code referent} is never 0. */
    void visit(long referent);
}
