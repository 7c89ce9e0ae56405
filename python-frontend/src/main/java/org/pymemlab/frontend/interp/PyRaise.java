package org.pymemlab.frontend.interp;

import org.pymemlab.frontend.ast.Span;

/**
 * A Python exception in flight: the exception object (an owned reference) and what this raise has recorded
 * so far. The traceback itself lives on the exception ({@code __traceback__}, see {@link Tracebacks}); no Java
 * stack trace is taken: control flow, not a bug.
 */
final class PyRaise extends RuntimeException {

    /** The exception instance; owned by whoever holds this throwable. */
    long exc;
    /** The frame whose traceback entry this raise has added (one per frame it is caught in or leaves). */
    Frame tracedIn;
    /** The frame in which {@link #pos} was recorded. */
    Frame posFrame;
    /** The expression or statement of posFrame the exception surfaced from (the "instruction" that failed). */
    Span pos;
    /** Whether __context__ has been decided for this raise (it is set once, from the innermost handler). */
    boolean contextDecided;
    /** Raised by a method call's attribute lookup, not by the call: reported at the attribute (LOAD_ATTR). */
    boolean attributeLookup;

    PyRaise(long exc) {
        super(null, null, false, false);
        this.exc = exc;
    }

    /** Records where in frame f the exception surfaced, unless an inner node of f already did (null: not here). */
    PyRaise at(Frame f, Span span) {
        if (span != null && posFrame != f) {
            posFrame = f;
            pos = span;
        }
        return this;
    }
}
