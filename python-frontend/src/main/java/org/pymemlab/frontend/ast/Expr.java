package org.pymemlab.frontend.ast;

import java.util.List;
import org.pymemlab.frontend.ast.Ops.BinOpKind;
import org.pymemlab.frontend.ast.Ops.BoolOpKind;
import org.pymemlab.frontend.ast.Ops.CmpOpKind;
import org.pymemlab.frontend.ast.Ops.Ctx;
import org.pymemlab.frontend.ast.Ops.UnaryOpKind;

/**
 * Expression nodes, one record per CPython {@code ast} expression class (same names and fields).
 * Optional children are {@code null}; lists are never null and are unmodifiable.
 */
public sealed interface Expr {

    /** Where the expression is in the source. */
    Span span();

    /** {@code a and b and c}. */
    record BoolOp(BoolOpKind op, List<Expr> values, Span span) implements Expr {
    }

    /** {@code target := value}; target is a {@link Name} in Store context. */
    record NamedExpr(Expr target, Expr value, Span span) implements Expr {
    }

    /** {@code left op right}. */
    record BinOp(Expr left, BinOpKind op, Expr right, Span span) implements Expr {
    }

    /** {@code op operand}. */
    record UnaryOp(UnaryOpKind op, Expr operand, Span span) implements Expr {
    }

    /** {@code lambda args: body}. */
    record Lambda(Arguments args, Expr body, Span span) implements Expr {
    }

    /** {@code body if test else orelse}. */
    record IfExp(Expr test, Expr body, Expr orelse, Span span) implements Expr {
    }

    /** A dict display; a {@code null} key stands for {@code **value}. */
    record Dict(List<Expr> keys, List<Expr> values, Span span) implements Expr {
    }

    /** A set display {@code {a, b}}. */
    record Set(List<Expr> elts, Span span) implements Expr {
    }

    /** {@code [elt for ...]}. */
    record ListComp(Expr elt, List<Comprehension> generators, Span span) implements Expr {
    }

    /** {@code {elt for ...}}. */
    record SetComp(Expr elt, List<Comprehension> generators, Span span) implements Expr {
    }

    /** {@code {key: value for ...}}. */
    record DictComp(Expr key, Expr value, List<Comprehension> generators, Span span) implements Expr {
    }

    /** {@code (elt for ...)}. */
    record GeneratorExp(Expr elt, List<Comprehension> generators, Span span) implements Expr {
    }

    /** {@code await value}. */
    record Await(Expr value, Span span) implements Expr {
    }

    /** {@code yield} or {@code yield value}. */
    record Yield(Expr value, Span span) implements Expr {
    }

    /** {@code yield from value}. */
    record YieldFrom(Expr value, Span span) implements Expr {
    }

    /** {@code left op1 c1 op2 c2 ...}: a comparison chain. */
    record Compare(Expr left, List<CmpOpKind> ops, List<Expr> comparators, Span span) implements Expr {
    }

    /** {@code func(args, keywords)}; {@code *x} arguments are {@link Starred}. */
    record Call(Expr func, List<Expr> args, List<Keyword> keywords, Span span) implements Expr {
    }

    /**
     * One replacement field of an f-string. {@code conversion} is -1 (none) or the code point of
     * {@code s}, {@code r} or {@code a}; {@code formatSpec} is null or a {@link JoinedStr}.
     */
    record FormattedValue(Expr value, int conversion, Expr formatSpec, Span span) implements Expr {
    }

    /** An f-string: {@link Constant} str parts and {@link FormattedValue}s. */
    record JoinedStr(List<Expr> values, Span span) implements Expr {
    }

    /**
     * A literal. {@code value} is a {@link java.math.BigInteger}, {@link Double}, {@link String},
     * {@link PyBytes}, {@link Boolean}, {@code null} (None) or {@link EllipsisValue#ELLIPSIS}.
     * {@code kind} is {@code "u"} for {@code u"..."} strings, else null.
     */
    record Constant(Object value, String kind, Span span) implements Expr {
    }

    /**
     * {@code value.attr}. The name is interned, so that every occurrence of it in a program is one String and the
     * runtime's attribute lookups find it by reference first.
     */
    record Attribute(Expr value, String attr, Ctx ctx, Span span) implements Expr {
        public Attribute {
            attr = attr.intern();
        }
    }

    /** {@code value[slice]}. */
    record Subscript(Expr value, Expr slice, Ctx ctx, Span span) implements Expr {
    }

    /** {@code *value} (in calls, displays and targets). */
    record Starred(Expr value, Ctx ctx, Span span) implements Expr {
    }

    /** A variable. */
    record Name(String id, Ctx ctx, Span span) implements Expr {
    }

    /** A list display or target (CPython's {@code List}; renamed so as not to hide {@code java.util.List}). */
    record ListExpr(List<Expr> elts, Ctx ctx, Span span) implements Expr {
    }

    /** A tuple display or target. */
    record Tuple(List<Expr> elts, Ctx ctx, Span span) implements Expr {
    }

    /** {@code lower:upper:step} inside a subscript; every part optional. */
    record Slice(Expr lower, Expr upper, Expr step, Span span) implements Expr {
    }

    /** The {@code ...} constant's value. */
    enum EllipsisValue {
        /** The only instance. */
        ELLIPSIS
    }
}
