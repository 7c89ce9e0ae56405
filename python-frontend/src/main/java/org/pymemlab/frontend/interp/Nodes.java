package org.pymemlab.frontend.interp;

/** The executable tree: expressions return a new reference; statements return a completion code. */
final class Nodes {

    private Nodes() {
    }

    @FunctionalInterface
    interface Expr {
        long eval(Frame f);
    }

    @FunctionalInterface
    interface Stmt {
        /** {@link Code#NORMAL}, {@link Code#BREAK}, {@link Code#CONTINUE} or {@link Code#RETURN}. */
        int exec(Frame f);
    }

    /** Stores an owned value into a target (the value's reference is consumed). */
    @FunctionalInterface
    interface Store {
        void store(Frame f, long value);
    }
}
