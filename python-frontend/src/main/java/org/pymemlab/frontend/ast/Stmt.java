package org.pymemlab.frontend.ast;

import java.util.List;
import org.pymemlab.frontend.ast.Ops.BinOpKind;

/**
 * Statement nodes, one record per CPython {@code ast} statement class (same names and fields;
 * {@link ExprStmt} is CPython's {@code Expr}). Optional children are {@code null}; lists are
 * never null and are unmodifiable.
 */
public sealed interface Stmt {

    /** Where the statement is in the source. */
    Span span();

    /** {@code def name(args) -> returns: body} (or {@code async def}: CPython's AsyncFunctionDef), with its decorators. */
    record FunctionDef(String name, Arguments args, List<Stmt> body, List<Expr> decoratorList, Expr returns,
                       Span span, boolean isAsync) implements Stmt {
    }

    /** {@code class name(bases, keywords): body}, with its decorators. */
    record ClassDef(String name, List<Expr> bases, List<Keyword> keywords, List<Stmt> body,
                    List<Expr> decoratorList, Span span) implements Stmt {
    }

    /** {@code return [value]}. */
    record Return(Expr value, Span span) implements Stmt {
    }

    /** {@code del t1, t2}. */
    record Delete(List<Expr> targets, Span span) implements Stmt {
    }

    /** {@code t1 = t2 = value}. */
    record Assign(List<Expr> targets, Expr value, Span span) implements Stmt {
    }

    /** {@code target op= value}. */
    record AugAssign(Expr target, BinOpKind op, Expr value, Span span) implements Stmt {
    }

    /** {@code target: annotation [= value]}; {@code simple} is 1 for an unparenthesized name. */
    record AnnAssign(Expr target, Expr annotation, Expr value, int simple, Span span) implements Stmt {
    }

    /** {@code for target in iter: body else: orelse}, or {@code async for} (CPython's AsyncFor). */
    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, Span span, boolean isAsync) implements Stmt {
    }

    /** {@code while test: body else: orelse}. */
    record While(Expr test, List<Stmt> body, List<Stmt> orelse, Span span) implements Stmt {
    }

    /** {@code if test: body else: orelse}; {@code elif} is a nested If in orelse. */
    record If(Expr test, List<Stmt> body, List<Stmt> orelse, Span span) implements Stmt {
    }

    /** {@code with a as x, b: body}, or {@code async with} (CPython's AsyncWith). */
    record With(List<WithItem> items, List<Stmt> body, Span span, boolean isAsync) implements Stmt {
    }

    /** {@code raise [exc [from cause]]}. */
    record Raise(Expr exc, Expr cause, Span span) implements Stmt {
    }

    /** {@code try/except/else/finally}; {@code star} for {@code except*} handlers (CPython's {@code TryStar}). */
    record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody,
               boolean star, Span span) implements Stmt {
    }

    /** {@code assert test[, msg]}. */
    record Assert(Expr test, Expr msg, Span span) implements Stmt {
    }

    /** {@code import a.b as c, d}. */
    record Import(List<Alias> names, Span span) implements Stmt {
    }

    /** {@code from ..module import a as b}; {@code module} is null for {@code from . import x}. */
    record ImportFrom(String module, List<Alias> names, int level, Span span) implements Stmt {
    }

    /** {@code global a, b}. */
    record Global(List<String> names, Span span) implements Stmt {
    }

    /** {@code nonlocal a, b}. */
    record Nonlocal(List<String> names, Span span) implements Stmt {
    }

    /** An expression statement (CPython's {@code Expr}). */
    record ExprStmt(Expr value, Span span) implements Stmt {
    }

    /** {@code pass}. */
    record Pass(Span span) implements Stmt {
    }

    /** {@code break}. */
    record Break(Span span) implements Stmt {
    }

    /** {@code continue}. */
    record Continue(Span span) implements Stmt {
    }
}
