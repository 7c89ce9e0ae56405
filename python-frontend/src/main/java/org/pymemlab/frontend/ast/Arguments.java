package org.pymemlab.frontend.ast;

import java.util.List;

/**
 * A parameter list, as CPython's {@code arguments}: {@code defaults} belong to the last
 * positional parameters; {@code kwDefaults} has one entry (possibly null) per keyword-only one.
 */
public record Arguments(List<Arg> posonlyargs, List<Arg> args, Arg vararg, List<Arg> kwonlyargs,
                        List<Expr> kwDefaults, Arg kwarg, List<Expr> defaults) {

    /** The empty parameter list. */
    public static final Arguments EMPTY = new Arguments(List.of(), List.of(), null, List.of(), List.of(), null,
            List.of());
}
