package org.pymemlab.frontend.interp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pymemlab.frontend.ast.Arg;
import org.pymemlab.frontend.ast.Arguments;
import org.pymemlab.frontend.ast.Comprehension;
import org.pymemlab.frontend.ast.ExceptHandler;
import org.pymemlab.frontend.ast.Expr;
import org.pymemlab.frontend.ast.Keyword;
import org.pymemlab.frontend.ast.Stmt;
import org.pymemlab.frontend.ast.WithItem;

/** CPython's symbol table in small: which names are fast locals, cells, free variables or globals. */
final class Scope {

    static final int MODULE = 0, FUNCTION = 1, CLASS = 2;
    private static final String UNSUPPORTED = " not supported by PyMem Lab's frontend";

    final int kind;
    final Scope parent;
    final String name;
    final List<String> params = new ArrayList<>();
    final Set<String> assigned = new LinkedHashSet<>();
    final Set<String> used = new LinkedHashSet<>();
    final Set<String> globals = new LinkedHashSet<>();
    final Set<String> nonlocals = new LinkedHashSet<>();
    final Set<String> cellvars = new LinkedHashSet<>();
    final Set<String> freevars = new LinkedHashSet<>();
    final List<Scope> children = new ArrayList<>();
    boolean generator;
    /** An {@code async def}: calling it makes a coroutine. */
    boolean isAsync;
    /** The first {@code return value} of a function, which an async generator may not have. */
    org.pymemlab.frontend.ast.Span returnWithValue;
    /** For a comprehension's scope, what it is ("list comprehension", "generator expression" …), else null. */
    String comprehension;

    /** A SyntaxError CPython's symtable raises (a yield or await where none may be), with where it is. */
    static final class SymtableError extends RuntimeException {
        final org.pymemlab.frontend.ast.Span span;

        SymtableError(String message, org.pymemlab.frontend.ast.Span span) {
            super(message, null, false, false);
            this.span = span;
        }
    }

    Scope(int kind, Scope parent, String name) {
        this.kind = kind;
        this.parent = parent;
        this.name = name;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    boolean isLocal(String n) {
        return kind != MODULE && (assigned.contains(n) || params.contains(n)) && !globals.contains(n)
                && !nonlocals.contains(n);
    }

    /**
     * Builds the scopes of a module, keyed by the AST node that opens each scope, for a profile's minor version (3.13 words a misplaced {@code yield from} its own
     * way). Throws {@link SymtableError} for a yield or await where CPython's symtable refuses one.
     */
    static Map<Object, Scope> analyse(List<Stmt> body, int minor) {
        return analyse(body, minor, false, false);
    }

    /**
     * As {@link #analyse(List, int)}, for exec() and eval(): eval's code is a return of its expression, which may
     * stand at the top; with a locals mapping apart from the globals ({@code inNamespace}) the body is analysed as
     * a class body is, its names in the mapping, and the functions it defines do not see them.
     */
    static Map<Object, Scope> analyse(List<Stmt> body, int minor, boolean topLevelReturn, boolean inNamespace) {
        Map<Object, Scope> map = new IdentityHashMap<>();
        Scope module = new Scope(MODULE, null, "<module>");
        Scope top = inNamespace ? new Scope(CLASS, module, "<module>") : module;
        map.put(body, top);
        Builder b = new Builder(map, minor);
        b.topLevelReturn = topLevelReturn;
        b.top = top;
        b.stmts(body, top);
        resolve(module);
        return map;
    }

    private static void resolve(Scope s) {
        if (s.kind != MODULE) {
            Set<String> wanted = new LinkedHashSet<>(s.used);
            wanted.addAll(s.nonlocals);
            for (String n : wanted) {
                if (s.kind == FUNCTION && s.isLocal(n) || s.globals.contains(n)) {
                    continue;
                }
                if (s.kind == CLASS && s.assigned.contains(n) && !n.equals("__class__")) {
                    continue;
                }
                Scope d = s.parent;
                while (d != null && d.kind != MODULE) {
                    boolean defines = d.kind == FUNCTION ? d.isLocal(n) : n.equals("__class__");
                    if (defines) {
                        break;
                    }
                    if (d.kind == FUNCTION && d.globals.contains(n)) {
                        d = null;
                        break;
                    }
                    d = d.parent;
                }
                if (d == null || d.kind == MODULE) {
                    continue;
                }
                d.cellvars.add(n);
                for (Scope x = s; x != d; x = x.parent) {
                    x.freevars.add(n);
                }
            }
        }
        for (Scope c : s.children) {
            resolve(c);
        }
    }

    private static final class Builder {
        final Map<Object, Scope> map;
        final int minor;
        /** eval's code: a return in the {@link #top} scope (the module, or exec's namespace) is its expression's. */
        boolean topLevelReturn;
        Scope top;

        Builder(Map<Object, Scope> map, int minor) {
            this.map = map;
            this.minor = minor;
        }

        void stmts(List<Stmt> body, Scope s) {
            for (Stmt st : body) {
                stmt(st, s);
            }
        }

        void args(Arguments a, Scope outer, Scope inner) {
            for (Expr d : a.defaults()) {
                expr(d, outer);
            }
            for (Expr d : a.kwDefaults()) {
                if (d != null) {
                    expr(d, outer);
                }
            }
            for (Arg x : a.posonlyargs()) {
                inner.params.add(x.arg());
            }
            for (Arg x : a.args()) {
                inner.params.add(x.arg());
            }
            for (Arg x : a.kwonlyargs()) {
                inner.params.add(x.arg());
            }
            if (a.vararg() != null) {
                inner.params.add(a.vararg().arg());
            }
            if (a.kwarg() != null) {
                inner.params.add(a.kwarg().arg());
            }
        }

        void stmt(Stmt st, Scope s) {
            switch (st) {
                case Stmt.FunctionDef fd -> {
                    for (Expr d : fd.decoratorList()) {
                        expr(d, s);
                    }
                    s.assigned.add(fd.name());
                    Scope inner = new Scope(FUNCTION, s, fd.name());
                    inner.isAsync = fd.isAsync();
                    map.put(fd, inner);
                    args(fd.args(), s, inner);
                    stmts(fd.body(), inner);
                    if (inner.isAsync && inner.generator && inner.returnWithValue != null) {
                        throw new SymtableError("'return' with value in async generator", inner.returnWithValue);
                    }
                    if (s.kind == CLASS && (inner.used.contains("super") || inner.used.contains("__class__"))) {
                        inner.used.add("__class__");
                    }
                }
                case Stmt.ClassDef cd -> {
                    for (Expr d : cd.decoratorList()) {
                        expr(d, s);
                    }
                    for (Expr b : cd.bases()) {
                        expr(b, s);
                    }
                    s.assigned.add(cd.name());
                    Scope inner = new Scope(CLASS, s, cd.name());
                    map.put(cd, inner);
                    stmts(cd.body(), inner);
                }
                case Stmt.Return r -> {
                    if (s.kind != FUNCTION && !(topLevelReturn && s == top)) {
                        throw new SymtableError("'return' outside function", r.span());
                    }
                    if (r.value() != null) {
                        expr(r.value(), s);
                        if (s.returnWithValue == null) {
                            s.returnWithValue = r.span();
                        }
                    }
                }
                case Stmt.Delete d -> d.targets().forEach(t -> target(t, s));
                case Stmt.Assign a -> {
                    expr(a.value(), s);
                    a.targets().forEach(t -> target(t, s));
                }
                case Stmt.AugAssign a -> {
                    expr(a.value(), s);
                    target(a.target(), s);
                    if (a.target() instanceof Expr.Name n) {
                        s.used.add(n.id());
                    }
                }
                case Stmt.AnnAssign a -> {
                    if (a.value() != null) {
                        expr(a.value(), s);
                    }
                    target(a.target(), s);
                }
                case Stmt.For f -> {
                    asyncHere(f.isAsync(), "'async for'", f.span(), s);
                    expr(f.iter(), s);
                    target(f.target(), s);
                    stmts(f.body(), s);
                    stmts(f.orelse(), s);
                }
                case Stmt.While w -> {
                    expr(w.test(), s);
                    stmts(w.body(), s);
                    stmts(w.orelse(), s);
                }
                case Stmt.If i -> {
                    expr(i.test(), s);
                    stmts(i.body(), s);
                    stmts(i.orelse(), s);
                }
                case Stmt.With w -> {
                    asyncHere(w.isAsync(), "'async with'", w.span(), s);
                    for (WithItem it : w.items()) {
                        expr(it.contextExpr(), s);
                        if (it.optionalVars() != null) {
                            target(it.optionalVars(), s);
                        }
                    }
                    stmts(w.body(), s);
                }
                case Stmt.Raise r -> {
                    if (r.exc() != null) {
                        expr(r.exc(), s);
                    }
                    if (r.cause() != null) {
                        expr(r.cause(), s);
                    }
                }
                case Stmt.Try t -> {
                    stmts(t.body(), s);
                    for (ExceptHandler h : t.handlers()) {
                        if (h.type() != null) {
                            expr(h.type(), s);
                        }
                        if (h.name() != null) {
                            s.assigned.add(h.name());
                        }
                        stmts(h.body(), s);
                    }
                    stmts(t.orelse(), s);
                    stmts(t.finalbody(), s);
                }
                case Stmt.Assert a -> {
                    expr(a.test(), s);
                    if (a.msg() != null) {
                        expr(a.msg(), s);
                    }
                }
                case Stmt.Import im -> im.names().forEach(al -> s.assigned.add(
                        al.asname() != null ? al.asname() : al.name().split("\\.")[0]));
                case Stmt.ImportFrom im -> im.names().forEach(al -> s.assigned.add(al.asname() != null ? al.asname() : al.name()));
                case Stmt.Global g -> s.globals.addAll(g.names());
                case Stmt.Nonlocal n -> s.nonlocals.addAll(n.names());
                case Stmt.ExprStmt e -> expr(e.value(), s);
                default -> {
                }
            }
        }

        void target(Expr t, Scope s) {
            switch (t) {
                case Expr.Name n -> s.assigned.add(n.id());
                case Expr.Tuple tu -> tu.elts().forEach(e -> target(e, s));
                case Expr.ListExpr l -> l.elts().forEach(e -> target(e, s));
                case Expr.Starred st -> target(st.value(), s);
                default -> expr(t, s);
            }
        }

        /** async for and async with belong in an async function (CPython's compiler says so). */
        private static void asyncHere(boolean isAsync, String what, org.pymemlab.frontend.ast.Span at, Scope s) {
            if (isAsync && !(s.kind == FUNCTION && s.isAsync && s.comprehension == null)) {
                throw new SymtableError(what + " outside async function", at);
            }
        }

        /** Where a yield may not be: outside a function, in a comprehension. */
        private static void yieldHere(Scope s, String what, org.pymemlab.frontend.ast.Span at) {
            if (s.kind != FUNCTION) {
                throw new SymtableError(what + " outside function", at);
            }
            if (s.comprehension != null) {
                throw new SymtableError("'yield' inside " + s.comprehension, at);
            }
        }

        void comp(Object node, List<Comprehension> gens, List<Expr> elts, Scope s) {
            expr(gens.get(0).iter(), s);
            Scope inner = new Scope(FUNCTION, s, "<comp>");
            inner.comprehension = switch (node) {
                case Expr.ListComp l -> "list comprehension";
                case Expr.SetComp c -> "set comprehension";
                case Expr.DictComp d -> "dict comprehension";
                default -> "generator expression";
            };
            inner.params.add(".0");
            map.put(node, inner);
            for (int i = 0; i < gens.size(); i++) {
                Comprehension g = gens.get(i);
                if (i > 0) {
                    expr(g.iter(), inner);
                }
                target(g.target(), inner);
                for (Expr c : g.ifs()) {
                    expr(c, inner);
                }
            }
            for (Expr e : elts) {
                expr(e, inner);
            }
        }

        void expr(Expr e, Scope s) {
            if (e == null) {
                return;
            }
            switch (e) {
                case Expr.Name n -> {
                    if (n.ctx() == org.pymemlab.frontend.ast.Ops.Ctx.LOAD) {
                        s.used.add(n.id());
                    } else {
                        s.assigned.add(n.id());
                    }
                }
                case Expr.Lambda l -> {
                    Scope inner = new Scope(FUNCTION, s, "<lambda>");
                    map.put(l, inner);
                    args(l.args(), s, inner);
                    expr(l.body(), inner);
                }
                case Expr.ListComp c -> comp(c, c.generators(), List.of(c.elt()), s);
                case Expr.SetComp c -> comp(c, c.generators(), List.of(c.elt()), s);
                case Expr.GeneratorExp c -> comp(c, c.generators(), List.of(c.elt()), s);
                case Expr.DictComp c -> comp(c, c.generators(), List.of(c.key(), c.value()), s);
                case Expr.NamedExpr ne -> {
                    Scope t = s;
                    while (t.kind == FUNCTION && t.name.equals("<comp>")) {
                        t = t.parent;
                    }
                    if (t != s && ne.target() instanceof Expr.Name n) {
                        t.assigned.add(n.id());
                        s.used.add(n.id());
                        s.nonlocals.add(n.id());
                    } else {
                        target(ne.target(), s);
                    }
                    expr(ne.value(), s);
                }
                case Expr.BoolOp b -> b.values().forEach(x -> expr(x, s));
                case Expr.BinOp b -> {
                    expr(b.left(), s);
                    expr(b.right(), s);
                }
                case Expr.UnaryOp u -> expr(u.operand(), s);
                case Expr.IfExp i -> {
                    expr(i.test(), s);
                    expr(i.body(), s);
                    expr(i.orelse(), s);
                }
                case Expr.Dict d -> {
                    d.keys().forEach(x -> expr(x, s));
                    d.values().forEach(x -> expr(x, s));
                }
                case Expr.Set st -> st.elts().forEach(x -> expr(x, s));
                case Expr.Compare c -> {
                    expr(c.left(), s);
                    c.comparators().forEach(x -> expr(x, s));
                }
                case Expr.Call c -> {
                    expr(c.func(), s);
                    c.args().forEach(x -> expr(x, s));
                    for (Keyword k : c.keywords()) {
                        expr(k.value(), s);
                    }
                }
                case Expr.FormattedValue f -> {
                    expr(f.value(), s);
                    expr(f.formatSpec(), s);
                }
                case Expr.JoinedStr j -> j.values().forEach(x -> expr(x, s));
                case Expr.Attribute a -> expr(a.value(), s);
                case Expr.Subscript sub -> {
                    expr(sub.value(), s);
                    expr(sub.slice(), s);
                }
                case Expr.Starred st -> expr(st.value(), s);
                case Expr.ListExpr l -> l.elts().forEach(x -> expr(x, s));
                case Expr.Tuple t -> t.elts().forEach(x -> expr(x, s));
                case Expr.Slice sl -> {
                    expr(sl.lower(), s);
                    expr(sl.upper(), s);
                    expr(sl.step(), s);
                }
                case Expr.Yield y -> {
                    yieldHere(s, "'yield'", y.span());
                    s.generator = true;
                    expr(y.value(), s);
                }
                case Expr.YieldFrom y -> {
                    yieldHere(s, minor >= 13 ? "'yield from'" : "'yield'", y.span());
                    if (s.isAsync) {
                        throw new SymtableError("'yield from' inside async function", y.span());
                    }
                    s.generator = true;
                    expr(y.value(), s);
                }
                case Expr.Await a -> {
                    if (s.kind != FUNCTION) {
                        throw new SymtableError("'await' outside function", a.span());
                    }
                    if (s.comprehension != null) {
                        throw new SymtableError("'await' in a comprehension (an asynchronous comprehension) is"
                                + UNSUPPORTED, a.span());
                    }
                    if (!s.isAsync) {
                        throw new SymtableError("'await' outside async function", a.span());
                    }
                    expr(a.value(), s);
                }
                default -> {
                }
            }
        }
    }
}
