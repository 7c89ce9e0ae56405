package org.pymemlab.frontend.ast;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Prints a tree exactly as CPython 3.13's {@code ast.dump(node)} does with its defaults
 * (annotated fields, no attributes, None and empty lists omitted except in Constant), so
 * trees can be compared with CPython's as strings.
 */
public final class AstDump {

    private AstDump() {
    }

    /** {@code ast.dump(module)}. */
    public static String dump(Module m) {
        StringBuilder sb = new StringBuilder();
        node(sb, "Module", "body", m.body());
        return sb.toString();
    }

    /** {@code ast.dump(stmt)}. */
    public static String dump(Stmt s) {
        StringBuilder sb = new StringBuilder();
        value(sb, s);
        return sb.toString();
    }

    /** {@code ast.dump(expr)}. */
    public static String dump(Expr e) {
        StringBuilder sb = new StringBuilder();
        value(sb, e);
        return sb.toString();
    }

    /** Writes {@code Name(f1=v1, ...)} skipping None and empty-list fields. */
    private static void node(StringBuilder sb, String name, Object... fields) {
        sb.append(name).append('(');
        boolean first = true;
        for (int i = 0; i < fields.length; i += 2) {
            Object v = fields[i + 1];
            if (v == null || (v instanceof List<?> l && l.isEmpty())) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(fields[i]).append('=');
            value(sb, v);
        }
        sb.append(')');
    }

    private static void value(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("None");
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    value(sb, l.get(i));
                }
                sb.append(']');
            }
            case String s -> sb.append(strRepr(s));
            case Integer i -> sb.append(i);
            case Stmt s -> stmt(sb, s);
            case Expr e -> expr(sb, e);
            case Arguments a -> node(sb, "arguments", "posonlyargs", a.posonlyargs(), "args", a.args(), "vararg",
                    a.vararg(), "kwonlyargs", a.kwonlyargs(), "kw_defaults", a.kwDefaults(), "kwarg", a.kwarg(),
                    "defaults", a.defaults());
            case Arg a -> node(sb, "arg", "arg", a.arg(), "annotation", a.annotation());
            case Keyword k -> node(sb, "keyword", "arg", k.arg(), "value", k.value());
            case Alias a -> node(sb, "alias", "name", a.name(), "asname", a.asname());
            case WithItem w -> node(sb, "withitem", "context_expr", w.contextExpr(), "optional_vars",
                    w.optionalVars());
            case ExceptHandler h -> node(sb, "ExceptHandler", "type", h.type(), "name", h.name(), "body", h.body());
            case Comprehension c -> node(sb, "comprehension", "target", c.target(), "iter", c.iter(), "ifs", c.ifs(),
                    "is_async", 0);
            case Ops.Ctx c -> sb.append(c.pyName()).append("()");
            case Ops.BinOpKind o -> sb.append(o.pyName()).append("()");
            case Ops.UnaryOpKind o -> sb.append(o.pyName()).append("()");
            case Ops.BoolOpKind o -> sb.append(o.pyName()).append("()");
            case Ops.CmpOpKind o -> sb.append(o.pyName()).append("()");
            default -> throw new IllegalArgumentException("cannot dump " + v.getClass());
        }
    }

    private static void stmt(StringBuilder sb, Stmt s) {
        switch (s) {
            case Stmt.FunctionDef f -> node(sb, f.isAsync() ? "AsyncFunctionDef" : "FunctionDef", "name", f.name(), "args", f.args(), "body", f.body(),
                    "decorator_list", f.decoratorList(), "returns", f.returns());
            case Stmt.ClassDef c -> node(sb, "ClassDef", "name", c.name(), "bases", c.bases(), "keywords",
                    c.keywords(), "body", c.body(), "decorator_list", c.decoratorList());
            case Stmt.Return r -> node(sb, "Return", "value", r.value());
            case Stmt.Delete d -> node(sb, "Delete", "targets", d.targets());
            case Stmt.Assign a -> node(sb, "Assign", "targets", a.targets(), "value", a.value());
            case Stmt.AugAssign a -> node(sb, "AugAssign", "target", a.target(), "op", a.op(), "value", a.value());
            case Stmt.AnnAssign a -> node(sb, "AnnAssign", "target", a.target(), "annotation", a.annotation(),
                    "value", a.value(), "simple", a.simple());
            case Stmt.For f -> node(sb, f.isAsync() ? "AsyncFor" : "For", "target", f.target(), "iter", f.iter(), "body", f.body(), "orelse",
                    f.orelse());
            case Stmt.While w -> node(sb, "While", "test", w.test(), "body", w.body(), "orelse", w.orelse());
            case Stmt.If i -> node(sb, "If", "test", i.test(), "body", i.body(), "orelse", i.orelse());
            case Stmt.With w -> node(sb, w.isAsync() ? "AsyncWith" : "With", "items", w.items(), "body", w.body());
            case Stmt.Raise r -> node(sb, "Raise", "exc", r.exc(), "cause", r.cause());
            case Stmt.Try t -> node(sb, t.star() ? "TryStar" : "Try", "body", t.body(), "handlers", t.handlers(), "orelse", t.orelse(),
                    "finalbody", t.finalbody());
            case Stmt.Assert a -> node(sb, "Assert", "test", a.test(), "msg", a.msg());
            case Stmt.Import i -> node(sb, "Import", "names", i.names());
            case Stmt.ImportFrom i -> node(sb, "ImportFrom", "module", i.module(), "names", i.names(), "level",
                    i.level());
            case Stmt.Global g -> node(sb, "Global", "names", g.names());
            case Stmt.Nonlocal n -> node(sb, "Nonlocal", "names", n.names());
            case Stmt.ExprStmt e -> node(sb, "Expr", "value", e.value());
            case Stmt.Pass p -> sb.append("Pass()");
            case Stmt.Break b -> sb.append("Break()");
            case Stmt.Continue c -> sb.append("Continue()");
        }
    }

    private static void expr(StringBuilder sb, Expr e) {
        switch (e) {
            case Expr.BoolOp b -> node(sb, "BoolOp", "op", b.op(), "values", b.values());
            case Expr.NamedExpr n -> node(sb, "NamedExpr", "target", n.target(), "value", n.value());
            case Expr.BinOp b -> node(sb, "BinOp", "left", b.left(), "op", b.op(), "right", b.right());
            case Expr.UnaryOp u -> node(sb, "UnaryOp", "op", u.op(), "operand", u.operand());
            case Expr.Lambda l -> node(sb, "Lambda", "args", l.args(), "body", l.body());
            case Expr.IfExp i -> node(sb, "IfExp", "test", i.test(), "body", i.body(), "orelse", i.orelse());
            case Expr.Dict d -> node(sb, "Dict", "keys", d.keys(), "values", d.values());
            case Expr.Set s -> node(sb, "Set", "elts", s.elts());
            case Expr.ListComp c -> node(sb, "ListComp", "elt", c.elt(), "generators", c.generators());
            case Expr.SetComp c -> node(sb, "SetComp", "elt", c.elt(), "generators", c.generators());
            case Expr.DictComp c -> node(sb, "DictComp", "key", c.key(), "value", c.value(), "generators",
                    c.generators());
            case Expr.GeneratorExp c -> node(sb, "GeneratorExp", "elt", c.elt(), "generators", c.generators());
            case Expr.Yield y -> node(sb, "Yield", "value", y.value());
            case Expr.YieldFrom y -> node(sb, "YieldFrom", "value", y.value());
            case Expr.Await a -> node(sb, "Await", "value", a.value());
            case Expr.Compare c -> node(sb, "Compare", "left", c.left(), "ops", c.ops(), "comparators",
                    c.comparators());
            case Expr.Call c -> node(sb, "Call", "func", c.func(), "args", c.args(), "keywords", c.keywords());
            case Expr.FormattedValue f -> node(sb, "FormattedValue", "value", f.value(), "conversion",
                    f.conversion(), "format_spec", f.formatSpec());
            case Expr.JoinedStr j -> node(sb, "JoinedStr", "values", j.values());
            case Expr.Constant c -> {
                // Constant(value=None) is printed: the one exception to omitting None
                sb.append("Constant(value=").append(constantRepr(c.value()));
                if (c.kind() != null) {
                    sb.append(", kind=").append(strRepr(c.kind()));
                }
                sb.append(')');
            }
            case Expr.Attribute a -> node(sb, "Attribute", "value", a.value(), "attr", a.attr(), "ctx", a.ctx());
            case Expr.Subscript s -> node(sb, "Subscript", "value", s.value(), "slice", s.slice(), "ctx", s.ctx());
            case Expr.Starred s -> node(sb, "Starred", "value", s.value(), "ctx", s.ctx());
            case Expr.Name n -> node(sb, "Name", "id", n.id(), "ctx", n.ctx());
            case Expr.ListExpr l -> node(sb, "List", "elts", l.elts(), "ctx", l.ctx());
            case Expr.Tuple t -> node(sb, "Tuple", "elts", t.elts(), "ctx", t.ctx());
            case Expr.Slice s -> node(sb, "Slice", "lower", s.lower(), "upper", s.upper(), "step", s.step());
        }
    }

    /** Python's {@code repr} of a constant value. */
    public static String constantRepr(Object v) {
        return switch (v) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case BigInteger i -> i.toString();
            case Double d -> floatRepr(d);
            case String s -> strRepr(s);
            case PyBytes b -> bytesRepr(b);
            case Expr.EllipsisValue e -> "Ellipsis";
            default -> throw new IllegalArgumentException("not a constant: " + v.getClass());
        };
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, exponent outside 1e-4 .. 1e16. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        // Double.toString is the shortest repr since JDK 19; re-lay its digits the way Python does.
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale();
        int n = digits.length();
        StringBuilder sb = new StringBuilder(sign);
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= n) {
                sb.append(digits).append("0".repeat(decpt - n)).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
            }
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        }
        return sb.toString();
    }

    /** Python's {@code repr(str)}. */
    public static String strRepr(String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f) {
                sb.append((char) cp);
            } else if (isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else {
                appendHexEscape(sb, cp);
            }
        }
        return sb.append(quote).toString();
    }

    /** A non-ASCII character as repr() and ascii() escape it: \\xNN, \\uNNNN or \\UNNNNNNNN. */
    public static void appendHexEscape(StringBuilder sb, int cp) {
        if (cp <= 0xff) {
            sb.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
            sb.append(String.format("\\u%04x", cp));
        } else {
            sb.append(String.format("\\U%08x", cp));
        }
    }

    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Python's {@code repr(bytes)}. */
    public static String bytesRepr(PyBytes b) {
        return org.pymemlab.runtime.BytesRepr.of(b.toArray());
    }
}
