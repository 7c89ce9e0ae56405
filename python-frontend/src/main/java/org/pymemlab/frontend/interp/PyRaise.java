package org.pymemlab.frontend.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * A Python exception in flight: the exception object (an owned reference) and the traceback entries added
 * as it leaves each frame, innermost first. No Java stack trace is taken: control flow, not a bug.
 */
final class PyRaise extends RuntimeException {

    /** The exception instance; owned by whoever holds this throwable. */
    long exc;
    /** Traceback entries, innermost frame first. */
    final List<TraceEntry> trace = new ArrayList<>();

    PyRaise(long exc) {
        super(null, null, false, false);
        this.exc = exc;
    }

    record TraceEntry(String filename, int line, String name) {
    }
}
