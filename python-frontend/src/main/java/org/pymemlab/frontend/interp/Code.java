package org.pymemlab.frontend.interp;

/**
 * A compiled function, lambda, class body or module: its executable tree and its signature. Fixed at
 * compile time; what changes per call lives in {@link Frame}.
 */
final class Code {

    static final int NORMAL = 0;
    static final int BREAK = 1;
    static final int CONTINUE = 2;
    static final int RETURN = 3;

    final String name;
    String qualname;
    final String filename;
    final int firstLine;
    /** Positional parameters (positional-only first), then keyword-only, then *args, then **kwargs. */
    String[] argNames = new String[0];
    int posCount;
    /** How many of the positional parameters are positional-only (before {@code /}). */
    int posOnlyCount;
    int kwOnlyCount;
    boolean hasVarargs;
    boolean hasKwargs;
    int nlocals;
    /** Names of the fast locals, by slot. */
    String[] localNames = new String[0];
    /** Cell variables: the parameter slot each one copies from at entry, or −1. */
    int[] cellFromArg = new int[0];
    int ncells;
    int nfrees;
    boolean isLambda;
    /** The body contains yield: calling the function makes a generator. */
    boolean generator;
    /** An async def: calling it makes a coroutine. */
    boolean coroutine;
    Nodes.Stmt body;
    /** Lambdas: the expression. */
    Nodes.Expr expr;
    /** Its code object once a frame's f_code asked for it ({@link Codes#of}), else 0. */
    long codeObject;

    Code(String name, String filename, int firstLine) {
        this.name = name;
        this.qualname = name;
        this.filename = filename;
        this.firstLine = firstLine;
    }
}
