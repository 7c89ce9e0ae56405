package org.pymemlab.frontend.ast;

import java.util.List;

/**
 * An expression written back as Python source, as CPython's {@code Python/ast_unparse.c} writes it: what
 * {@code from __future__ import annotations} keeps of an annotation. Spacing is normalised, parentheses are
 * only where precedence needs them, constants are their reprs.
 */
public final class Unparser {

    // precedence levels, lowest first (ast_unparse.c's PR_*)
    private static final int TUPLE = 0;
    private static final int TEST = 1;
    private static final int OR = 2;
    private static final int AND = 3;
    private static final int NOT = 4;
    private static final int CMP = 5;
    private static final int EXPR = 6;
    private static final int BOR = EXPR;
    private static final int BXOR = 7;
    private static final int BAND = 8;
    private static final int SHIFT = 9;
    private static final int ARITH = 10;
    private static final int TERM = 11;
    private static final int FACTOR = 12;
    private static final int POWER = 13;
    private static final int AWAIT = 14;
    private static final int ATOM = 15;

    private final StringBuilder out = new StringBuilder();

    private Unparser() {
    }

    /** {@code _PyAST_ExprAsUnicode}: the expression at the level of a test (a tuple gets parentheses). */
    public static String unparse(Expr e) {
        Unparser u = new Unparser();
        u.expr(e, TEST);
        return u.out.toString();
    }

    private void expr(Expr e, int level) {
        switch (e) {
            case Expr.BoolOp b -> {
                int pr = b.op() == Ops.BoolOpKind.AND ? AND : OR;
                open(level > pr);
                for (int i = 0; i < b.values().size(); i++) {
                    out.append(i > 0 ? (pr == AND ? " and " : " or ") : "");
                    expr(b.values().get(i), pr + 1);
                }
                close(level > pr);
            }
            case Expr.BinOp b -> {
                int pr = binaryPrecedence(b.op());
                boolean rightAssociative = b.op() == Ops.BinOpKind.POW;
                open(level > pr);
                expr(b.left(), pr + (rightAssociative ? 1 : 0));
                out.append(' ').append(b.op().symbol()).append(' ');
                expr(b.right(), pr + (rightAssociative ? 0 : 1));
                close(level > pr);
            }
            case Expr.UnaryOp u -> {
                int pr = u.op() == Ops.UnaryOpKind.NOT ? NOT : FACTOR;
                open(level > pr);
                out.append(switch (u.op()) {
                    case INVERT -> "~";
                    case NOT -> "not ";
                    case UADD -> "+";
                    case USUB -> "-";
                });
                expr(u.operand(), pr);
                close(level > pr);
            }
            case Expr.Lambda l -> {
                open(level > TEST);
                boolean positional = !l.args().args().isEmpty() || !l.args().posonlyargs().isEmpty();
                out.append(positional ? "lambda " : "lambda");
                arguments(l.args());
                out.append(": ");
                expr(l.body(), TEST);
                close(level > TEST);
            }
            case Expr.IfExp i -> {
                open(level > TEST);
                expr(i.body(), TEST + 1);
                out.append(" if ");
                expr(i.test(), TEST + 1);
                out.append(" else ");
                expr(i.orelse(), TEST);
                close(level > TEST);
            }
            case Expr.Dict d -> {
                out.append('{');
                for (int i = 0; i < d.values().size(); i++) {
                    out.append(i > 0 ? ", " : "");
                    Expr key = d.keys().get(i);
                    if (key != null) {
                        expr(key, TEST);
                        out.append(": ");
                        expr(d.values().get(i), TEST);
                    } else {
                        out.append("**");
                        expr(d.values().get(i), EXPR);
                    }
                }
                out.append('}');
            }
            case Expr.Set s -> sequence("{", s.elts(), "}");
            case Expr.ListExpr l -> sequence("[", l.elts(), "]");
            case Expr.GeneratorExp g -> comprehension("(", g.elt(), null, g.generators(), ")");
            case Expr.ListComp l -> comprehension("[", l.elt(), null, l.generators(), "]");
            case Expr.SetComp s -> comprehension("{", s.elt(), null, s.generators(), "}");
            case Expr.DictComp d -> comprehension("{", d.key(), d.value(), d.generators(), "}");
            case Expr.Yield y -> {
                if (y.value() == null) {
                    out.append("(yield)");
                } else {
                    out.append("(yield ");
                    expr(y.value(), TEST);
                    out.append(')');
                }
            }
            case Expr.Await a -> {
                open(level > AWAIT);
                out.append("await ");
                expr(a.value(), ATOM);
                close(level > AWAIT);
            }
            case Expr.YieldFrom y -> {
                out.append("(yield from ");
                expr(y.value(), TEST);
                out.append(')');
            }
            case Expr.Compare c -> {
                open(level > CMP);
                expr(c.left(), CMP + 1);
                for (int i = 0; i < c.ops().size(); i++) {
                    out.append(switch (c.ops().get(i)) {
                        case EQ -> " == ";
                        case NOT_EQ -> " != ";
                        case LT -> " < ";
                        case LT_E -> " <= ";
                        case GT -> " > ";
                        case GT_E -> " >= ";
                        case IS -> " is ";
                        case IS_NOT -> " is not ";
                        case IN -> " in ";
                        case NOT_IN -> " not in ";
                    });
                    expr(c.comparators().get(i), CMP + 1);
                }
                close(level > CMP);
            }
            case Expr.Call c -> call(c);
            case Expr.Constant k -> {
                if ("u".equals(k.kind())) {
                    out.append('u'); // the prefix is kept in the tree, and written back
                }
                constant(k.value());
            }
            case Expr.JoinedStr j -> out.append('f').append(AstDump.strRepr(fstringBody(j.values(), false)));
            case Expr.FormattedValue f -> formattedValue(f, out);
            case Expr.Attribute a -> {
                expr(a.value(), ATOM);
                // an int needs a space before the dot to stay an int
                boolean intValue = a.value() instanceof Expr.Constant k && k.value() instanceof java.math.BigInteger;
                out.append(intValue ? " ." : ".").append(a.attr());
            }
            case Expr.Subscript s -> {
                expr(s.value(), ATOM);
                out.append('[');
                expr(s.slice(), TUPLE);
                out.append(']');
            }
            case Expr.Starred s -> {
                out.append('*');
                expr(s.value(), EXPR);
            }
            case Expr.Slice s -> {
                if (s.lower() != null) {
                    expr(s.lower(), TEST);
                }
                out.append(':');
                if (s.upper() != null) {
                    expr(s.upper(), TEST);
                }
                if (s.step() != null) {
                    out.append(':');
                    expr(s.step(), TEST);
                }
            }
            case Expr.Name n -> out.append(n.id());
            case Expr.Tuple t -> {
                if (t.elts().isEmpty()) {
                    out.append("()");
                    return;
                }
                open(level > TUPLE);
                for (int i = 0; i < t.elts().size(); i++) {
                    out.append(i > 0 ? ", " : "");
                    expr(t.elts().get(i), TEST);
                }
                out.append(t.elts().size() == 1 ? "," : "");
                close(level > TUPLE);
            }
            case Expr.NamedExpr n -> {
                open(level > TUPLE);
                expr(n.target(), ATOM);
                out.append(":=");
                expr(n.value(), ATOM);
                close(level > TUPLE);
            }
        }
    }

    private static int binaryPrecedence(Ops.BinOpKind op) {
        return switch (op) {
            case ADD, SUB -> ARITH;
            case MULT, MATMULT, DIV, MOD, FLOORDIV -> TERM;
            case LSHIFT, RSHIFT -> SHIFT;
            case BITOR -> BOR;
            case BITXOR -> BXOR;
            case BITAND -> BAND;
            case POW -> POWER;
        };
    }

    private void open(boolean parenthesize) {
        if (parenthesize) {
            out.append('(');
        }
    }

    private void close(boolean parenthesize) {
        if (parenthesize) {
            out.append(')');
        }
    }

    private void sequence(String open, List<Expr> items, String close) {
        out.append(open);
        for (int i = 0; i < items.size(); i++) {
            out.append(i > 0 ? ", " : "");
            expr(items.get(i), TEST);
        }
        out.append(close);
    }

    private void comprehension(String open, Expr elt, Expr value, List<Comprehension> generators, String close) {
        out.append(open);
        expr(elt, TEST);
        if (value != null) {
            out.append(": ");
            expr(value, TEST);
        }
        for (Comprehension g : generators) {
            out.append(" for ");
            expr(g.target(), TUPLE);
            out.append(" in ");
            expr(g.iter(), TEST + 1);
            for (Expr condition : g.ifs()) {
                out.append(" if ");
                expr(condition, TEST + 1);
            }
        }
        out.append(close);
    }

    private void call(Expr.Call c) {
        expr(c.func(), ATOM);
        if (c.args().size() == 1 && c.keywords().isEmpty() && c.args().get(0) instanceof Expr.GeneratorExp g) {
            expr(g, TEST); // f(x for x in y): the generator's own parentheses
            return;
        }
        out.append('(');
        boolean first = true;
        for (Expr a : c.args()) {
            out.append(first ? "" : ", ");
            first = false;
            expr(a, TEST);
        }
        for (Keyword k : c.keywords()) {
            out.append(first ? "" : ", ");
            first = false;
            out.append(k.arg() == null ? "**" : k.arg() + "=");
            expr(k.value(), TEST);
        }
        out.append(')');
    }

    private void arguments(Arguments args) {
        boolean first = true;
        int posonly = args.posonlyargs().size();
        int positional = posonly + args.args().size();
        for (int i = 0; i < positional; i++) {
            out.append(first ? "" : ", ");
            first = false;
            arg(i < posonly ? args.posonlyargs().get(i) : args.args().get(i - posonly));
            int d = i - positional + args.defaults().size();
            if (d >= 0) {
                out.append('=');
                expr(args.defaults().get(d), TEST);
            }
            if (posonly > 0 && i + 1 == posonly) {
                out.append(", /");
            }
        }
        if (args.vararg() != null || !args.kwonlyargs().isEmpty()) {
            out.append(first ? "" : ", ");
            first = false;
            out.append('*');
            if (args.vararg() != null) {
                arg(args.vararg());
            }
        }
        for (int i = 0; i < args.kwonlyargs().size(); i++) {
            out.append(first ? "" : ", ");
            first = false;
            arg(args.kwonlyargs().get(i));
            int d = i - args.kwonlyargs().size() + args.kwDefaults().size();
            if (d >= 0 && args.kwDefaults().get(d) != null) {
                out.append('=');
                expr(args.kwDefaults().get(d), TEST);
            }
        }
        if (args.kwarg() != null) {
            out.append(first ? "" : ", ").append("**");
            arg(args.kwarg());
        }
    }

    private void arg(Arg a) {
        out.append(a.arg());
        if (a.annotation() != null) {
            out.append(": ");
            expr(a.annotation(), TEST);
        }
    }

    /** A constant's repr; an infinite float is written 1e309, so that it reads back as one. */
    private void constant(Object value) {
        if (value == Expr.EllipsisValue.ELLIPSIS) {
            out.append("...");
        } else if (value instanceof Double d && d.isInfinite()) {
            out.append(d > 0 ? "1e309" : "-1e309");
        } else {
            out.append(AstDump.constantRepr(value));
        }
    }

    /** The text between an f-string's quotes (or a format spec's): literal parts with braces doubled. */
    private static String fstringBody(List<Expr> values, boolean formatSpec) {
        StringBuilder body = new StringBuilder();
        for (Expr v : values) {
            switch (v) {
                case Expr.Constant k -> body.append(((String) k.value()).replace("{", "{{").replace("}", "}}"));
                case Expr.JoinedStr j -> body.append(formatSpec ? fstringBody(j.values(), true)
                        : "f" + AstDump.strRepr(fstringBody(j.values(), false)));
                case Expr.FormattedValue f -> formattedValue(f, body);
                default -> throw new IllegalArgumentException("not an f-string part: " + v);
            }
        }
        return body.toString();
    }

    private static void formattedValue(Expr.FormattedValue f, StringBuilder into) {
        Unparser inner = new Unparser();
        inner.expr(f.value(), TEST + 1);
        String text = inner.out.toString();
        into.append(text.startsWith("{") ? "{ " : "{").append(text);
        if (f.conversion() > 0) {
            into.append('!').append((char) f.conversion());
        }
        if (f.formatSpec() != null) {
            into.append(':');
            into.append(f.formatSpec() instanceof Expr.JoinedStr j ? fstringBody(j.values(), true)
                    : fstringBody(List.of(f.formatSpec()), true));
        }
        into.append('}');
    }
}
