package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_TYPE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pymemlab.frontend.ast.Arg;
import org.pymemlab.frontend.ast.Comprehension;
import org.pymemlab.frontend.ast.ExceptHandler;
import org.pymemlab.frontend.ast.Expr;
import org.pymemlab.frontend.ast.Keyword;
import org.pymemlab.frontend.ast.Ops.BoolOpKind;
import org.pymemlab.frontend.ast.Ops.CmpOpKind;
import org.pymemlab.frontend.ast.PyBytes;
import org.pymemlab.frontend.ast.Span;
import org.pymemlab.frontend.ast.Stmt;
import org.pymemlab.frontend.ast.WithItem;
import org.pymemlab.frontend.interp.Nodes.Store;
import org.pymemlab.runtime.Mutator;

/**
 * Compiles a module's AST into the executable tree. Names are resolved here: fast locals become slot
 * indexes, closures become cell indexes, globals keep an interned key str; constants are made once (the
 * code object's co_consts) and shared module-wide as CPython's compiler merges them.
 */
final class Compiler {

    private final Interp in;
    private final Mutator m;
    private final String filename;
    private final Map<Object, Scope> scopes;
    private final Map<String, Long> constCache = new HashMap<>();
    /** The references this module's code objects hold to their constants, given back at finalization. */
    final List<Long> constants = new ArrayList<>();
    /** The str, int, float and bytes constants {@link #constant} made (not the singletons it hands out). */
    private final java.util.Set<Long> madeConstants = new java.util.HashSet<>();
    /** Every code object of the module being compiled, for {@link #countCoConsts}. */
    private final List<Ctx> codes = new ArrayList<>();
    /** The {@code __module__} of the classes this code defines. */
    String moduleName = "__main__";

    Compiler(Interp in, String filename, Map<Object, Scope> scopes) {
        this.in = in;
        this.m = in.m;
        this.filename = filename;
        this.scopes = scopes;
    }

    /** Per-code compile state: the scope and slot assignment. */
    private static final class Ctx {
        final Scope scope;
        final Code code;
        final Map<String, Integer> slots = new HashMap<>();
        final Map<String, Integer> cells = new HashMap<>();
        /** The constants this code has loaded (its co_consts), in order of first use. */
        final java.util.LinkedHashSet<Long> coConsts = new java.util.LinkedHashSet<>();
        /** Its co_consts holds code objects (of functions, classes … it defines), so no other code shares it. */
        boolean hasNestedCode;
        /** A class body's {@code self.x} names stored in its functions, sorted (3.13's __static_attributes__). */
        final java.util.TreeSet<String> staticAttributes = new java.util.TreeSet<>();
        final Ctx parent;
        String qualPrefix;

        Ctx(Scope scope, Code code, Ctx parent, List<Ctx> codes) {
            this.scope = scope;
            this.code = code;
            this.parent = parent;
            if (parent != null) {
                parent.hasNestedCode = true;
            }
            codes.add(this);
        }
    }

    Code compileModule(org.pymemlab.frontend.ast.Module module) {
        immortalizeIdentifiers(module);
        List<Stmt> body = module.body();
        Scope s = scopes.get(body);
        Code code = new Code("<module>", filename, 1);
        Ctx c = new Ctx(s, code, null, codes);
        c.qualPrefix = "";
        futureAnnotations = body.stream().anyMatch(st -> st instanceof Stmt.ImportFrom im
                && "__future__".equals(im.module()) && im.names().stream().anyMatch(a -> a.name().equals("annotations")));
        c.hasNestedCode = true; // the module's co_consts is its own
        code.body = withAnnotations(body, block(body, c));
        countCoConsts();
        return code;
    }

    /**
     * 3.12+ parsers intern every identifier immortal (3.13: _PyUnicode_InternImmortal), so a str constant that
     * spells a name anywhere in the source is immortal too; 3.11's stay mortal, held by the code.
     */
    private void immortalizeIdentifiers(org.pymemlab.frontend.ast.Module module) {
        if (in.minor >= 12) {
            for (String identifier : module.identifiers()) {
                in.os.immortalizeInterned(in.internStr(identifier));
            }
        }
    }

    /**
     * The code of exec() or eval() with a separate locals mapping (Scope.analyse with inNamespace): a body
     * run as a class body is, its names in the frame's namespace dict, the globals behind it.
     */
    Code compileInNamespace(org.pymemlab.frontend.ast.Module module) {
        immortalizeIdentifiers(module);
        List<Stmt> body = module.body();
        Scope s = scopes.get(body);
        Ctx top = new Ctx(s.parent, new Code("<module>", filename, 1), null, codes);
        top.qualPrefix = "";
        Code code = new Code("<module>", filename, 1);
        Ctx c = new Ctx(s, code, top, codes);
        c.qualPrefix = "";
        layout(c, List.of());
        code.qualname = "<module>";
        code.body = withAnnotations(body, block(body, c));
        countCoConsts();
        return code;
    }

    /** {@code from __future__ import annotations}: annotations are kept as their source text, not evaluated. */
    private boolean futureAnnotations;

    /**
     * SETUP_ANNOTATIONS before a module's or class's body that annotates a simple name somewhere in it (not in a
     * nested function or class): an empty {@code __annotations__} dict unless the namespace has one.
     */
    private Nodes.Stmt withAnnotations(List<Stmt> body, Nodes.Stmt run) {
        if (!annotatesName(body)) {
            return run;
        }
        long name = in.internStr("__annotations__");
        return f -> {
            long ns = f.classNs != 0 ? f.classNs : f.globals;
            if (m.dictGet(ns, name) == 0) {
                long d = m.newDict();
                m.dictSet(ns, name, d);
                m.decref(d);
            }
            return run.exec(f);
        };
    }

    private static boolean annotatesName(List<Stmt> body) {
        for (Stmt st : body) {
            boolean found = switch (st) {
                case Stmt.AnnAssign a -> a.simple() == 1;
                case Stmt.If i -> annotatesName(i.body()) || annotatesName(i.orelse());
                case Stmt.For fo -> annotatesName(fo.body()) || annotatesName(fo.orelse());
                case Stmt.While w -> annotatesName(w.body()) || annotatesName(w.orelse());
                case Stmt.With w -> annotatesName(w.body());
                case Stmt.Try t -> annotatesName(t.body()) || annotatesName(t.orelse()) || annotatesName(t.finalbody())
                        || t.handlers().stream().anyMatch(h -> annotatesName(h.body()));
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** LOAD_CONST in code {@code c}: the constant joins the code's co_consts (see {@link #countCoConsts}). */
    private Nodes.Expr loadConst(long constant, Ctx c) {
        c.coConsts.add(constant);
        return constantNode(constant);
    }

    /**
     * The references the module's co_consts tuples hold. The code objects share one object per constant value,
     * and the compiler merges their co_consts tuples too: functions that load the same constants in the same
     * order share one tuple, which holds one reference to each. A code object with nested code objects (the
     * module, a class or function that defines others) has a tuple of its own. The first tuple to hold a
     * constant takes the reference {@link #constant} made; each further distinct tuple takes one more.
     */
    private void countCoConsts() {
        java.util.Set<Object> tuples = new java.util.HashSet<>();
        java.util.Set<Long> firstUseTaken = new java.util.HashSet<>();
        for (Ctx c : codes) {
            Object tuple = c.hasNestedCode ? c : List.copyOf(c.coConsts); // equal tuples: same constants, same order
            if (!tuples.add(tuple)) {
                continue;
            }
            for (long constant : c.coConsts) {
                if (madeConstants.contains(constant) && !firstUseTaken.add(constant)) {
                    constants.add(in.incref(constant));
                }
            }
        }
        codes.clear();
    }

    /** A node evaluating to a constant (a new reference to it). */
    private Nodes.Expr constantNode(long constant) {
        return f -> {
            m.incref(constant);
            return constant;
        };
    }

    /** An annotation as {@code from __future__ import annotations} keeps it: unparsed, as ast_unparse.c writes it. */
    private static String annotationText(Expr annotation) {
        return org.pymemlab.frontend.ast.Unparser.unparse(annotation);
    }

    private void layout(Ctx c, List<String> params) {
        Scope s = c.scope;
        int slot = 0;
        for (String p : params) {
            c.slots.put(p, slot++);
        }
        for (String n : s.assigned) {
            if (s.isLocal(n) && !c.slots.containsKey(n)) {
                c.slots.put(n, slot++);
            }
        }
        c.code.nlocals = slot;
        c.code.localNames = new String[slot];
        c.slots.forEach((k, v) -> c.code.localNames[v] = k);
        int ci = 0;
        List<Integer> from = new ArrayList<>();
        for (String n : s.cellvars) {
            c.cells.put(n, ci++);
            Integer p = s.kind == Scope.FUNCTION ? c.slots.get(n) : null;
            from.add(p == null ? -1 : p);
        }
        c.code.ncells = ci;
        c.code.cellFromArg = from.stream().mapToInt(Integer::intValue).toArray();
        for (String n : s.freevars) {
            c.cells.put(n, ci++);
        }
        c.code.nfrees = s.freevars.size();
    }

    // ---- constants ----

    /**
     * The objects the parser made for literals, one per occurrence, each holding a reference (CPython's AST
     * arena: alive until the module's code has run, so a constant's refcount is one higher while it runs).
     */
    final List<Long> arena = new ArrayList<>();

    /**
     * A literal: the object made for this occurrence is held by the arena; the code uses the merged constant
     * (one per value, module-wide), which the code object holds. Borrowed.
     */
    long constant(Object v) {
        if (v == null) {
            return m.none();
        }
        if (v instanceof Boolean b) {
            return m.bool(b);
        }
        if (v == Expr.EllipsisValue.ELLIPSIS) {
            return m.ellipsis();
        }
        String key;
        if (v instanceof BigInteger bi) {
            key = "i" + bi;
        } else if (v instanceof Double d) {
            key = "f" + Double.doubleToRawLongBits(d);
        } else if (v instanceof String s) {
            key = "s" + s;
        } else if (v instanceof PyBytes b) {
            key = "b" + java.util.HexFormat.of().formatHex(b.toArray());
        } else {
            throw new IllegalArgumentException("constant " + v);
        }
        long obj;
        if (v instanceof BigInteger bi) {
            obj = in.newInt(bi);
        } else if (v instanceof Double d) {
            obj = m.newFloat(d);
        } else if (v instanceof String s) {
            obj = m.newStr(s);
        } else {
            obj = m.newBytes(((PyBytes) v).toArray());
        }
        arena.add(obj);
        Long cached = constCache.get(key);
        if (cached != null) {
            return cached;
        }
        long canonical;
        if (v instanceof String s && s.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) {
            canonical = m.intern(obj); // the code object interns name-like constants
        } else {
            canonical = in.incref(obj);
        }
        constCache.put(key, canonical);
        constants.add(canonical);
        madeConstants.add(canonical);
        return canonical;
    }

    /**
     * A str constant indexed by an int constant, folded to the character as CPython's AST optimizer does
     * (fold_subscr), so it is the code's merged constant; 0 when it is not that or the index is out of range.
     */
    private long foldSubscript(Expr.Subscript s) {
        if (!(s.value() instanceof Expr.Constant v && v.value() instanceof String str)
                || !(s.slice() instanceof Expr.Constant k && k.value() instanceof BigInteger index)) {
            return 0;
        }
        int[] cps = str.codePoints().toArray();
        BigInteger i = index.signum() < 0 ? index.add(BigInteger.valueOf(cps.length)) : index;
        if (i.signum() < 0 || i.compareTo(BigInteger.valueOf(cps.length)) >= 0) {
            return 0;
        }
        // the parser's objects for the operands stay in the arena; only the result is a constant of the code
        arena.add(m.newStr(str));
        arena.add(in.newInt(index));
        return constant(new String(cps, i.intValue(), 1));
    }

    /** A constant tuple (folded as CPython's optimizer folds tuples of constants), or 0. */
    private long constTuple(Expr.Tuple t) {
        List<Long> items = new ArrayList<>();
        StringBuilder key = new StringBuilder("t(");
        for (Expr e : t.elts()) {
            long c;
            if (e instanceof Expr.Constant k) {
                c = constant(k.value());
            } else if (e instanceof Expr.Tuple inner) {
                c = constTuple(inner);
                if (c == 0) {
                    return 0;
                }
            } else if (e instanceof Expr.UnaryOp u && u.op() == org.pymemlab.frontend.ast.Ops.UnaryOpKind.USUB
                    && u.operand() instanceof Expr.Constant k && (k.value() instanceof BigInteger || k.value() instanceof Double)) {
                c = negConst(k.value());
            } else {
                return 0;
            }
            items.add(c);
            key.append(in.classOf(c).name).append(':').append(c).append(',');
        }
        String k = key.toString();
        // the optimizer folds each occurrence into a tuple of its own (held by the arena); the code merges them
        long tup = m.newTuple(Interp.toArray(items));
        arena.add(tup);
        Long cached = constCache.get(k);
        if (cached != null) {
            return cached;
        }
        constCache.put(k, in.incref(tup));
        constants.add(tup);
        return tup;
    }

    /** The constant the optimizer folds an element to (a literal, a negated number, a tuple of constants), or 0. */
    private long foldedConstant(Expr e) {
        if (e instanceof Expr.Constant k) {
            return constant(k.value());
        }
        if (e instanceof Expr.UnaryOp u && u.op() == org.pymemlab.frontend.ast.Ops.UnaryOpKind.USUB
                && u.operand() instanceof Expr.Constant k && (k.value() instanceof BigInteger || k.value() instanceof Double)) {
            return negConst(k.value());
        }
        return e instanceof Expr.Tuple t ? constTuple(t) : 0;
    }

    /** starunpack_helper's test: more than two elements, all constants after folding; their constants, or null. */
    private long[] foldedElements(List<Expr> elts) {
        if (elts.size() <= 2) {
            return null;
        }
        long[] out = new long[elts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = foldedConstant(elts.get(i));
            if (out[i] == 0) {
                return null;
            }
        }
        return out;
    }

    private long negConst(Object v) {
        return v instanceof BigInteger bi ? constant(bi.negate()) : constant(-(Double) v);
    }

    // ---- statements ----

    Nodes.Stmt block(List<Stmt> body, Ctx c) {
        Nodes.Stmt[] stmts = new Nodes.Stmt[body.size()];
        for (int i = 0; i < stmts.length; i++) {
            stmts[i] = stmt(body.get(i), c);
        }
        if (stmts.length == 1) {
            return stmts[0];
        }
        return f -> {
            for (Nodes.Stmt s : stmts) {
                int r = s.exec(f);
                if (r != Code.NORMAL) {
                    return r;
                }
            }
            return Code.NORMAL;
        };
    }

    private Nodes.Stmt stmt(Stmt st, Ctx c) {
        Nodes.Stmt inner = stmt0(st, c);
        int line = st.span().line();
        Span at = statementPosition(st);
        return f -> {
            f.line = line;
            try {
                return inner.exec(f);
            } catch (RuntimeException e) {
                throw in.located(e, f, at);
            }
        };
    }

    /**
     * Where an exception a statement raises itself is reported: the statement, except for compound statements,
     * whose own instructions (the iteration of a for, the test of an if or while) sit on their header.
     */
    private Span statementPosition(Stmt st) {
        return switch (st) {
            // 3.12's compiler gives the assertion's raise the statement's position, 3.11 and 3.13 the test's
            case Stmt.Assert a when in.minor != 12 -> a.test().span();
            case Stmt.For fo -> fo.iter().span();
            case Stmt.If i -> i.test().span();
            case Stmt.While w -> w.test().span();
            // the __exit__ call: on the statement for 3.11 and 3.12, on the context expression for 3.13
            case Stmt.With w when in.minor >= 13 -> w.items().get(0).contextExpr().span();
            default -> st.span();
        };
    }

    private Nodes.Stmt stmt0(Stmt st, Ctx c) {
        switch (st) {
            case Stmt.ExprStmt e -> {
                Nodes.Expr x = expr(e.value(), c);
                return f -> {
                    m.decref(x.eval(f));
                    return Code.NORMAL;
                };
            }
            case Stmt.Assign a -> {
                Nodes.Expr value = expr(a.value(), c);
                if (a.targets().size() == 1) {
                    Store t = store(a.targets().get(0), c);
                    return f -> {
                        t.store(f, value.eval(f));
                        return Code.NORMAL;
                    };
                }
                Store[] ts = a.targets().stream().map(t -> store(t, c)).toArray(Store[]::new);
                return f -> {
                    long v = value.eval(f);
                    for (int i = 0; i < ts.length; i++) {
                        if (i < ts.length - 1) {
                            m.incref(v);
                        }
                        ts[i].store(f, v);
                    }
                    return Code.NORMAL;
                };
            }
            case Stmt.AnnAssign a -> {
                Nodes.Expr value = a.value() == null ? null : expr(a.value(), c);
                Store t = a.value() == null ? null : store(a.target(), c);
                // a module's or class's annotation is evaluated after the assignment: a simple name's goes into
                // __annotations__ (its source text under the future import), a complex target's is dropped
                boolean evaluated = c.scope.kind != Scope.FUNCTION && (a.simple() == 1 || !futureAnnotations);
                Nodes.Expr annotation = !evaluated ? null : a.simple() == 1 && futureAnnotations
                        ? constantNode(constant(annotationText(a.annotation()))) : expr(a.annotation(), c);
                long key = a.simple() == 1 && a.target() instanceof Expr.Name n ? in.internStr(n.id()) : 0;
                long annotations = in.internStr("__annotations__");
                return f -> {
                    if (value != null) {
                        t.store(f, value.eval(f));
                    }
                    if (annotation != null) {
                        long v = annotation.eval(f);
                        try {
                            if (key != 0) {
                                long ns = f.classNs != 0 ? f.classNs : f.globals;
                                long d = m.dictGet(ns, annotations);
                                if (d == 0) {
                                    throw in.error("NameError", "__annotations__ not found");
                                }
                                Operators.setitem(in, d, key, v);
                            }
                        } finally {
                            m.decref(v);
                        }
                    }
                    return Code.NORMAL;
                };
            }
            case Stmt.AugAssign a -> {
                return augAssign(a, c);
            }
            case Stmt.Pass p -> {
                return f -> Code.NORMAL;
            }
            case Stmt.Break b -> {
                return f -> Code.BREAK;
            }
            case Stmt.Continue b -> {
                return f -> Code.CONTINUE;
            }
            case Stmt.Return r -> {
                Nodes.Expr v = r.value() == null ? f -> m.none() : expr(r.value(), c);
                return f -> {
                    f.retval = v.eval(f);
                    return Code.RETURN;
                };
            }
            case Stmt.If i -> {
                Nodes.Expr test = expr(i.test(), c);
                Nodes.Stmt body = block(i.body(), c);
                Nodes.Stmt orelse = i.orelse().isEmpty() ? null : block(i.orelse(), c);
                return f -> {
                    long t = test.eval(f);
                    boolean b = in.truthy(t);
                    m.decref(t);
                    if (b) {
                        return body.exec(f);
                    }
                    return orelse == null ? Code.NORMAL : orelse.exec(f);
                };
            }
            case Stmt.While w -> {
                Nodes.Expr test = expr(w.test(), c);
                Nodes.Stmt body = block(w.body(), c);
                Nodes.Stmt orelse = w.orelse().isEmpty() ? null : block(w.orelse(), c);
                int line = w.span().line();
                return f -> {
                    while (true) {
                        f.line = line; // each test runs on the while's line (tracebacks, tracemalloc)
                        long t = test.eval(f);
                        boolean b = in.truthy(t);
                        m.decref(t);
                        if (!b) {
                            break;
                        }
                        int r = body.exec(f);
                        if (r == Code.BREAK) {
                            return Code.NORMAL;
                        }
                        if (r == Code.RETURN) {
                            return r;
                        }
                        m.safePoint();
                    }
                    return orelse == null ? Code.NORMAL : orelse.exec(f);
                };
            }
            case Stmt.For fo -> {
                return forLoop(fo, c);
            }
            case Stmt.FunctionDef fd -> {
                Nodes.Expr make = function(fd.name(), fd.args(), fd.returns(), fd.body(), null, fd, c, fd.span().line());
                Nodes.Expr decorated = decorate(make, fd.decoratorList(), c);
                Store t = storeName(fd.name(), c);
                return f -> {
                    t.store(f, decorated.eval(f));
                    return Code.NORMAL;
                };
            }
            case Stmt.ClassDef cd -> {
                return classDef(cd, c);
            }
            case Stmt.Delete d -> {
                Nodes.Stmt[] ds = d.targets().stream().map(t -> delete(t, c)).toArray(Nodes.Stmt[]::new);
                return f -> {
                    for (Nodes.Stmt s : ds) {
                        s.exec(f);
                    }
                    return Code.NORMAL;
                };
            }
            case Stmt.Global g -> {
                return f -> Code.NORMAL;
            }
            case Stmt.Nonlocal g -> {
                return f -> Code.NORMAL;
            }
            case Stmt.Assert a -> {
                Nodes.Expr test = expr(a.test(), c);
                Nodes.Expr msg = a.msg() == null ? null : expr(a.msg(), c);
                return f -> {
                    long t = test.eval(f);
                    boolean b = in.truthy(t);
                    m.decref(t);
                    if (!b) {
                        long cls = in.exceptions.get("AssertionError");
                        if (msg == null) {
                            throw new PyRaise(in.instantiateException(cls, new long[0]));
                        }
                        long mv = msg.eval(f);
                        long exc = in.instantiateException(cls, new long[] {mv});
                        m.decref(mv);
                        throw new PyRaise(exc);
                    }
                    return Code.NORMAL;
                };
            }
            case Stmt.Raise r -> {
                Nodes.Expr exc = r.exc() == null ? null : expr(r.exc(), c);
                Nodes.Expr cause = r.cause() == null ? null : expr(r.cause(), c);
                return f -> {
                    if (exc == null) {
                        if (in.handling.isEmpty()) {
                            throw in.error("RuntimeError", "No active exception to reraise");
                        }
                        // a bare raise continues the exception's traceback: this frame's entry is there already
                        PyRaise again = new PyRaise(in.incref(in.handlingTop()));
                        again.tracedIn = f;
                        again.posFrame = f;
                        again.contextDecided = true;
                        throw again;
                    }
                    long raised = in.asException(exc.eval(f));
                    if (cause != null) {
                        try {
                            in.tracebacks.setCause(raised, cause.eval(f));
                        } catch (RuntimeException e) {
                            m.decref(raised);
                            throw e;
                        }
                    }
                    throw new PyRaise(raised);
                };
            }
            case Stmt.Try t -> {
                return tryStmt(t, c);
            }
            case Stmt.With w -> {
                return with(w.items(), 0, w.body(), c, w.isAsync());
            }
            case Stmt.Import im -> {
                List<Nodes.Stmt> parts = new ArrayList<>();
                for (var al : im.names()) {
                    String mod = al.name();
                    String top = mod.split("\\.")[0];
                    Store t = storeName(al.asname() != null ? al.asname() : top, c);
                    boolean bindTop = al.asname() == null && !top.equals(mod);
                    parts.add(f -> {
                        long imported = Modules.importModule(in, mod);
                        if (bindTop) {
                            // import a.b binds a, which gets b as an attribute as a package does
                            long topModule = Modules.importModule(in, top);
                            String child = mod.substring(top.length() + 1);
                            long present = child.contains(".") ? 1 : in.getattrOrZero(topModule, child);
                            if (present == 0) {
                                in.setattr(topModule, child, in.internStr(child), imported);
                            } else if (present != 1) {
                                m.decref(present);
                            }
                            m.decref(imported);
                            imported = topModule;
                        }
                        t.store(f, imported);
                        return Code.NORMAL;
                    });
                }
                return f -> {
                    for (Nodes.Stmt p : parts) {
                        p.exec(f);
                    }
                    return Code.NORMAL;
                };
            }
            case Stmt.ImportFrom im -> {
                int level = im.level();
                String module = im.module();
                if (im.names().size() == 1 && im.names().get(0).name().equals("*")) {
                    return f -> {
                        long mod = Modules.importModule(in, level == 0 ? module : FileImports.resolve(in, f.globals, module, level));
                        try {
                            FileImports.importStar(in, mod, f.classNs != 0 ? f.classNs : f.globals);
                        } finally {
                            m.decref(mod);
                        }
                        return Code.NORMAL;
                    };
                }
                List<String> names = new ArrayList<>();
                List<Store> targets = new ArrayList<>();
                for (var al : im.names()) {
                    names.add(al.name());
                    targets.add(storeName(al.asname() != null ? al.asname() : al.name(), c));
                }
                // IMPORT_NAME once, then IMPORT_FROM for each name
                return f -> {
                    String absolute = level == 0 ? module : FileImports.resolve(in, f.globals, module, level);
                    long mod = Modules.importModule(in, absolute);
                    try {
                        for (int i = 0; i < names.size(); i++) {
                            targets.get(i).store(f, FileImports.importFrom(in, mod, absolute, names.get(i)));
                        }
                    } finally {
                        m.decref(mod);
                    }
                    return Code.NORMAL;
                };
            }
            default -> throw new UnsupportedOperationException(st.getClass().getSimpleName());
        }
    }

    private Nodes.Expr decorate(Nodes.Expr make, List<Expr> decorators, Ctx c) {
        Nodes.Expr result = make;
        for (int i = decorators.size() - 1; i >= 0; i--) {
            Nodes.Expr d = expr(decorators.get(i), c);
            Nodes.Expr inner = result;
            Span at = decorators.get(i).span(); // a failing decorator call is located at the decorator
            result = f -> {
                long dec = d.eval(f);
                try {
                    long decorated = inner.eval(f);
                    try {
                        return in.call(dec, new long[] {decorated}, null);
                    } catch (RuntimeException ex) {
                        throw in.located(ex, f, at);
                    }
                } finally {
                    m.decref(dec);
                }
            };
        }
        return result;
    }

    /**
     * for and async for: the iterator made once (an async for's by {@code __aiter__()}, GET_AITER), then each item
     * stored and the body run until the items end; an async for awaits each {@code __anext__()} (GET_ANEXT)
     * until StopAsyncIteration, which ends it as exhaustion ends a for loop.
     */
    private Nodes.Stmt forLoop(Stmt.For fo, Ctx c) {
        Nodes.Expr iterable = expr(fo.iter(), c);
        Store target = store(fo.target(), c);
        Nodes.Stmt body = block(fo.body(), c);
        Nodes.Stmt orelse = fo.orelse().isEmpty() ? null : block(fo.orelse(), c);
        int line = fo.span().line();
        boolean async = fo.isAsync();
        return f -> {
            long seq = iterable.eval(f);
            long it;
            try {
                it = async ? asyncIterator(seq) : in.iter(seq);
            } finally {
                m.decref(seq);
            }
            Interp.JIter state = async ? null : in.iterState(it); // once, not at every step
            try {
                while (true) {
                    f.line = line; // each step and store runs on the for's line (tracebacks, tracemalloc)
                    long x = async ? asyncNextItem(f, it) : in.next(it, state);
                    if (x == 0) {
                        break;
                    }
                    target.store(f, x);
                    int r = body.exec(f);
                    if (r == Code.BREAK) {
                        return Code.NORMAL;
                    }
                    if (r == Code.RETURN) {
                        return r;
                    }
                    m.safePoint();
                }
            } finally {
                m.decref(it);
            }
            return orelse == null ? Code.NORMAL : orelse.exec(f);
        };
    }

    /** An async for's next item: its __anext__() awaited; 0 once that raises StopAsyncIteration. New reference. */
    private long asyncNextItem(Frame f, long it) {
        try {
            return await(f, AsyncGenerators.anext(in, it, 0)); // GET_ANEXT; asyncIterator checked __anext__
        } catch (PyRaise e) {
            if (!in.isInstance(e.exc, "StopAsyncIteration")) {
                throw e;
            }
            m.decref(e.exc);
            return 0;
        }
    }

    /** GET_AITER: an async generator is its own; another object's class must give one with __anext__. New reference. */
    private long asyncIterator(long obj) {
        Interp.PyClass cls = in.classOf(obj);
        long it;
        if (AsyncGenerators.of(in, obj) != null) {
            it = in.incref(obj);
        } else {
            long fn = cls.kind == Interp.K_INSTANCE || cls.builtinSubclass ? in.lookup(cls, in.internStr("__aiter__")) : 0;
            if (fn == 0) {
                throw in.typeError("'async for' requires an object with __aiter__ method, got " + cls.name);
            }
            it = in.callMethod(fn, obj);
        }
        Interp.PyClass itc = in.classOf(it);
        boolean hasAnext = AsyncGenerators.of(in, it) != null
                || (itc.kind == Interp.K_INSTANCE || itc.builtinSubclass) && in.lookup(itc, in.internStr("__anext__")) != 0;
        if (!hasAnext) {
            m.decref(it);
            throw in.typeError("'async for' received an object from __aiter__ that does not implement __anext__: " + itc.name);
        }
        return it;
    }

    /**
     * BEFORE_WITH's and BEFORE_ASYNC_WITH's lookup of the enter or exit method, bound to the manager, or their
     * TypeError. New reference.
     */
    private long contextMethod(long cm, String name, boolean isAsync) {
        long method = in.getattrOrZero(cm, name);
        if (method == 0) {
            throw in.typeError("'" + in.classOf(cm).name + "' object does not support the "
                    + (isAsync ? "asynchronous " : "") + "context manager protocol"
                    + (name.endsWith("exit__") ? " (missed " + name + " method)" : ""));
        }
        return method;
    }

    /**
     * A with statement's items from the i-th on, nested as CPython nests them; an async with awaits what
     * {@code __aenter__} and {@code __aexit__} return.
     */
    private Nodes.Stmt with(List<WithItem> items, int i, List<Stmt> body, Ctx c, boolean isAsync) {
        if (i == items.size()) {
            return block(body, c);
        }
        WithItem item = items.get(i);
        Nodes.Expr mgr = expr(item.contextExpr(), c);
        Store target = item.optionalVars() == null ? null : store(item.optionalVars(), c);
        Nodes.Stmt inner = with(items, i + 1, body, c, isAsync);
        return f -> {
            long cm = mgr.eval(f);
            try {
                long enter = contextMethod(cm, isAsync ? "__aenter__" : "__enter__", isAsync);
                long exit;
                try {
                    exit = contextMethod(cm, isAsync ? "__aexit__" : "__exit__", isAsync);
                } catch (RuntimeException e) {
                    m.decref(enter);
                    throw e;
                }
                try {
                    long entered;
                    try {
                        entered = in.call(enter, new long[0], null);
                    } finally {
                        m.decref(enter);
                    }
                    if (isAsync) {
                        entered = await(f, entered);
                    }
                    if (target != null) {
                        target.store(f, entered);
                    } else {
                        m.decref(entered);
                    }
                    int r;
                    try {
                        r = inner.exec(f);
                    } catch (RuntimeException | StackOverflowError e) {
                        PyRaise p = e instanceof StackOverflowError ? in.error("RecursionError", "maximum recursion depth exceeded")
                                : in.convert((RuntimeException) e);
                        in.tracebacks.record(p, f);
                        in.tracebacks.setContext(p, in.handlingTop());
                        boolean suppress;
                        in.handling.add(p.exc);
                        try {
                            long tb = m.getAttr(p.exc, "__traceback__");
                            long res = in.call(exit, new long[] {in.incref(in.classOf(p.exc).address), in.incref(p.exc),
                                in.incref(tb == 0 ? m.none() : tb)}, null);
                            if (isAsync) {
                                res = await(f, res);
                            }
                            suppress = in.truthy(res);
                            m.decref(res);
                        } catch (PyRaise q) {
                            in.tracebacks.setContext(q, p.exc);
                            m.decref(p.exc);
                            throw q;
                        } finally {
                            in.handling.remove(in.handling.size() - 1);
                        }
                        if (suppress) {
                            m.decref(p.exc);
                            return Code.NORMAL;
                        }
                        throw p;
                    }
                    long res = in.call(exit, new long[] {in.incref(m.none()), in.incref(m.none()), in.incref(m.none())}, null);
                    m.decref(isAsync ? await(f, res) : res);
                    return r;
                } finally {
                    m.decref(exit);
                }
            } finally {
                m.decref(cm);
            }
        };
    }

    /** The except clauses of a try statement: run for the exception p raised in its body, in frame f. */
    @FunctionalInterface
    private interface Handlers {
        int handle(PyRaise p, Frame f);
    }

    private Nodes.Stmt tryStmt(Stmt.Try t, Ctx c) {
        Nodes.Stmt body = block(t.body(), c);
        int nh = t.handlers().size();
        Nodes.Expr[] types = new Nodes.Expr[nh];
        Store[] names = new Store[nh];
        Nodes.Stmt[] unbind = new Nodes.Stmt[nh];
        Nodes.Stmt[] bodies = new Nodes.Stmt[nh];
        for (int i = 0; i < nh; i++) {
            ExceptHandler h = t.handlers().get(i);
            types[i] = h.type() == null ? null : expr(h.type(), c);
            names[i] = h.name() == null ? null : storeName(h.name(), c);
            unbind[i] = h.name() == null ? null : deleteName(h.name(), c, true);
            bodies[i] = block(h.body(), c);
        }
        Handlers handlers = t.star() ? exceptStar(types, names, unbind, bodies) : except(types, names, unbind, bodies);
        Nodes.Stmt orelse = t.orelse().isEmpty() ? null : block(t.orelse(), c);
        Nodes.Stmt fin = t.finalbody().isEmpty() ? null : block(t.finalbody(), c);
        return f -> {
            int r = Code.NORMAL;
            PyRaise pending = null;
            try {
                boolean raised = false;
                try {
                    r = body.exec(f);
                } catch (RuntimeException | StackOverflowError e) {
                    raised = true;
                    PyRaise p = e instanceof StackOverflowError ? in.error("RecursionError", "maximum recursion depth exceeded")
                            : in.convert((RuntimeException) e);
                    in.tracebacks.record(p, f);
                    in.tracebacks.setContext(p, in.handlingTop());
                    r = handlers.handle(p, f);
                }
                if (!raised && r == Code.NORMAL && orelse != null) {
                    r = orelse.exec(f);
                }
            } catch (RuntimeException e) {
                if (fin == null) {
                    throw e;
                }
                pending = in.convert(e);
                in.tracebacks.record(pending, f);
                in.tracebacks.setContext(pending, in.handlingTop());
            }
            if (fin != null) {
                long savedRet = r == Code.RETURN ? f.retval : 0;
                int fr;
                // a finally block run for an exception runs as its handler (what a bare raise re-raises)
                if (pending != null) {
                    in.handling.add(pending.exc);
                }
                try {
                    fr = fin.exec(f);
                } catch (RuntimeException e) {
                    if (pending != null) {
                        PyRaise q = in.convert(e);
                        in.tracebacks.setContext(q, pending.exc);
                        m.decref(pending.exc);
                        if (savedRet != 0) {
                            m.decref(savedRet);
                        }
                        throw q;
                    }
                    if (savedRet != 0) {
                        m.decref(savedRet);
                    }
                    throw e;
                } finally {
                    if (pending != null) {
                        in.handling.remove(in.handling.size() - 1);
                    }
                }
                if (fr != Code.NORMAL) {
                    if (pending != null) {
                        m.decref(pending.exc);
                    }
                    if (savedRet != 0 && fr == Code.RETURN) {
                        m.decref(savedRet);
                    }
                    return fr;
                }
                if (r == Code.RETURN) {
                    f.retval = savedRet;
                }
                if (pending != null) {
                    throw pending;
                }
            }
            return r;
        };
    }

    /** Plain except clauses: the first whose class matches handles the exception, else it propagates. */
    private Handlers except(Nodes.Expr[] types, Store[] names, Nodes.Stmt[] unbind, Nodes.Stmt[] bodies) {
        int nh = types.length;
        return (p, f) -> {
            int matched = -1;
            for (int i = 0; i < nh && matched < 0; i++) {
                if (types[i] == null) {
                    matched = i;
                    break;
                }
                try {
                    long ty = types[i].eval(f);
                    try {
                        if (in.exceptionMatches(p.exc, ty)) {
                            matched = i;
                        }
                    } finally {
                        m.decref(ty);
                    }
                } catch (RuntimeException e) {
                    // a failing clause: the exception being matched is the one being handled
                    PyRaise q = in.convert(e);
                    in.tracebacks.setContext(q, p.exc);
                    m.decref(p.exc);
                    throw q;
                }
            }
            if (matched < 0) {
                throw p;
            }
            long exc = p.exc;
            in.handling.add(exc);
            try {
                if (names[matched] != null) {
                    names[matched].store(f, in.incref(exc));
                }
                return bodies[matched].exec(f);
            } catch (PyRaise q) {
                in.tracebacks.setContext(q, exc);
                throw q;
            } finally {
                in.handling.remove(in.handling.size() - 1);
                if (unbind[matched] != null) {
                    unbind[matched].exec(f);
                }
                m.decref(exc);
            }
        };
    }

    /**
     * except* clauses (PEP 654): each clause handles the part of the exception group its classes match (a naked
     * exception is wrapped in ExceptionGroup("", ...)), what no clause matched goes on to the next, and at the end
     * the unmatched rest and whatever the clauses raised are raised together, as CPython's PREP_RERAISE_STAR.
     */
    private Handlers exceptStar(Nodes.Expr[] types, Store[] names, Nodes.Stmt[] unbind, Nodes.Stmt[] bodies) {
        int nh = types.length;
        return (p, f) -> {
            long orig = p.exc;
            long rest = in.incref(orig);
            List<Long> raised = new ArrayList<>();
            // the exception being handled: orig, then each clause's match, which stays handled (and alive)
            // until the next match or the end of the statement, as CPython's exc_info holds it
            long handled = 0;
            int handledAt = in.handling.size();
            in.handling.add(orig);
            try {
                for (int i = 0; i < nh; i++) {
                    long[] matchAndRest;
                    try {
                        long ty = types[i].eval(f);
                        try {
                            matchAndRest = ExceptionGroups.exceptStarMatch(in, rest, ty);
                        } finally {
                            m.decref(ty);
                        }
                    } catch (RuntimeException e) {
                        PyRaise q = in.convert(e);
                        in.tracebacks.setContext(q, in.handling.get(handledAt));
                        throw q;
                    }
                    long match = matchAndRest[0];
                    if (rest != 0) {
                        m.decref(rest);
                    }
                    rest = matchAndRest[1];
                    if (match == 0) {
                        continue;
                    }
                    in.handling.set(handledAt, match);
                    if (handled != 0) {
                        m.decref(handled);
                    }
                    handled = match;
                    try {
                        if (names[i] != null) {
                            names[i].store(f, in.incref(match));
                        }
                        bodies[i].exec(f);
                    } catch (RuntimeException | StackOverflowError e) {
                        PyRaise q = e instanceof StackOverflowError ? in.error("RecursionError", "maximum recursion depth exceeded")
                                : in.convert((RuntimeException) e);
                        in.tracebacks.record(q, f);
                        in.tracebacks.setContext(q, match);
                        raised.add(q.exc);
                    } finally {
                        if (unbind[i] != null) {
                            unbind[i].exec(f);
                        }
                    }
                }
                if (rest != 0) {
                    raised.add(rest);
                    rest = 0;
                }
                long result = ExceptionGroups.reraiseStar(in, orig, raised);
                if (result == 0) {
                    return Code.NORMAL;
                }
                // what is raised keeps the tracebacks it has: no entry for this frame is added (RERAISE)
                PyRaise again = new PyRaise(result);
                again.tracedIn = f;
                again.posFrame = f;
                again.contextDecided = true;
                throw again;
            } finally {
                if (rest != 0) {
                    m.decref(rest);
                }
                m.decref(orig);
                for (long e : raised) {
                    m.decref(e);
                }
                in.handling.remove(handledAt);
                if (handled != 0) {
                    m.decref(handled);
                }
            }
        };
    }

    private Nodes.Stmt augAssign(Stmt.AugAssign a, Ctx c) {
        Nodes.Expr value = expr(a.value(), c);
        var op = a.op();
        switch (a.target()) {
            case Expr.Name n -> {
                Nodes.Expr load = loadName(n.id(), c);
                Store st = storeName(n.id(), c);
                return f -> {
                    long cur = load.eval(f);
                    long v;
                    try {
                        long rhs = value.eval(f);
                        try {
                            v = Operators.binary(in, op, cur, rhs, true);
                        } finally {
                            m.decref(rhs);
                        }
                    } finally {
                        m.decref(cur);
                    }
                    st.store(f, v);
                    return Code.NORMAL;
                };
            }
            case Expr.Attribute at -> { // augmented: STORE_ATTR without visiting a target, so no static attribute
                Nodes.Expr obj = expr(at.value(), c);
                String name = privateName(at.attr(), c);
                return f -> {
                    long o = obj.eval(f);
                    try {
                        long cur = in.getattr(o, name);
                        long v;
                        try {
                            long rhs = value.eval(f);
                            try {
                                v = Operators.binary(in, op, cur, rhs, true);
                            } finally {
                                m.decref(rhs);
                            }
                        } finally {
                            m.decref(cur);
                        }
                        try {
                            in.setattr(o, name, v);
                        } finally {
                            m.decref(v);
                        }
                    } finally {
                        m.decref(o);
                    }
                    return Code.NORMAL;
                };
            }
            case Expr.Subscript sub -> {
                Nodes.Expr obj = expr(sub.value(), c);
                Nodes.Expr key = expr(sub.slice(), c);
                return f -> {
                    long o = obj.eval(f);
                    long k = 0;
                    try {
                        k = key.eval(f);
                        long cur = Operators.getitem(in, o, k);
                        long v;
                        try {
                            long rhs = value.eval(f);
                            try {
                                v = Operators.binary(in, op, cur, rhs, true);
                            } finally {
                                m.decref(rhs);
                            }
                        } finally {
                            m.decref(cur);
                        }
                        try {
                            Operators.setitem(in, o, k, v);
                        } finally {
                            m.decref(v);
                        }
                    } finally {
                        m.decref(o);
                        if (k != 0) {
                            m.decref(k);
                        }
                    }
                    return Code.NORMAL;
                };
            }
            default -> throw new UnsupportedOperationException("augmented assignment target");
        }
    }

    private Nodes.Stmt classDef(Stmt.ClassDef cd, Ctx c) {
        Scope s = scopes.get(cd);
        Code code = new Code(cd.name(), filename, cd.span().line());
        Ctx cc = new Ctx(s, code, c, codes);
        cc.qualPrefix = c.qualPrefix + cd.name() + ".";
        layout(cc, List.of());
        code.qualname = c.qualPrefix + cd.name();
        code.body = withAnnotations(cd.body(), block(cd.body(), cc));
        long docstring = docstring(cd.body());
        // co_firstlineno of the class body: its first decorator's line, if it has decorators
        int firstLine = cd.decoratorList().isEmpty() ? cd.span().line() : cd.decoratorList().get(0).span().line();
        java.util.Set<String> staticAttributes = cc.staticAttributes;
        Nodes.Expr[] bases = cd.bases().stream().map(e -> expr(e, c)).toArray(Nodes.Expr[]::new);
        // keywords in order: a null name is a **mapping spread into them
        String[] kwNames = cd.keywords().stream().map(Keyword::arg).toArray(String[]::new);
        Nodes.Expr[] kwExprs = cd.keywords().stream().map(k -> expr(k.value(), c)).toArray(Nodes.Expr[]::new);
        int[] freeFrom = freeSources(cc, c);
        Integer classCell = cc.cells.get("__class__");
        boolean ownsClassCell = classCell != null && s.cellvars.contains("__class__");
        Store t = storeName(cd.name(), c);
        long qualStr = in.internStr(code.qualname);
        // __build_class__: bases, metaclass, __prepare__, the body in the namespace, then metaclass(name, bases, ns, **kw)
        Nodes.Expr make = f -> {
            List<Long> owned = new ArrayList<>();
            try {
                long[] baseValues = new long[bases.length];
                for (int i = 0; i < bases.length; i++) {
                    baseValues[i] = bases[i].eval(f);
                    owned.add(baseValues[i]);
                }
                long explicitMeta = 0;
                List<String> names = new ArrayList<>();
                List<Long> values = new ArrayList<>();
                for (int i = 0; i < kwExprs.length; i++) {
                    long v = kwExprs[i].eval(f);
                    owned.add(v);
                    if (kwNames[i] != null) {
                        names.add(kwNames[i]);
                        values.add(v);
                    } else if (in.kind(v) == Interp.K_DICT) {
                        m.objectSpace().dictForEach(v, (key, val) -> {
                            names.add(m.strValue(key));
                            values.add(val);
                        });
                    } else {
                        throw in.typeError(cd.name() + "() argument after ** must be a mapping, not " + in.classOf(v).name);
                    }
                }
                int metaAt = names.indexOf("metaclass");
                if (metaAt >= 0) {
                    explicitMeta = values.remove(metaAt);
                    names.remove(metaAt);
                }
                long[] kwvals = Interp.toArray(values);
                String[] kwnames = names.toArray(String[]::new);
                long basesTuple = m.newTuple(baseValues);
                try {
                    long meta = Classes.metaclassFor(in, explicitMeta, basesTuple);
                    long ns = Classes.prepare(in, meta, cd.name(), basesTuple, kwvals, kwnames);
                    try {
                        ClassBody body = new ClassBody(code, cells(f, code, freeFrom), ownsClassCell ? classCell : -1, qualStr,
                                docstring, firstLine, staticAttributes);
                        return runClassBody(f, body, ns, meta, cd.name(), basesTuple, kwvals, kwnames);
                    } finally {
                        m.decref(ns);
                    }
                } finally {
                    m.decref(basesTuple);
                }
            } finally {
                for (long o : owned) {
                    m.decref(o);
                }
            }
        };
        Nodes.Expr decorated = decorate(make, cd.decoratorList(), c);
        return f -> {
            t.store(f, decorated.eval(f));
            return Code.NORMAL;
        };
    }

    /** A class body's cells: new ones for its own, the enclosing frame's for its free variables. */
    private long[] cells(Frame f, Code code, int[] freeFrom) {
        long[] cells = new long[code.ncells + code.nfrees];
        for (int i = 0; i < code.ncells; i++) {
            cells[i] = m.objectSpace().newHostObject(in.tCell);
        }
        for (int j = 0; j < code.nfrees; j++) {
            cells[code.ncells + j] = in.incref(f.cells[freeFrom[j]]);
        }
        return cells;
    }

    /** What a class body's run needs besides its namespace. */
    private record ClassBody(Code code, long[] cells, int classCell, long qualStr, long docstring, int firstLine,
                             java.util.Set<String> staticAttributes) {
    }

    /**
     * Runs a class body in ns, in the order CPython's compiler stores into it: __module__, __qualname__, 3.13's
     * __firstlineno__, the docstring as __doc__, the body, 3.13's __static_attributes__, and, when methods use
     * __class__, the __classcell__ type.__new__ fills. Then calls the metaclass. New reference.
     */
    private long runClassBody(Frame f, ClassBody body, long ns, long meta, String name, long bases, long[] kwvals,
                              String[] kwNames) {
        long[] cells = body.cells();
        m.dictSet(ns, in.internStr("__module__"), in.internStr(moduleName));
        m.dictSet(ns, in.internStr("__qualname__"), body.qualStr());
        if (in.minor >= 13) {
            long line = in.newInt(body.firstLine());
            m.dictSet(ns, in.internStr("__firstlineno__"), line);
            m.decref(line);
        }
        if (body.docstring() != 0) {
            m.dictSet(ns, in.internStr("__doc__"), body.docstring());
        }
        // the body's frame gives back its cells when it ends; the class cell is stored after it, so hold it
        long classCell = body.classCell() >= 0 ? in.incref(cells[body.classCell()]) : 0;
        Frame cf = new Frame(body.code(), new long[0], cells, f.globals, ns, in.current);
        cf.line = body.code().firstLine;
        try {
            m.decref(in.run(cf));
        } catch (RuntimeException e) {
            if (classCell != 0) {
                m.decref(classCell);
            }
            throw e;
        }
        if (in.minor >= 13) {
            long[] names = body.staticAttributes().stream().mapToLong(in::internStr).toArray();
            long tuple = m.newTuple(names);
            m.dictSet(ns, in.internStr("__static_attributes__"), tuple);
            m.decref(tuple);
        }
        if (classCell != 0) {
            m.dictSet(ns, in.internStr("__classcell__"), classCell);
            m.decref(classCell);
        }
        long[] args = new long[3 + kwvals.length];
        args[0] = in.newStr(name);
        args[1] = in.incref(bases);
        args[2] = in.incref(ns);
        for (int i = 0; i < kwvals.length; i++) {
            args[3 + i] = in.incref(kwvals[i]);
        }
        return in.call(meta, args, kwNames.length == 0 ? null : kwNames);
    }

    /** The docstring constant of a body whose first statement is a str literal, or 0. Borrowed. */
    long docstring(List<Stmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Constant k
                && k.value() instanceof String text) {
            return constant(text);
        }
        return 0;
    }

    /** For each free variable of the inner code, the index of the cell in the enclosing frame. */
    private int[] freeSources(Ctx inner, Ctx outer) {
        int[] from = new int[inner.scope.freevars.size()];
        int j = 0;
        for (String n : inner.scope.freevars) {
            Integer idx = outer.cells.get(n);
            if (idx == null) {
                throw new IllegalStateException("free variable " + n + " not found in " + outer.scope.name);
            }
            from[j++] = idx;
        }
        return from;
    }

    /** MAKE_FUNCTION: defaults, kw defaults, annotations, closure; the body compiled once. */
    private Nodes.Expr function(String name, org.pymemlab.frontend.ast.Arguments args, Expr returns, List<Stmt> body,
                                Expr lambdaBody, Object node, Ctx c, int line) {
        Scope s = scopes.get(node);
        Code code = new Code(name, filename, line);
        Ctx fc = new Ctx(s, code, c, codes);
        code.qualname = c.qualPrefix + name;
        fc.qualPrefix = code.qualname + ".<locals>.";
        List<String> params = new ArrayList<>();
        for (Arg a : args.posonlyargs()) {
            params.add(a.arg());
        }
        code.posOnlyCount = params.size();
        for (Arg a : args.args()) {
            params.add(a.arg());
        }
        code.posCount = params.size();
        for (Arg a : args.kwonlyargs()) {
            params.add(a.arg());
        }
        code.kwOnlyCount = args.kwonlyargs().size();
        if (args.vararg() != null) {
            params.add(args.vararg().arg());
            code.hasVarargs = true;
        }
        if (args.kwarg() != null) {
            params.add(args.kwarg().arg());
            code.hasKwargs = true;
        }
        code.argNames = params.toArray(new String[0]);
        code.generator = s.generator;
        code.coroutine = s.isAsync;
        layout(fc, params);
        if (lambdaBody != null) {
            code.isLambda = true;
            code.expr = expr(lambdaBody, fc);
        } else {
            code.body = block(body, fc);
        }
        Nodes.Expr[] defaults = args.defaults().stream().map(d -> expr(d, c)).toArray(Nodes.Expr[]::new);
        List<String> kwNames = new ArrayList<>();
        List<Nodes.Expr> kwDefs = new ArrayList<>();
        for (int i = 0; i < args.kwonlyargs().size(); i++) {
            Expr d = args.kwDefaults().get(i);
            if (d != null) {
                kwNames.add(args.kwonlyargs().get(i).arg());
                kwDefs.add(expr(d, c));
            }
        }
        int[] freeFrom = freeSources(fc, c);
        long nameStr = in.internStr(name);
        List<Long> annotationNames = new ArrayList<>();
        List<Nodes.Expr> annotationValues = new ArrayList<>();
        annotations(args, returns, c, annotationNames, annotationValues);
        long doc = body == null ? 0 : docstring(body);
        return f -> {
            long fn = m.objectSpace().newHostObject(in.tFunction);
            var os = m.objectSpace();
            os.setPayload(fn, code);
            os.setHostSlot(fn, 0, f.globals);
            os.setHostSlot(fn, 4, nameStr);
            if (doc != 0) {
                os.setHostSlot(fn, FUNCTION_DOC, doc);
            }
            try {
                if (defaults.length > 0) {
                    long[] vals = new long[defaults.length];
                    for (int i = 0; i < vals.length; i++) {
                        vals[i] = defaults[i].eval(f);
                    }
                    long tup = m.newTuple(vals);
                    in.release(vals);
                    os.setHostSlot(fn, 1, tup);
                    m.decref(tup);
                }
                if (!kwDefs.isEmpty()) {
                    long d = m.newDict();
                    for (int i = 0; i < kwDefs.size(); i++) {
                        long v = kwDefs.get(i).eval(f);
                        m.dictSet(d, in.internStr(kwNames.get(i)), v);
                        m.decref(v);
                    }
                    os.setHostSlot(fn, 2, d);
                    m.decref(d);
                }
                if (!annotationValues.isEmpty()) {
                    // a tuple of names and values, made a dict when __annotations__ is first read
                    long[] items = new long[2 * annotationValues.size()];
                    for (int i = 0; i < annotationValues.size(); i++) {
                        items[2 * i] = in.incref(annotationNames.get(i));
                        items[2 * i + 1] = annotationValues.get(i).eval(f);
                    }
                    long tup = m.newTuple(items);
                    in.release(items);
                    os.setHostSlot(fn, FUNCTION_ANNOTATIONS, tup);
                    m.decref(tup);
                }
                if (freeFrom.length > 0) {
                    long[] cells = new long[freeFrom.length];
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = f.cells[freeFrom[i]];
                    }
                    long tup = m.newTuple(cells);
                    os.setHostSlot(fn, 3, tup);
                    m.decref(tup);
                }
            } catch (RuntimeException e) {
                m.decref(fn);
                throw e;
            }
            return fn;
        };
    }

    /** The function object's slot for its annotations: a tuple of names and values, or the dict made of it. */
    static final int FUNCTION_ANNOTATIONS = 5;
    /** The function object's slot for its docstring (func_doc), empty for None. */
    static final int FUNCTION_DOC = 7;
    /** The function object's slot for a __qualname__ the program set, empty for its code's. */
    static final int FUNCTION_QUALNAME = 8;

    /**
     * compiler_visit_annotations: the annotated parameters in CPython's order (the positional-or-keyword ones
     * before the positional-only ones, then *args, the keyword-only ones, **kwargs and the return), each
     * evaluated in the enclosing scope, or its source text under {@code from __future__ import annotations}.
     */
    private void annotations(org.pymemlab.frontend.ast.Arguments args, Expr returns, Ctx c, List<Long> names,
                             List<Nodes.Expr> values) {
        List<Arg> annotated = new ArrayList<>(args.args());
        annotated.addAll(args.posonlyargs());
        if (args.vararg() != null) {
            annotated.add(args.vararg());
        }
        annotated.addAll(args.kwonlyargs());
        if (args.kwarg() != null) {
            annotated.add(args.kwarg());
        }
        for (Arg a : annotated) {
            if (a.annotation() != null) {
                names.add(in.internStr(a.arg()));
                values.add(annotationValue(a.annotation(), c));
            }
        }
        if (returns != null) {
            names.add(in.internStr("return"));
            values.add(annotationValue(returns, c));
        }
    }

    private Nodes.Expr annotationValue(Expr annotation, Ctx c) {
        return futureAnnotations ? loadConst(constant(annotationText(annotation)), c) : expr(annotation, c);
    }

    // ---- names ----

    private Nodes.Expr loadName(String name, Ctx c) {
        return loadName(name, c, null);
    }

    /** A name's value; an unbound name's error is located at the name (at may be null: the statement). */
    private Nodes.Expr loadName(String name, Ctx c, Span at) {
        Scope s = c.scope;
        long key = in.internStr(privateName(name, c)); // the namespace key: mangled in a class
        Integer cell = c.cells.get(name);
        if (s.kind == Scope.FUNCTION && c.slots.containsKey(name) && cell == null) {
            int slot = c.slots.get(name);
            return f -> {
                long v = f.locals[slot];
                if (v == 0) {
                    throw in.error("UnboundLocalError", "cannot access local variable '" + name
                            + "' where it is not associated with a value").at(f, at);
                }
                m.incref(v);
                return v;
            };
        }
        if (cell != null && (s.kind == Scope.FUNCTION || !s.assigned.contains(name))) {
            int ci = cell;
            var os = m.objectSpace();
            return f -> {
                long v = os.hostSlot(f.cells[ci], 0);
                if (v == 0) {
                    throw in.nameError(name, "cannot access free variable '" + name
                            + "' where it is not associated with a value in enclosing scope").at(f, at);
                }
                m.incref(v);
                return v;
            };
        }
        if (s.kind == Scope.CLASS) {
            return f -> {
                long v = m.dictGet(f.classNs, key);
                if (v == 0) {
                    v = m.dictGet(f.globals, key);
                }
                if (v == 0) {
                    v = m.dictGet(in.builtinsDict, key);
                }
                if (v == 0) {
                    throw in.nameError(name, "name '" + name + "' is not defined").at(f, at);
                }
                m.incref(v);
                return v;
            };
        }
        // LOAD_GLOBAL with its inline cache: the value found, valid while neither the globals nor the builtins
        // dict has changed (their versions are heap-unique, so they also tell which dicts were looked in)
        var os = m.objectSpace();
        GlobalCache cache = new GlobalCache();
        return f -> {
            long globalsVersion = os.dictVersion(f.globals);
            long builtinsVersion = os.dictVersion(in.builtinsDict);
            long v;
            if (globalsVersion == cache.globalsVersion && builtinsVersion == cache.builtinsVersion) {
                v = cache.value;
            } else {
                v = m.dictGet(f.globals, key);
                if (v == 0) {
                    v = m.dictGet(in.builtinsDict, key);
                    if (v == 0) {
                        throw in.nameError(name, "name '" + name + "' is not defined").at(f, at);
                    }
                }
                // versions read before the lookup: if a key's __eq__ changed either dict meanwhile, the next load misses
                cache.globalsVersion = globalsVersion;
                cache.builtinsVersion = builtinsVersion;
                cache.value = v;
            }
            m.incref(v);
            return v;
        };
    }

    /** One global load's cache: the versions of the globals and builtins dicts it is valid for, and the value. */
    private static final class GlobalCache {
        long globalsVersion = -1;
        long builtinsVersion = -1;
        long value;
    }

    private Store storeName(String name, Ctx c) {
        Scope s = c.scope;
        long key = in.internStr(privateName(name, c)); // the namespace key: mangled in a class
        Integer cell = c.cells.get(name);
        if (cell != null && !(s.kind == Scope.CLASS)) {
            int ci = cell;
            var os = m.objectSpace();
            return (f, v) -> {
                os.setHostSlot(f.cells[ci], 0, v);
                m.decref(v);
            };
        }
        if (s.kind == Scope.FUNCTION && c.slots.containsKey(name)) {
            int slot = c.slots.get(name);
            return (f, v) -> {
                long old = f.locals[slot];
                f.locals[slot] = v;
                if (old != 0) {
                    m.decref(old);
                }
            };
        }
        if (s.kind == Scope.CLASS && !s.globals.contains(name)) {
            return (f, v) -> {
                try {
                    m.dictSet(f.classNs, key, v);
                } finally {
                    m.decref(v);
                }
            };
        }
        return (f, v) -> {
            try {
                m.dictSet(f.globals, key, v);
            } finally {
                m.decref(v);
            }
        };
    }

    private Nodes.Stmt deleteName(String name, Ctx c, boolean quiet) {
        Scope s = c.scope;
        long key = in.internStr(privateName(name, c)); // the namespace key: mangled in a class
        Integer cell = c.cells.get(name);
        if (cell != null && s.kind != Scope.CLASS) {
            int ci = cell;
            var os = m.objectSpace();
            return f -> {
                if (os.hostSlot(f.cells[ci], 0) == 0 && !quiet) {
                    throw in.nameError(name, "cannot access free variable '" + name + "'");
                }
                os.setHostSlot(f.cells[ci], 0, 0);
                return Code.NORMAL;
            };
        }
        if (s.kind == Scope.FUNCTION && c.slots.containsKey(name)) {
            int slot = c.slots.get(name);
            return f -> {
                long old = f.locals[slot];
                if (old == 0) {
                    if (quiet) {
                        return Code.NORMAL;
                    }
                    throw in.error("UnboundLocalError", "cannot access local variable '" + name
                            + "' where it is not associated with a value");
                }
                f.locals[slot] = 0;
                m.decref(old);
                return Code.NORMAL;
            };
        }
        boolean cls = s.kind == Scope.CLASS && !s.globals.contains(name);
        return f -> {
            if (!m.dictDel(cls ? f.classNs : f.globals, key) && !quiet) {
                throw in.nameError(name, "name '" + name + "' is not defined");
            }
            return Code.NORMAL;
        };
    }

    // ---- targets ----

    /**
     * A private name as the compiler writes it inside a class (_Py_Mangle with the innermost enclosing class's
     * name): {@code self.__x} in class {@code C} is {@code self._C__x}. Fast locals keep their own names here.
     */
    private static String privateName(String name, Ctx c) {
        if (!name.startsWith("__")) {
            return name;
        }
        for (Ctx p = c; p != null; p = p.parent) {
            if (p.scope.kind == Scope.CLASS) {
                return Classes.mangle(p.code.name, name).intern();
            }
        }
        return name;
    }

    /**
     * 3.13's {@code __static_attributes__}: a store to {@code self.name} anywhere inside a class's functions adds
     * the name to the nearest enclosing class (compiler_maybe_add_static_attribute_to_class; the code's own unit
     * does not count, so a class body's own {@code self.x = …} adds nothing to it).
     */
    private static void noteStaticAttribute(Expr.Attribute a, Ctx c) {
        if (!(a.value() instanceof Expr.Name n) || !n.id().equals("self")) {
            return;
        }
        for (Ctx p = c.parent; p != null; p = p.parent) {
            if (p.scope.kind == Scope.CLASS) {
                p.staticAttributes.add(a.attr()); // as written: 3.13 records the name unmangled
                return;
            }
        }
    }

    private Store store(Expr t, Ctx c) {
        switch (t) {
            case Expr.Name n -> {
                return storeName(n.id(), c);
            }
            case Expr.Attribute a -> {
                noteStaticAttribute(a, c);
                Nodes.Expr obj = expr(a.value(), c);
                String name = privateName(a.attr(), c);
                long nameStr = in.internStr(name);
                return (f, v) -> {
                    long o;
                    try {
                        o = obj.eval(f);
                    } catch (RuntimeException e) {
                        m.decref(v);
                        throw e;
                    }
                    try {
                        in.setattr(o, name, nameStr, v);
                    } catch (RuntimeException ex) {
                        throw in.located(ex, f, a.span());
                    } finally {
                        m.decref(v);
                        m.decref(o);
                    }
                };
            }
            case Expr.Subscript s -> {
                Nodes.Expr obj = expr(s.value(), c);
                if (s.slice() instanceof Expr.Slice sl) {
                    SliceNode sn = sliceNode(sl, c);
                    return (f, v) -> {
                        long o = obj.eval(f);
                        try {
                            if (in.kind(o) != Interp.K_LIST || Operators.slicesByObject(in, o, "__setitem__")) {
                                long key = sn.object(f);
                                try {
                                    Operators.setitem(in, o, key, v);
                                } finally {
                                    m.decref(key);
                                }
                                return;
                            }
                            Operators.setslice(in, o, sn.eval(f), v);
                        } catch (RuntimeException ex) {
                            throw in.located(ex, f, s.span());
                        } finally {
                            m.decref(o);
                            m.decref(v);
                        }
                    };
                }
                Nodes.Expr key = expr(s.slice(), c);
                return (f, v) -> {
                    long o = 0;
                    long k = 0;
                    try {
                        o = obj.eval(f);
                        k = key.eval(f);
                        Operators.setitem(in, o, k, v);
                    } catch (RuntimeException ex) {
                        throw in.located(ex, f, s.span());
                    } finally {
                        m.decref(v);
                        if (o != 0) {
                            m.decref(o);
                        }
                        if (k != 0) {
                            m.decref(k);
                        }
                    }
                };
            }
            case Expr.Tuple tu -> {
                return unpack(tu.elts(), c);
            }
            case Expr.ListExpr l -> {
                return unpack(l.elts(), c);
            }
            default -> throw new UnsupportedOperationException("cannot assign to " + t.getClass().getSimpleName());
        }
    }

    private Store unpack(List<Expr> elts, Ctx c) {
        int star = -1;
        Store[] stores = new Store[elts.size()];
        for (int i = 0; i < elts.size(); i++) {
            Expr e = elts.get(i);
            if (e instanceof Expr.Starred st) {
                star = i;
                stores[i] = store(st.value(), c);
            } else {
                stores[i] = store(e, c);
            }
        }
        int starAt = star;
        int n = elts.size();
        return (f, v) -> {
            List<Long> items;
            try {
                items = in.toList(v);
            } finally {
                m.decref(v);
            }
            if (starAt < 0 && items.size() != n || starAt >= 0 && items.size() < n - 1) {
                for (long x : items) {
                    m.decref(x);
                }
                if (starAt >= 0) {
                    throw in.error("ValueError", "not enough values to unpack (expected at least " + (n - 1) + ", got " + items.size() + ")");
                }
                throw in.error("ValueError", items.size() > n ? "too many values to unpack (expected " + n + ")"
                        : "not enough values to unpack (expected " + n + ", got " + items.size() + ")");
            }
            if (starAt < 0) {
                for (int i = 0; i < n; i++) {
                    stores[i].store(f, items.get(i));
                }
                return;
            }
            int after = n - 1 - starAt;
            for (int i = 0; i < starAt; i++) {
                stores[i].store(f, items.get(i));
            }
            List<Long> mid = items.subList(starAt, items.size() - after);
            long list = m.newList(Interp.toArray(mid));
            for (long x : mid) {
                m.decref(x);
            }
            stores[starAt].store(f, list);
            for (int i = 0; i < after; i++) {
                stores[starAt + 1 + i].store(f, items.get(items.size() - after + i));
            }
        };
    }

    private Nodes.Stmt delete(Expr t, Ctx c) {
        switch (t) {
            case Expr.Name n -> {
                return deleteName(n.id(), c, false);
            }
            case Expr.Attribute a -> {
                Nodes.Expr obj = expr(a.value(), c);
                String name = privateName(a.attr(), c);
                return f -> {
                    long o = obj.eval(f);
                    try {
                        in.delattr(o, name);
                    } finally {
                        m.decref(o);
                    }
                    return Code.NORMAL;
                };
            }
            case Expr.Subscript s -> {
                Nodes.Expr obj = expr(s.value(), c);
                if (s.slice() instanceof Expr.Slice sl) {
                    SliceNode sn = sliceNode(sl, c);
                    return f -> {
                        long o = obj.eval(f);
                        try {
                            if (in.kind(o) != Interp.K_LIST || Operators.slicesByObject(in, o, "__delitem__")) {
                                long key = sn.object(f);
                                try {
                                    Operators.delitem(in, o, key);
                                } finally {
                                    m.decref(key);
                                }
                                return Code.NORMAL;
                            }
                            Operators.delslice(in, o, sn.eval(f));
                        } catch (RuntimeException ex) {
                            throw in.located(ex, f, s.span());
                        } finally {
                            m.decref(o);
                        }
                        return Code.NORMAL;
                    };
                }
                Nodes.Expr key = expr(s.slice(), c);
                return f -> {
                    long o = obj.eval(f);
                    long k = 0;
                    try {
                        k = key.eval(f);
                        Operators.delitem(in, o, k);
                    } catch (RuntimeException ex) {
                        throw in.located(ex, f, s.span());
                    } finally {
                        m.decref(o);
                        if (k != 0) {
                            m.decref(k);
                        }
                    }
                    return Code.NORMAL;
                };
            }
            case Expr.Tuple tu -> {
                Nodes.Stmt[] ds = tu.elts().stream().map(e -> delete(e, c)).toArray(Nodes.Stmt[]::new);
                return f -> {
                    for (Nodes.Stmt d : ds) {
                        d.exec(f);
                    }
                    return Code.NORMAL;
                };
            }
            default -> throw new UnsupportedOperationException("cannot delete " + t.getClass().getSimpleName());
        }
    }

    // ---- expressions ----

    /** The bounds of a[lo:hi:st]: as ints for the built-in sequences, or as a slice object for a class's method. */
    final class SliceNode {
        private final Nodes.Expr lo;
        private final Nodes.Expr hi;
        private final Nodes.Expr st;

        SliceNode(Nodes.Expr lo, Nodes.Expr hi, Nodes.Expr st) {
            this.lo = lo;
            this.hi = hi;
            this.st = st;
        }

        Operators.SliceVal eval(Frame f) {
            return new Operators.SliceVal(bound(lo, f), bound(hi, f), bound(st, f));
        }

        /** BUILD_SLICE: a slice object of the evaluated bounds (None where absent). New reference. */
        long object(Frame f) {
            long[] b = new long[3];
            try {
                b[0] = lo == null ? in.incref(m.none()) : lo.eval(f);
                b[1] = hi == null ? in.incref(m.none()) : hi.eval(f);
                b[2] = st == null ? in.incref(m.none()) : st.eval(f);
                return Operators.newSlice(in, b[0], b[1], b[2]);
            } finally {
                in.release(b);
            }
        }
    }

    private SliceNode sliceNode(Expr.Slice sl, Ctx c) {
        Nodes.Expr lo = sl.lower() == null ? null : expr(sl.lower(), c);
        Nodes.Expr hi = sl.upper() == null ? null : expr(sl.upper(), c);
        Nodes.Expr st = sl.step() == null ? null : expr(sl.step(), c);
        return new SliceNode(lo, hi, st);
    }

    private Long bound(Nodes.Expr e, Frame f) {
        if (e == null) {
            return null;
        }
        long v = e.eval(f);
        try {
            if (v == m.none()) {
                return null;
            }
            long x = Operators.index(in, v);
            return x;
        } finally {
            m.decref(v);
        }
    }

    /** The value of a constant numeric or str operand (after folding a negation), or null. */
    private Object constValue(Expr e) {
        if (e instanceof Expr.Constant k && (k.value() instanceof BigInteger || k.value() instanceof Double
                || k.value() instanceof String)) {
            return k.value();
        }
        if (e instanceof Expr.UnaryOp u && u.op() == org.pymemlab.frontend.ast.Ops.UnaryOpKind.USUB
                && u.operand() instanceof Expr.Constant k) {
            if (k.value() instanceof BigInteger bi) {
                return bi.negate();
            }
            if (k.value() instanceof Double d) {
                return -d;
            }
        }
        if (e instanceof Expr.BinOp b) {
            long v = fold(b);
            if (v != 0) {
                int kind = in.kind(v);
                return kind == Interp.K_INT ? m.bigIntValue(v) : kind == Interp.K_FLOAT ? (Object) m.floatValue(v)
                        : kind == Interp.K_STR ? m.strValue(v) : null;
            }
        }
        return null;
    }

    /**
     * CPython's AST optimizer folds a binary operation of constants (ints up to 128 bits, str up to 4096
     * characters); the result is a constant of the code. Borrowed, or 0 when not folded.
     */
    private long fold(Expr.BinOp b) {
        Object x = constValue(b.left());
        Object y = constValue(b.right());
        if (x == null || y == null || b.op() == org.pymemlab.frontend.ast.Ops.BinOpKind.MATMULT) {
            return 0;
        }
        if ((x instanceof String) != (y instanceof String) && b.op() != org.pymemlab.frontend.ast.Ops.BinOpKind.MULT) {
            return 0;
        }
        if (x instanceof String && y instanceof String && b.op() != org.pymemlab.frontend.ast.Ops.BinOpKind.ADD) {
            return 0;
        }
        if (b.op() == org.pymemlab.frontend.ast.Ops.BinOpKind.POW && y instanceof BigInteger e
                && (e.signum() < 0 || e.bitLength() > 16 || x instanceof BigInteger bx && bx.bitLength() * e.longValue() > 128)) {
            if (e.signum() >= 0) {
                return 0;
            }
        }
        if ((b.op() == org.pymemlab.frontend.ast.Ops.BinOpKind.LSHIFT) && (!(y instanceof BigInteger e) || e.bitLength() > 8
                || x instanceof BigInteger bx && bx.bitLength() + e.longValue() > 128)) {
            return 0;
        }
        if (b.op() == org.pymemlab.frontend.ast.Ops.BinOpKind.MULT && (x instanceof String || y instanceof String)) {
            Object n = x instanceof String ? y : x;
            String str = (String) (x instanceof String ? x : y);
            if (!(n instanceof BigInteger bn) || bn.bitLength() > 31 || (long) str.length() * bn.longValue() > 4096) {
                return 0;
            }
        }
        long lx = constant(x);
        long ly = constant(y);
        long r;
        try {
            r = Operators.binary(in, b.op(), lx, ly, false);
        } catch (PyRaise e) {
            m.decref(e.exc);
            return 0;
        } catch (RuntimeException e) {
            return 0;
        }
        try {
            int kind = in.kind(r);
            if (kind == Interp.K_INT) {
                BigInteger v = m.bigIntValue(r);
                return v.bitLength() > 128 ? 0 : constant(v);
            }
            if (kind == Interp.K_FLOAT) {
                return constant(m.floatValue(r));
            }
            if (kind == Interp.K_STR) {
                String v = m.strValue(r);
                return v.length() > 4096 ? 0 : constant(v);
            }
            return 0;
        } finally {
            m.decref(r);
        }
    }

    Nodes.Expr expr(Expr e, Ctx c) {
        switch (e) {
            case Expr.Constant k -> {
                return loadConst(constant(k.value()), c);
            }
            case Expr.Name n -> {
                return loadName(n.id(), c, n.span());
            }
            case Expr.BinOp b -> {
                long folded = fold(b);
                if (folded != 0) {
                    return loadConst(folded, c);
                }
                Nodes.Expr l = expr(b.left(), c);
                Nodes.Expr r = expr(b.right(), c);
                var op = b.op();
                Span at = b.span();
                return f -> {
                    long x = l.eval(f);
                    try {
                        long y = r.eval(f);
                        try {
                            return Operators.binary(in, op, x, y, false);
                        } catch (RuntimeException ex) {
                            throw in.located(ex, f, at);
                        } finally {
                            m.decref(y);
                        }
                    } finally {
                        m.decref(x);
                    }
                };
            }
            case Expr.UnaryOp u -> {
                if (u.op() == org.pymemlab.frontend.ast.Ops.UnaryOpKind.USUB && u.operand() instanceof Expr.Constant k
                        && (k.value() instanceof BigInteger || k.value() instanceof Double)) {
                    return loadConst(negConst(k.value()), c);
                }
                Nodes.Expr x = expr(u.operand(), c);
                var op = u.op();
                Span at = u.span();
                return f -> {
                    long v = x.eval(f);
                    try {
                        return Operators.unary(in, op, v);
                    } catch (RuntimeException ex) {
                        throw in.located(ex, f, at);
                    } finally {
                        m.decref(v);
                    }
                };
            }
            case Expr.BoolOp b -> {
                Nodes.Expr[] vs = b.values().stream().map(x -> expr(x, c)).toArray(Nodes.Expr[]::new);
                boolean and = b.op() == BoolOpKind.AND;
                return f -> {
                    long v = 0;
                    for (int i = 0; i < vs.length; i++) {
                        v = vs[i].eval(f);
                        if (i == vs.length - 1) {
                            return v;
                        }
                        boolean t = in.truthy(v);
                        if (t != and) {
                            return v;
                        }
                        m.decref(v);
                    }
                    return v;
                };
            }
            case Expr.IfExp i -> {
                Nodes.Expr test = expr(i.test(), c);
                Nodes.Expr body = expr(i.body(), c);
                Nodes.Expr orelse = expr(i.orelse(), c);
                return f -> {
                    long t = test.eval(f);
                    boolean b = in.truthy(t);
                    m.decref(t);
                    return b ? body.eval(f) : orelse.eval(f);
                };
            }
            case Expr.NamedExpr ne -> {
                Nodes.Expr v = expr(ne.value(), c);
                Store st = store(ne.target(), c);
                return f -> {
                    long x = v.eval(f);
                    m.incref(x);
                    st.store(f, x);
                    return x;
                };
            }
            case Expr.Compare cmp -> {
                Nodes.Expr left = expr(cmp.left(), c);
                Nodes.Expr[] rights = cmp.comparators().stream().map(x -> expr(x, c)).toArray(Nodes.Expr[]::new);
                CmpOpKind[] ops = cmp.ops().toArray(new CmpOpKind[0]);
                Span at = cmp.span();
                // a chain's value: the first comparison that is false, else the last (each the comparison's own object)
                return f -> {
                    long a = left.eval(f);
                    try {
                        for (int i = 0; ; i++) {
                            long b = rights[i].eval(f);
                            long r;
                            try {
                                r = Operators.compareObject(in, ops[i], a, b);
                            } catch (RuntimeException ex) {
                                m.decref(b);
                                throw in.located(ex, f, at);
                            }
                            m.decref(a);
                            a = b;
                            if (i == ops.length - 1) {
                                return r;
                            }
                            boolean holds;
                            try {
                                holds = r == in.trueObj || r != in.falseObj && in.truthy(r);
                            } catch (RuntimeException ex) {
                                m.decref(r);
                                throw in.located(ex, f, at);
                            }
                            if (!holds) {
                                return r;
                            }
                            m.decref(r);
                        }
                    } finally {
                        m.decref(a);
                    }
                };
            }
            case Expr.Attribute a -> {
                Nodes.Expr obj = expr(a.value(), c);
                String name = privateName(a.attr(), c);
                long nameStr = in.internStr(name);
                Span at = a.span();
                return f -> {
                    long o = obj.eval(f);
                    try {
                        return in.getattr(o, name, nameStr);
                    } catch (RuntimeException ex) {
                        throw in.located(ex, f, at);
                    } finally {
                        m.decref(o);
                    }
                };
            }
            case Expr.Subscript s -> {
                long folded = foldSubscript(s);
                if (folded != 0) {
                    return loadConst(folded, c);
                }
                Nodes.Expr obj = expr(s.value(), c);
                Span at = s.span();
                if (s.slice() instanceof Expr.Slice sl) {
                    SliceNode sn = sliceNode(sl, c);
                    return f -> {
                        long o = obj.eval(f);
                        try {
                            if (Operators.slicesByObject(in, o, "__getitem__")) {
                                long key = sn.object(f);
                                try {
                                    return Operators.getitem(in, o, key);
                                } finally {
                                    m.decref(key);
                                }
                            }
                            return Operators.slice(in, o, sn.eval(f));
                        } catch (RuntimeException ex) {
                            throw in.located(ex, f, at);
                        } finally {
                            m.decref(o);
                        }
                    };
                }
                Nodes.Expr key = expr(s.slice(), c);
                return f -> {
                    long o = obj.eval(f);
                    try {
                        long k = key.eval(f);
                        try {
                            return Operators.getitem(in, o, k);
                        } catch (RuntimeException ex) {
                            throw in.located(ex, f, at);
                        } finally {
                            m.decref(k);
                        }
                    } finally {
                        m.decref(o);
                    }
                };
            }
            case Expr.Tuple t -> {
                long constTup = constTuple(t);
                if (constTup != 0) {
                    return f -> {
                        m.incref(constTup);
                        return constTup;
                    };
                }
                Nodes.Expr items = sequence(t.elts(), c);
                return f -> {
                    long list = items.eval(f);
                    try {
                        long n = m.len(list);
                        long[] xs = new long[(int) n];
                        for (int i = 0; i < n; i++) {
                            xs[i] = m.listGet(list, i);
                        }
                        return m.newTuple(xs);
                    } finally {
                        m.decref(list);
                    }
                };
            }
            case Expr.ListExpr l -> {
                long[] consts = foldedElements(l.elts());
                if (consts != null) {
                    // BUILD_LIST 0, then LIST_EXTEND of a constant tuple: preallocated exactly, rounded up to even
                    return f -> m.newListFrom(consts);
                }
                return sequence(l.elts(), c);
            }
            case Expr.Set st -> {
                long[] consts = foldedElements(st.elts());
                if (consts != null) {
                    // BUILD_SET 0, then SET_UPDATE of a constant frozenset: set_merge, one resize for all
                    long frozen = m.newFrozenSet(consts);
                    constants.add(frozen);
                    return f -> {
                        long set = m.newSet();
                        try {
                            in.os.setUpdateFrom(set, frozen);
                        } catch (RuntimeException ex) {
                            m.decref(set);
                            throw ex;
                        }
                        return set;
                    };
                }
                Nodes.Expr items = sequence(st.elts(), c);
                return f -> {
                    long list = items.eval(f);
                    try {
                        long set = m.newSet();
                        try {
                            long n = m.len(list);
                            for (int i = 0; i < n; i++) {
                                m.setAdd(set, m.listGet(list, i));
                            }
                        } catch (RuntimeException ex) {
                            m.decref(set); // an unhashable item, or an __eq__ raising
                            throw ex;
                        }
                        return set;
                    } finally {
                        m.decref(list);
                    }
                };
            }
            case Expr.Dict d -> {
                int n = d.keys().size();
                Nodes.Expr[] ks = new Nodes.Expr[n];
                Nodes.Expr[] vs = new Nodes.Expr[n];
                for (int i = 0; i < n; i++) {
                    ks[i] = d.keys().get(i) == null ? null : expr(d.keys().get(i), c);
                    vs[i] = expr(d.values().get(i), c);
                }
                return f -> {
                    long dict = m.newDict();
                    try {
                        for (int i = 0; i < n; i++) {
                            if (ks[i] == null) {
                                long other = vs[i].eval(f);
                                try {
                                    if (in.kind(other) != Interp.K_DICT) {
                                        throw in.typeError("'" + in.classOf(other).name + "' object is not a mapping");
                                    }
                                    in.os.dictMerge(dict, other); // DICT_UPDATE: dict_merge
                                } finally {
                                    m.decref(other);
                                }
                                continue;
                            }
                            long k = ks[i].eval(f);
                            long v;
                            try {
                                v = vs[i].eval(f);
                            } catch (RuntimeException ex) {
                                m.decref(k);
                                throw ex;
                            }
                            try {
                                m.dictSet(dict, k, v);
                            } finally {
                                m.decref(k);
                                m.decref(v);
                            }
                        }
                    } catch (RuntimeException ex) {
                        m.decref(dict);
                        throw ex;
                    }
                    return dict;
                };
            }
            case Expr.Call call -> {
                return call(call, c);
            }
            case Expr.Lambda l -> {
                return function("<lambda>", l.args(), null, null, l.body(), l, c, l.span().line());
            }
            case Expr.JoinedStr j -> {
                Nodes.Expr[] parts = j.values().stream().map(x -> expr(x, c)).toArray(Nodes.Expr[]::new);
                if (parts.length == 1 && j.values().get(0) instanceof Expr.FormattedValue) {
                    return parts[0]; // f"{x}" compiles to FORMAT_VALUE alone: its result is the f-string
                }
                return f -> {
                    StringBuilder sb = new StringBuilder();
                    for (Nodes.Expr p : parts) {
                        long v = p.eval(f);
                        sb.append(m.strValue(v));
                        m.decref(v);
                    }
                    return in.newStr(sb.toString());
                };
            }
            case Expr.FormattedValue fv -> {
                Nodes.Expr v = expr(fv.value(), c);
                Nodes.Expr spec = fv.formatSpec() == null ? null : expr(fv.formatSpec(), c);
                int conv = fv.conversion();
                return f -> {
                    long x = v.eval(f);
                    try {
                        String sp = "";
                        if (spec != null) {
                            long s = spec.eval(f);
                            sp = m.strValue(s);
                            m.decref(s);
                        }
                        if (sp.isEmpty() && (conv == 'r' || conv == 's')) {
                            return conv == 'r' ? in.reprObject(x) : in.strObject(x);
                        }
                        if (conv == 'r' || conv == 'a') {
                            return in.newStr(Formats.formatStr(in.repr(x), sp));
                        }
                        if (conv == 's') {
                            return in.newStr(Formats.formatStr(in.str(x), sp));
                        }
                        Interp.PyClass xc = in.classOf(x);
                        if (sp.isEmpty() && xc.kind == Interp.K_STR && !xc.builtinSubclass) {
                            return in.incref(x);
                        }
                        if (sp.isEmpty() && xc.kind == Interp.K_INT) {
                            return in.strObject(x);
                        }
                        return in.newStr(Builtins.format(in, x, sp));
                    } finally {
                        m.decref(x);
                    }
                };
            }
            case Expr.ListComp lc -> {
                return comprehension(lc, lc.generators(), lc.elt(), null, 0, c);
            }
            case Expr.SetComp sc -> {
                return comprehension(sc, sc.generators(), sc.elt(), null, 1, c);
            }
            case Expr.DictComp dc -> {
                return comprehension(dc, dc.generators(), dc.key(), dc.value(), 2, c);
            }
            case Expr.GeneratorExp ge -> {
                return generatorExpression(ge, c);
            }
            case Expr.Yield y -> {
                Nodes.Expr v = y.value() == null ? null : expr(y.value(), c);
                return f -> f.generator.yieldValue(v == null ? in.incref(m.none()) : v.eval(f));
            }
            case Expr.Await a -> {
                return delegating(expr(a.value(), c), this::awaitIterator);
            }
            case Expr.YieldFrom y -> {
                return delegating(expr(y.value(), c), in::iter);
            }
            case Expr.Starred st -> throw new UnsupportedOperationException("starred expression here");
            case Expr.Slice sl -> {
                SliceNode sn = sliceNode(sl, c);
                return f -> {
                    throw in.typeError("slice objects are not supported here");
                };
            }
            default -> {
                String what = e.getClass().getSimpleName();
                return f -> {
                    throw in.error("SystemError", "PyMem Lab's frontend does not run " + what + " yet");
                };
            }
        }
    }

    /** {@code await value} (consumed) inside frame f: its awaitable's iterator run to its result. New reference. */
    private long await(Frame f, long value) {
        long it;
        try {
            it = awaitIterator(value);
        } finally {
            m.decref(value);
        }
        try {
            return delegate(f, it);
        } finally {
            m.decref(it);
        }
    }

    /** yield from / await: the operand's iterator (made from the value, which it consumes) run by {@link #delegate}. */
    private Nodes.Expr delegating(Nodes.Expr operand, java.util.function.LongUnaryOperator iteratorOf) {
        return f -> {
            long value = operand.eval(f);
            long it;
            try {
                it = iteratorOf.applyAsLong(value);
            } finally {
                m.decref(value);
            }
            try {
                return delegate(f, it);
            } finally {
                m.decref(it);
            }
        };
    }

    /**
     * _PyCoro_GetAwaitableIter: a coroutine is its own; otherwise its class's {@code __await__} must give an
     * iterator that is not a coroutine. New reference.
     */
    private long awaitIterator(long awaitable) {
        return awaitIteratorOf(in, awaitable);
    }

    /** {@link #awaitIterator} for code outside a compiled body (anext's awaitable). New reference. */
    static long awaitIteratorOf(Interp in, long awaitable) {
        var m = in.m;
        Interp.PyClass cls = in.classOf(awaitable);
        if (cls.address == in.tCoroutine || AsyncGenerators.isAwaitable(in, awaitable)) {
            return in.incref(awaitable);
        }
        long method = cls.kind == Interp.K_INSTANCE || cls.builtinSubclass ? in.lookup(cls, in.internStr("__await__")) : 0;
        if (method == 0) {
            throw in.typeError("object " + cls.name + " can't be used in 'await' expression");
        }
        long it = in.callMethod(method, awaitable);
        Interp.PyClass itc = in.classOf(it);
        if (itc.address == in.tCoroutine) {
            m.decref(it);
            throw in.typeError("__await__() returned a coroutine");
        }
        boolean iterator = itc.kind == Interp.K_ITER
                || (itc.kind == Interp.K_INSTANCE || itc.builtinSubclass) && in.lookup(itc, in.internStr("__next__")) != 0;
        if (!iterator) {
            m.decref(it);
            throw in.typeError("__await__() returned non-iterator of type '" + itc.name + "'");
        }
        return it;
    }

    /**
     * {@code yield from} (and {@code await}): runs {@code iterator}, handing out each value it yields and handing
     * each value sent in back to it (a generator's send; a plain iterator is only ever advanced), and closing it
     * when the delegating generator is closed. Returns the value it returned (new reference): a generator's
     * return value, None for a plain iterator.
     */
    private long delegate(Frame f, long iterator) {
        GeneratorLike g = m.objectSpace().payload(iterator) instanceof GeneratorLike gen ? gen : null;
        long sent = 0;
        while (true) {
            long yielded;
            if (g != null) {
                try {
                    yielded = g.sendRaising(sent == 0 ? in.none : sent, iterator);
                } catch (PyRaise e) {
                    if (!in.isInstance(e.exc, "StopIteration")) {
                        throw e;
                    }
                    long value = in.getattr(e.exc, "value");
                    m.decref(e.exc);
                    return value;
                } finally {
                    if (sent != 0) {
                        m.decref(sent);
                    }
                }
            } else {
                if (sent != 0) {
                    m.decref(sent);
                }
                yielded = in.next(iterator);
                if (yielded == 0) {
                    return in.incref(in.none);
                }
            }
            while (true) {
                try {
                    sent = f.generator.yieldAwaited(yielded);
                    break;
                } catch (PyRaise e) {
                    if (g == null) {
                        throw e;
                    }
                    if (in.isInstance(e.exc, "GeneratorExit")) {
                        g.close();
                        throw e;
                    }
                    // a throw() into the delegating generator goes to the inner one first
                    try {
                        yielded = g.throwInto(e, iterator);
                    } catch (PyRaise raised) {
                        if (!in.isInstance(raised.exc, "StopIteration")) {
                            throw raised;
                        }
                        long value = in.getattr(raised.exc, "value");
                        m.decref(raised.exc);
                        return value;
                    }
                }
            }
        }
    }

    /** A list of the elements, with *starred ones spread. New reference (a list). */
    private Nodes.Expr sequence(List<Expr> elts, Ctx c) {
        int n = elts.size();
        boolean[] starred = new boolean[n];
        Nodes.Expr[] xs = new Nodes.Expr[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            Expr e = elts.get(i);
            if (e instanceof Expr.Starred st) {
                starred[i] = true;
                any = true;
                xs[i] = expr(st.value(), c);
            } else {
                xs[i] = expr(e, c);
            }
        }
        if (!any) {
            return f -> {
                long[] vals = new long[n];
                try {
                    for (int i = 0; i < n; i++) {
                        vals[i] = xs[i].eval(f);
                    }
                    return m.newList(vals);
                } finally {
                    for (long v : vals) {
                        if (v != 0) {
                            m.decref(v);
                        }
                    }
                }
            };
        }
        int prefix = 0;
        while (!starred[prefix]) {
            prefix++;
        }
        int built = prefix;
        // BUILD_LIST of the items before the first star, then LIST_EXTEND / LIST_APPEND for the rest
        return f -> {
            long[] first = new long[built];
            long list;
            try {
                for (int i = 0; i < built; i++) {
                    first[i] = xs[i].eval(f);
                }
                list = m.newList(first);
            } finally {
                in.release(first);
            }
            try {
                for (int i = built; i < n; i++) {
                    long v = xs[i].eval(f);
                    try {
                        if (starred[i]) {
                            in.listExtend(list, v);
                        } else {
                            m.listAppend(list, v);
                        }
                    } finally {
                        m.decref(v);
                    }
                }
            } catch (RuntimeException ex) {
                m.decref(list);
                throw ex;
            }
            return list;
        };
    }

    private Nodes.Expr comprehension(Object node, List<Comprehension> gens, Expr elt, Expr value, int what, Ctx c) {
        Scope s = scopes.get(node);
        Code code = new Code(what == 0 ? "<listcomp>" : what == 1 ? "<setcomp>" : "<dictcomp>", filename,
                ((Expr) node).span().line());
        Ctx cc = new Ctx(s, code, c, codes);
        cc.qualPrefix = c.qualPrefix;
        layout(cc, List.of(".0"));
        Nodes.Expr outer = expr(gens.get(0).iter(), c);
        Nodes.Expr eltNode = expr(elt, cc);
        Nodes.Expr valueNode = value == null ? null : expr(value, cc);
        List<Store> targets = new ArrayList<>();
        List<Nodes.Expr> iters = new ArrayList<>();
        List<Nodes.Expr[]> conds = new ArrayList<>();
        for (int i = 0; i < gens.size(); i++) {
            Comprehension g = gens.get(i);
            iters.add(i == 0 ? null : expr(g.iter(), cc));
            targets.add(store(g.target(), cc));
            conds.add(g.ifs().stream().map(x -> expr(x, cc)).toArray(Nodes.Expr[]::new));
        }
        int[] freeFrom = freeSources(cc, c);
        Span[] nextAt = iterationPositions((Expr) node, gens);
        Span at = ((Expr) node).span();
        Span iterAt = firstIterationPosition((Expr) node, gens);
        var os = m.objectSpace();
        return f -> {
            long it0 = outer.eval(f);
            long result = what == 0 ? m.newList() : what == 1 ? m.newSet() : m.newDict();
            long[] locals = new long[code.nlocals];
            long[] cells = new long[code.ncells + code.nfrees];
            for (int i = 0; i < code.ncells; i++) {
                cells[i] = os.newHostObject(in.tCell);
            }
            for (int j = 0; j < code.nfrees; j++) {
                cells[code.ncells + j] = in.incref(f.cells[freeFrom[j]]);
            }
            Frame cf = new Frame(code, locals, cells, f.globals, f.classNs, f);
            cf.line = f.line;
            try {
                // GET_ITER: the iterator replaces the iterable on the stack
                long it;
                try {
                    it = in.iter(it0);
                } catch (RuntimeException ex) {
                    throw in.located(ex, f, iterAt);
                } finally {
                    m.decref(it0);
                }
                try {
                    loop(cf, 0, it, iters, targets, conds, eltNode, valueNode, result, what, nextAt);
                } finally {
                    m.decref(it);
                }
            } catch (RuntimeException ex) {
                m.decref(result);
                PyRaise p = in.convert(ex);
                if (in.minor < 12) {
                    // 3.11 runs a comprehension in a frame of its own, called at the comprehension
                    in.tracebacks.record(p, cf);
                    throw p.at(f, at);
                }
                // 3.12 inlines it (PEP 709): where it failed is where the enclosing frame failed
                if (p.posFrame == cf) {
                    p.posFrame = f;
                }
                throw p;
            } finally {
                in.releaseFrame(cf);
            }
            return result;
        };
    }

    /** What {@link #loop} does with each element: collects it into a list, set or dict, or yields it. */
    private static final int YIELD_ELEMENT = 3;

    /**
     * A generator expression: a generator over a code of its own whose argument .0 is the iterator of the first
     * iterable, evaluated here, in the enclosing scope; the rest runs lazily in the generator's frame.
     */
    private Nodes.Expr generatorExpression(Expr.GeneratorExp ge, Ctx c) {
        Scope s = scopes.get(ge);
        int line = ge.span().line();
        Code code = new Code("<genexpr>", filename, line);
        code.qualname = c.qualPrefix + "<genexpr>";
        code.generator = true;
        Ctx cc = new Ctx(s, code, c, codes);
        cc.qualPrefix = c.qualPrefix;
        layout(cc, List.of(".0"));
        code.argNames = new String[] {".0"};
        code.posCount = 1;
        Nodes.Expr outer = expr(ge.generators().get(0).iter(), c);
        Span outerAt = firstIterationPosition(ge, ge.generators());
        Nodes.Expr eltNode = expr(ge.elt(), cc);
        List<Store> targets = new ArrayList<>();
        List<Nodes.Expr> iters = new ArrayList<>();
        List<Nodes.Expr[]> conds = new ArrayList<>();
        for (int i = 0; i < ge.generators().size(); i++) {
            Comprehension g = ge.generators().get(i);
            iters.add(i == 0 ? null : expr(g.iter(), cc));
            targets.add(store(g.target(), cc));
            conds.add(g.ifs().stream().map(x -> expr(x, cc)).toArray(Nodes.Expr[]::new));
        }
        Span[] nextAt = iterationPositions(ge, ge.generators());
        code.body = gf -> {
            gf.line = line;
            loop(gf, 0, gf.locals[0], iters, targets, conds, eltNode, null, 0, YIELD_ELEMENT, nextAt);
            return Code.NORMAL;
        };
        int[] freeFrom = freeSources(cc, c);
        var os = m.objectSpace();
        return f -> {
            long iterable = outer.eval(f);
            long it;
            try {
                it = in.iter(iterable);
            } catch (RuntimeException ex) {
                throw in.located(ex, f, outerAt);
            } finally {
                m.decref(iterable);
            }
            long[] locals = new long[code.nlocals];
            locals[0] = it;
            long[] cells = new long[code.ncells + code.nfrees];
            for (int i = 0; i < code.ncells; i++) {
                cells[i] = os.newHostObject(in.tCell);
            }
            for (int j = 0; j < code.nfrees; j++) {
                cells[code.ncells + j] = in.incref(f.cells[freeFrom[j]]);
            }
            Frame gf = new Frame(code, locals, cells, f.globals, 0, f);
            gf.line = line;
            long gen = os.newHostObject(in.iterTypes.get("generator"));
            os.setPayload(gen, new Generator(in, gf, Generator.Kind.GENERATOR));
            return gen;
        };
    }

    /** Where a comprehension's FOR_ITER is: 3.13 puts it on each clause's iterable, 3.11 and 3.12 on the whole node. */
    private Span[] iterationPositions(Expr node, List<Comprehension> gens) {
        Span[] at = new Span[gens.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = in.minor >= 13 ? gens.get(i).iter().span() : node.span();
        }
        return at;
    }

    /** Where GET_ITER of the first iterable is: on the iterable for 3.13, on the whole node before. */
    private Span firstIterationPosition(Expr node, List<Comprehension> gens) {
        return in.minor >= 13 ? gens.get(0).iter().span() : node.span();
    }

    private long nextItem(Frame f, long it, Interp.JIter state, Span at) {
        try {
            return in.next(it, state);
        } catch (RuntimeException ex) {
            throw in.located(ex, f, at);
        }
    }

    private void loop(Frame f, int level, long it, List<Nodes.Expr> iters, List<Store> targets, List<Nodes.Expr[]> conds,
                      Nodes.Expr elt, Nodes.Expr value, long result, int what, Span[] nextAt) {
        Interp.JIter state = in.iterState(it); // once, as a for statement does
        outer:
        for (long x = nextItem(f, it, state, nextAt[level]); x != 0; x = nextItem(f, it, state, nextAt[level])) {
            targets.get(level).store(f, x);
            for (Nodes.Expr cond : conds.get(level)) {
                long t = cond.eval(f);
                boolean b = in.truthy(t);
                m.decref(t);
                if (!b) {
                    continue outer;
                }
            }
            if (level + 1 < targets.size()) {
                long seq = iters.get(level + 1).eval(f);
                long inner;
                try {
                    inner = in.iter(seq);
                } finally {
                    m.decref(seq);
                }
                try {
                    loop(f, level + 1, inner, iters, targets, conds, elt, value, result, what, nextAt);
                } finally {
                    m.decref(inner);
                }
                continue;
            }
            if (what == YIELD_ELEMENT) {
                m.decref(f.generator.yieldValue(elt.eval(f)));
                continue;
            }
            long v = elt.eval(f);
            try {
                if (what == 0) {
                    m.listAppend(result, v);
                } else if (what == 1) {
                    m.setAdd(result, v);
                } else {
                    long val = value.eval(f);
                    try {
                        m.dictSet(result, v, val);
                    } finally {
                        m.decref(val);
                    }
                }
            } finally {
                m.decref(v);
            }
        }
    }

    /** A method call's failure: located at the attribute when the lookup failed, else at the call. */
    private PyRaise methodCallFailure(RuntimeException ex, Frame f, Span attribute, Span call) {
        PyRaise p = in.convert(ex);
        boolean lookup = p.attributeLookup;
        p.attributeLookup = false;
        return p.at(f, lookup ? attribute : call);
    }

    private Nodes.Expr call(Expr.Call call, Ctx c) {
        boolean dynamic = call.args().stream().anyMatch(a -> a instanceof Expr.Starred)
                || call.keywords().stream().anyMatch(k -> k.arg() == null);
        // zero-argument super(): the class cell and the first argument
        if (call.func() instanceof Expr.Name n && n.id().equals("super") && call.args().isEmpty()
                && c.cells.containsKey("__class__") && c.code.argNames.length > 0) {
            int ci = c.cells.get("__class__");
            String first = c.code.argNames[0];
            Nodes.Expr self = loadName(first, c);
            var os = m.objectSpace();
            return f -> {
                long cls = os.hostSlot(f.cells[ci], 0);
                long s = self.eval(f);
                try {
                    return Classes.newSuper(in, cls, s);
                } finally {
                    m.decref(s);
                }
            };
        }
        Nodes.Expr argList = dynamic ? sequence(call.args(), c) : null;
        Nodes.Expr[] args = dynamic ? null : call.args().stream().map(a -> expr(a, c)).toArray(Nodes.Expr[]::new);
        List<Keyword> named = call.keywords().stream().filter(k -> k.arg() != null).toList();
        List<Keyword> spread = call.keywords().stream().filter(k -> k.arg() == null).toList();
        String[] kwnames0 = named.stream().map(Keyword::arg).toArray(String[]::new);
        Nodes.Expr[] kwvals = named.stream().map(k -> expr(k.value(), c)).toArray(Nodes.Expr[]::new);
        Nodes.Expr[] spreads = spread.stream().map(k -> expr(k.value(), c)).toArray(Nodes.Expr[]::new);
        String[] kwStatic = kwnames0.length == 0 ? null : kwnames0;
        Span at = call.span();
        // evaluates the arguments into an owned array (and the keyword names)
        java.util.function.Function<Frame, Object[]> evalArgs = f -> {
            List<Long> vals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try {
                if (dynamic) {
                    long list = argList.eval(f);
                    long n = m.len(list);
                    for (int i = 0; i < n; i++) {
                        vals.add(in.incref(m.listGet(list, i)));
                    }
                    m.decref(list);
                } else {
                    for (Nodes.Expr a : args) {
                        vals.add(a.eval(f));
                    }
                }
                for (int i = 0; i < kwvals.length; i++) {
                    vals.add(kwvals[i].eval(f));
                    names.add(kwnames0[i]);
                }
                for (Nodes.Expr sp : spreads) {
                    long d = sp.eval(f);
                    try {
                        for (long k : m.dictKeys(d)) {
                            names.add(m.strValue(k));
                            vals.add(in.incref(m.dictGet(d, k)));
                        }
                    } finally {
                        m.decref(d);
                    }
                }
            } catch (RuntimeException ex) {
                for (long v : vals) {
                    m.decref(v);
                }
                throw ex;
            }
            return new Object[] {Interp.toArray(vals), names.isEmpty() ? null : names.toArray(new String[0])};
        };
        if (call.func() instanceof Expr.Attribute attribute) {
            Nodes.Expr obj = expr(attribute.value(), c);
            String name = privateName(attribute.attr(), c);
            long nameStr = in.internStr(name);
            if (!dynamic && spreads.length == 0) {
                return f -> {
                    long o = obj.eval(f);
                    {
                        long[] vals = new long[args.length + kwvals.length];
                        try {
                            for (int i = 0; i < args.length; i++) {
                                vals[i] = args[i].eval(f);
                            }
                            for (int i = 0; i < kwvals.length; i++) {
                                vals[args.length + i] = kwvals[i].eval(f);
                            }
                        } catch (RuntimeException ex) {
                            in.release(vals);
                            m.decref(o);
                            throw ex;
                        }
                        try {
                            return in.callAttr(o, name, nameStr, vals, kwStatic);
                        } catch (RuntimeException ex) {
                            throw methodCallFailure(ex, f, attribute.span(), at);
                        }
                    }
                };
            }
            return f -> {
                long o = obj.eval(f);
                Object[] a;
                try {
                    a = evalArgs.apply(f);
                } catch (RuntimeException ex) {
                    m.decref(o);
                    throw ex;
                }
                try {
                    return in.callAttr(o, name, nameStr, (long[]) a[0], (String[]) a[1]);
                } catch (RuntimeException ex) {
                    throw methodCallFailure(ex, f, attribute.span(), at);
                }
            };
        }
        Nodes.Expr fn = expr(call.func(), c);
        if (!dynamic && spreads.length == 0) {
            return f -> {
                long callee = fn.eval(f);
                try {
                    long[] vals = new long[args.length + kwvals.length];
                    try {
                        for (int i = 0; i < args.length; i++) {
                            vals[i] = args[i].eval(f);
                        }
                        for (int i = 0; i < kwvals.length; i++) {
                            vals[args.length + i] = kwvals[i].eval(f);
                        }
                    } catch (RuntimeException ex) {
                        in.release(vals);
                        throw ex;
                    }
                    return in.call(callee, vals, kwStatic);
                } catch (RuntimeException ex) {
                    throw in.located(ex, f, at);
                } finally {
                    m.decref(callee);
                }
            };
        }
        return f -> {
            long callee = fn.eval(f);
            try {
                Object[] a = evalArgs.apply(f);
                return in.call(callee, (long[]) a[0], (String[]) a[1]);
            } catch (RuntimeException ex) {
                throw in.located(ex, f, at);
            } finally {
                m.decref(callee);
            }
        };
    }
}
