package org.pymemlab.frontend.interp;

/**
 * One activation: fast locals by slot, cells (cell variables, then free variables), the globals dict, and
 * for a class body its namespace dict. Owns a reference in every non-empty slot.
 */
final class Frame {

    final long[] locals;
    final long[] cells;
    final long globals;
    /** The class namespace dict while running a class body, else 0 (borrowed). */
    final long classNs;
    final Code code;
    /** The calling frame; a generator's is the frame that resumed it last (tracemalloc's tracebacks). */
    Frame back;
    int line;
    /** The value of a {@code return}, owned, while {@link Code#RETURN} propagates. */
    long retval;
    /** The generator running this frame, or null. */
    Generator generator;
    /** The function called (f_funcobj); 0 for module, class and exec frames. Borrowed, or owned if ownsFunction. */
    long function;
    /** A generator's frame owns a reference to its function, as it outlives the call that made it. */
    boolean ownsFunction;
    /** Its frame object once asked for ({@link FrameObjects}), owned by the frame while it runs; else 0. */
    long frameObject;
    /** 3.11/3.12's f_locals of a function frame: the dict locals() refreshes and returns, owned; else 0. */
    long localsDict;
    /** The frame has run to its end (it may not make a frame object any more). */
    boolean returned;

    Frame(Code code, long[] locals, long[] cells, long globals, long classNs, Frame back) {
        this.code = code;
        this.locals = locals;
        this.cells = cells;
        this.globals = globals;
        this.classNs = classNs;
        this.back = back;
    }
}
