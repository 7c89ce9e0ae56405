package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.pymemlab.runtime.Mutator;

/** The builtins module, constructors of the built-in types, and the methods of str, list, dict, set, tuple. */
final class Builtins {

    private Builtins() {
    }

    static void install(Interp in) {
        Mutator m = in.m;
        long d = in.builtinsDict;
        String[] types = {"int", "float", "str", "bytes", "bytearray", "tuple", "list", "dict", "set", "frozenset", "bool",
            "type"};
        for (String t : types) {
            m.dictSet(d, in.internStr(t), m.objectSpace().builtinType(t));
        }
        m.dictSet(d, in.internStr("object"), in.tObject);
        m.dictSet(d, in.internStr("range"), in.tRange);
        m.dictSet(d, in.internStr("memoryview"), in.tMemoryView);
        m.dictSet(d, in.internStr("slice"), in.tSlice);
        m.dictSet(d, in.internStr("super"), in.tSuper);
        m.dictSet(d, in.internStr("property"), in.tProperty);
        m.dictSet(d, in.internStr("staticmethod"), in.tStaticMethod);
        m.dictSet(d, in.internStr("classmethod"), in.tClassMethod);
        m.dictSet(d, in.internStr("None"), in.none);
        m.dictSet(d, in.internStr("True"), in.trueObj);
        m.dictSet(d, in.internStr("False"), in.falseObj);
        m.dictSet(d, in.internStr("Ellipsis"), m.ellipsis());
        m.dictSet(d, in.internStr("NotImplemented"), m.notImplemented());
        String[] fns = {"print", "len", "id", "hex", "bin", "oct", "repr", "abs", "sum", "min", "max", "sorted", "reversed",
                "enumerate", "zip", "map", "filter", "chr", "ord", "iter", "next", "any", "all", "round", "divmod", "hash",
                "isinstance", "issubclass", "hasattr", "getattr", "setattr", "delattr", "callable", "format", "vars",
                "globals", "locals", "dir", "ascii", "pow", "exit", "quit", "exec", "eval", "compile", "open", "input", "aiter", "anext"};
        for (String name : fns) {
            BuiltinSignatures.Signature signature = BuiltinSignatures.of(name);
            long b = in.newBuiltin(name, 0, (inn, self, args, kw) -> {
                BuiltinSignatures.check(inn, name, signature, args, kw);
                return function(inn, name, args, kw);
            });
            m.dictSet(d, in.internStr(name), b);
            m.decref(b);
        }
    }

    private static PyRaise argc(Interp in, String name, int want, long[] args) {
        return in.typeError(name + "() takes exactly " + want + " argument" + (want == 1 ? "" : "s") + " (" + args.length + " given)");
    }

    static String kwString(Interp in, long[] args, String[] kw, String name, String dflt) {
        if (kw == null) {
            return dflt;
        }
        int npos = args.length - kw.length;
        for (int i = 0; i < kw.length; i++) {
            if (kw[i].equals(name)) {
                long v = args[npos + i];
                return v == in.none ? dflt : in.m.strValue(v);
            }
        }
        return dflt;
    }

    static long kwValue(long[] args, String[] kw, String name) {
        if (kw == null) {
            return 0;
        }
        int npos = args.length - kw.length;
        for (int i = 0; i < kw.length; i++) {
            if (kw[i].equals(name)) {
                return args[npos + i];
            }
        }
        return 0;
    }

    static int npos(long[] args, String[] kw) {
        return args.length - (kw == null ? 0 : kw.length);
    }

    /**
     * iter(callable, sentinel): a callable_iterator holding both (its two slots, calliterobject's it_callable and
     * it_sentinel), calling until the result equals the sentinel or StopIteration is raised; both are let go then.
     */
    private static long callableIterator(Interp in, long callable, long sentinel) {
        if (!in.isCallable(callable)) {
            throw in.typeError("iter(v, w): v must be callable");
        }
        long it = in.newIter("callable_iterator", callable, (i, self) -> {
            long fn = i.os.hostSlot(self, 0);
            if (fn == 0) {
                return 0;
            }
            long result;
            try {
                result = i.call(fn, new long[0], null);
            } catch (PyRaise e) {
                if (i.isInstance(e.exc, "StopIteration")) {
                    i.m.decref(e.exc);
                    i.os.setHostSlot(self, 0, 0);
                    i.os.setHostSlot(self, 1, 0);
                    return 0;
                }
                throw e;
            }
            boolean done;
            try {
                done = i.eq(result, i.os.hostSlot(self, 1));
            } catch (PyRaise e) {
                i.m.decref(result);
                throw e;
            }
            if (done) {
                i.m.decref(result);
                i.os.setHostSlot(self, 0, 0);
                i.os.setHostSlot(self, 1, 0);
                return 0;
            }
            return result;
        });
        in.os.setHostSlot(it, 1, sentinel);
        return it;
    }

    static long function(Interp in, String name, long[] args, String[] kw) {
        Mutator m = in.m;
        int n = npos(args, kw);
        switch (name) {
            case "print": {
                String sep = kwString(in, args, kw, "sep", " ");
                String end = kwString(in, args, kw, "end", "\n");
                long file = kwValue(args, kw, "file");
                if (file != 0 && file != in.none) {
                    // PyFile_WriteObject per piece, as CPython's print writes to a file object
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            in.m.decref(in.callAttr(in.incref(file), "write", new long[] {in.newStr(sep)}, null));
                        }
                        in.m.decref(in.callAttr(in.incref(file), "write", new long[] {in.newStr(in.str(args[i]))}, null));
                    }
                    in.m.decref(in.callAttr(in.incref(file), "write", new long[] {in.newStr(end)}, null));
                    return in.none;
                }
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(sep);
                    }
                    sb.append(in.str(args[i]));
                }
                sb.append(end);
                in.out.print(sb);
                return in.none;
            }
            case "len":
                return in.newInt(len(in, args[0]));
            case "id":
                return in.newInt(BigInteger.valueOf(args[0]));
            case "hex":
                return in.newStr(Formats.formatInt(m.bigIntValue(args[0]), "#x"));
            case "bin":
                return in.newStr(Formats.formatInt(m.bigIntValue(args[0]), "#b"));
            case "oct":
                return in.newStr(Formats.formatInt(m.bigIntValue(args[0]), "#o"));
            case "repr":
                return in.reprObject(args[0]);
            case "abs": {
                int k = in.kind(args[0]);
                if (k == K_FLOAT) {
                    return m.newFloat(Math.abs(m.floatValue(args[0])));
                }
                if (k == K_INT || k == K_BOOL) {
                    return in.newInt(m.bigIntValue(args[0]).abs());
                }
                long fn = in.lookup(in.classOf(args[0]), in.internStr("__abs__"));
                if (fn != 0) {
                    return in.callMethod(fn, args[0]);
                }
                throw in.typeError("bad operand type for abs(): '" + in.classOf(args[0]).name + "'");
            }
            case "sum": {
                long start = Methods.arg(args, kw, 1, "start");
                long acc = start != 0 ? in.incref(start) : in.newInt(0);
                long it = in.iter(args[0]);
                // 3.12+: floats are summed with Neumaier's compensation (builtin_sum_impl)
                double fsum = 0;
                double comp = 0;
                boolean floats = false;
                try {
                    for (long x = in.next(it); x != 0; x = in.next(it)) {
                        if (in.minor >= 12 && in.kind(x) == K_FLOAT && (floats || in.kind(acc) == K_FLOAT
                                || in.kind(acc) == K_INT && m.bigIntValue(acc).bitLength() < 53)) {
                            if (!floats) {
                                fsum = Operators.toDouble(in, acc);
                                comp = 0;
                                floats = true;
                            }
                            double v = m.floatValue(x);
                            m.decref(x);
                            double t = fsum + v;
                            if (Math.abs(fsum) >= Math.abs(v)) {
                                comp += (fsum - t) + v;
                            } else {
                                comp += (v - t) + fsum;
                            }
                            fsum = t;
                            continue;
                        }
                        if (floats) {
                            m.decref(acc);
                            acc = m.newFloat(comp != 0 && Double.isFinite(comp) ? fsum + comp : fsum);
                            floats = false;
                        }
                        long r;
                        try {
                            r = Operators.binary(in, org.pymemlab.frontend.ast.Ops.BinOpKind.ADD, acc, x, false);
                        } finally {
                            m.decref(x);
                        }
                        m.decref(acc);
                        acc = r;
                    }
                } finally {
                    m.decref(it);
                }
                if (floats) {
                    m.decref(acc);
                    acc = m.newFloat(comp != 0 && Double.isFinite(comp) ? fsum + comp : fsum);
                }
                return acc;
            }
            case "min", "max": {
                List<Long> items = n == 1 ? in.toList(args[0]) : new ArrayList<>();
                if (n > 1) {
                    for (int i = 0; i < n; i++) {
                        items.add(in.incref(args[i]));
                    }
                }
                long key = kwValue(args, kw, "key");
                long dflt = kwValue(args, kw, "default");
                try {
                    if (items.isEmpty()) {
                        if (dflt != 0) {
                            return in.incref(dflt);
                        }
                        throw in.error("ValueError", name + "() iterable argument is empty");
                    }
                    long best = items.get(0);
                    long bestKey = key == 0 ? in.incref(best) : in.call(key, new long[] {in.incref(best)}, null);
                    for (int i = 1; i < items.size(); i++) {
                        long x = items.get(i);
                        long xk = key == 0 ? in.incref(x) : in.call(key, new long[] {in.incref(x)}, null);
                        boolean better = name.equals("min")
                                ? Operators.compare(in, org.pymemlab.frontend.ast.Ops.CmpOpKind.LT, xk, bestKey)
                                : Operators.compare(in, org.pymemlab.frontend.ast.Ops.CmpOpKind.GT, xk, bestKey);
                        if (better) {
                            m.decref(bestKey);
                            bestKey = xk;
                            best = x;
                        } else {
                            m.decref(xk);
                        }
                    }
                    m.decref(bestKey);
                    return in.incref(best);
                } finally {
                    for (long x : items) {
                        m.decref(x);
                    }
                }
            }
            case "sorted": {
                long list = construct(in, m.objectSpace().builtinType("list"), new long[] {args[0]}, null);
                long[] sortArgs = new long[args.length - 1];
                System.arraycopy(args, 1, sortArgs, 0, sortArgs.length);
                m.decref(callMethod(in, list, in.classOf(list), "sort", sortArgs, kw));
                return list;
            }
            case "reversed": {
                int k = in.kind(args[0]);
                if (k == K_INSTANCE) {
                    long fn = in.lookup(in.classOf(args[0]), in.internStr("__reversed__"));
                    if (fn != 0) {
                        return in.callMethod(fn, args[0]);
                    }
                }
                if (k == K_LIST || k == K_TUPLE) {
                    return reverseIter(in, k == K_LIST ? "list_reverseiterator" : "reversed", args[0], k == K_LIST);
                }
                if (k == K_DICT) {
                    return in.dictIter(args[0], DictViews.KEYS, true);
                }
                if (k == K_DICTVIEW) {
                    return DictViews.reversed(in, args[0]);
                }
                boolean sequence = k != K_INT && k != K_BOOL && k != K_FLOAT && k != K_SET && k != K_FROZENSET
                        && args[0] != in.none && (k != K_INSTANCE || in.lookup(in.classOf(args[0]), in.internStr("__len__")) != 0
                        && in.lookup(in.classOf(args[0]), in.internStr("__getitem__")) != 0);
                if (!sequence) {
                    throw in.typeError("'" + in.classOf(args[0]).name + "' object is not reversible");
                }
                List<Long> items = in.toList(args[0]);
                java.util.Collections.reverse(items);
                return listIter(in, "reversed", args[0], items);
            }
            case "enumerate": {
                long it = in.iter(Methods.arg(args, kw, 0, "iterable"));
                long startArg = Methods.arg(args, kw, 1, "start");
                long start = startArg != 0 ? m.intValue(startArg) : 0;
                long r = in.newIter("enumerate", it, new JIter() {
                    long i = start;

                    @Override
                    public long next(Interp inn, long self) {
                        long x = in.next(m.objectSpace().hostSlot(self, 0));
                        if (x == 0) {
                            return 0;
                        }
                        long idx = in.newInt(i++);
                        long t = m.newTuple(idx, x);
                        m.decref(idx);
                        m.decref(x);
                        return t;
                    }
                });
                m.decref(it);
                return r;
            }
            case "zip": {
                long strictArg = kwValue(args, kw, "strict");
                boolean strict = strictArg != 0 && in.truthy(strictArg);
                long[] its = new long[n];
                for (int i = 0; i < n; i++) {
                    its[i] = in.iter(args[i]);
                }
                long tup = m.newTuple(its);
                in.release(its);
                long r = in.newIter("zip", tup, (inn, self) -> {
                    long t = m.objectSpace().hostSlot(self, 0);
                    long[] xs = new long[n];
                    for (int i = 0; i < n; i++) {
                        xs[i] = in.next(m.tupleGet(t, i));
                        if (xs[i] == 0) {
                            in.release(xs);
                            if (strict) {
                                zipStrictCheck(in, t, i);
                            }
                            return 0;
                        }
                    }
                    if (n == 0) {
                        return 0;
                    }
                    long res = m.newTuple(xs);
                    in.release(xs);
                    return res;
                });
                m.decref(tup);
                return r;
            }
            case "map", "filter": {
                long fn = args[0];
                long it = in.iter(args[1]);
                long[] extra = new long[n - 2];
                for (int i = 2; i < n; i++) {
                    extra[i - 2] = in.iter(args[i]);
                }
                long tup = m.newTuple(fn, it);
                m.decref(it);
                long r = in.newIter(name, tup, (inn, self) -> {
                    long t = m.objectSpace().hostSlot(self, 0);
                    long f = m.tupleGet(t, 0);
                    long src = m.tupleGet(t, 1);
                    while (true) {
                        long x = in.next(src);
                        if (x == 0) {
                            return 0;
                        }
                        if (name.equals("map")) {
                            long[] cargs = new long[1 + extra.length];
                            cargs[0] = x;
                            for (int i = 0; i < extra.length; i++) {
                                cargs[i + 1] = in.next(extra[i]);
                                if (cargs[i + 1] == 0) {
                                    in.release(cargs);
                                    return 0;
                                }
                            }
                            return in.call(f, cargs, null);
                        }
                        boolean keep;
                        if (f == in.none) {
                            keep = in.truthy(x);
                        } else {
                            long r2 = in.call(f, new long[] {in.incref(x)}, null);
                            keep = in.truthy(r2);
                            m.decref(r2);
                        }
                        if (keep) {
                            return x;
                        }
                        m.decref(x);
                    }
                });
                m.decref(tup);
                for (long e : extra) {
                    in.kept.add(e);
                }
                return r;
            }
            case "chr":
                return in.newStr(new String(Character.toChars((int) m.intValue(args[0]))));
            case "ord": {
                int k = in.kind(args[0]);
                if (k == K_BYTES || k == K_BYTEARRAY) {
                    byte[] b = ByteArrays.buffer(in, args[0]);
                    if (b.length != 1) {
                        throw in.typeError("ord() expected a character, but string of length " + b.length + " found");
                    }
                    return in.newInt(b[0] & 0xff);
                }
                if (k != K_STR) {
                    throw in.typeError("ord() expected string of length 1, but " + in.classOf(args[0]).name + " found");
                }
                String s = m.strValue(args[0]);
                int length = s.codePointCount(0, s.length());
                if (length != 1) {
                    throw in.typeError("ord() expected a character, but string of length " + length + " found");
                }
                return in.newInt(s.codePointAt(0));
            }
            case "iter":
                return n == 2 ? callableIterator(in, args[0], args[1]) : in.iter(args[0]);
            case "next": {
                if (in.classOf(args[0]).address == in.tCoroutine) {
                    throw in.typeError("'coroutine' object is not an iterator");
                }
                if (n == 1 && in.kind(args[0]) == K_ITER && in.os.payload(args[0]) instanceof Generator g) {
                    return g.sendRaising(in.none, args[0]);
                }
                long x = in.next(args[0]);
                if (x == 0) {
                    if (n > 1) {
                        return in.incref(args[1]);
                    }
                    throw in.stopIteration(in.none);
                }
                return x;
            }
            case "any", "all": {
                long it = in.iter(args[0]);
                try {
                    for (long x = in.next(it); x != 0; x = in.next(it)) {
                        boolean t = in.truthy(x);
                        m.decref(x);
                        if (t == name.equals("any")) {
                            return in.bool(t);
                        }
                    }
                } finally {
                    m.decref(it);
                }
                return in.bool(name.equals("all"));
            }
            case "round": {
                long ndigits = Methods.arg(args, kw, 1, "ndigits");
                return Dunders.round(in, Methods.arg(args, kw, 0, "number"), ndigits == 0 ? in.none : ndigits);
            }
            case "divmod": {
                long q = Operators.binary(in, org.pymemlab.frontend.ast.Ops.BinOpKind.FLOORDIV, args[0], args[1], false);
                long r = Operators.binary(in, org.pymemlab.frontend.ast.Ops.BinOpKind.MOD, args[0], args[1], false);
                long t = m.newTuple(q, r);
                m.decref(q);
                m.decref(r);
                return t;
            }
            case "pow": {
                long base = Methods.arg(args, kw, 0, "base");
                long exp = Methods.arg(args, kw, 1, "exp");
                long mod = Methods.arg(args, kw, 2, "mod");
                if (mod != 0 && mod != in.none) {
                    return modularPow(in, base, exp, mod);
                }
                return Operators.binary(in, org.pymemlab.frontend.ast.Ops.BinOpKind.POW, base, exp, false);
            }
            case "hash":
                return in.newInt(in.hash(args[0]));
            case "isinstance":
                return in.bool(isInstance(in, args[0], args[1]));
            case "issubclass": {
                PyClass c = in.kind(args[0]) == K_TYPE ? in.classOfType(args[0]) : null;
                if (c == null) {
                    throw in.typeError("issubclass() arg 1 must be a class");
                }
                return in.bool(isSubclassOf(in, c, args[1]));
            }
            case "hasattr": {
                try {
                    long v = in.getattrOrZero(args[0], m.strValue(args[1]));
                    if (v != 0) {
                        m.decref(v);
                        return in.trueObj;
                    }
                    return in.falseObj;
                } catch (PyRaise e) {
                    if (in.isInstance(e.exc, "AttributeError")) {
                        m.decref(e.exc);
                        return in.falseObj;
                    }
                    throw e;
                }
            }
            case "getattr": {
                if (n > 2) {
                    long v = in.getattrOrZero(args[0], m.strValue(args[1]));
                    return v != 0 ? v : in.incref(args[2]);
                }
                return in.getattr(args[0], m.strValue(args[1]));
            }
            case "setattr":
                in.setattr(args[0], m.strValue(args[1]), args[2]);
                return in.none;
            case "delattr":
                in.delattr(args[0], m.strValue(args[1]));
                return in.none;
            case "callable":
                return in.bool(in.isCallable(args[0]));
            case "format":
                if ((n == 1 || m.strValue(args[1]).isEmpty()) && in.kind(args[0]) == K_INT) {
                    return in.strObject(args[0]); // PyObject_Format with an empty spec is str()
                }
                return in.newStr(format(in, args[0], n > 1 ? m.strValue(args[1]) : ""));
            case "vars":
                if (n == 0) {
                    return namespace(in, in.current);
                }
                try {
                    return in.getattr(args[0], "__dict__");
                } catch (PyRaise e) {
                    if (!in.exceptionMatches(e.exc, in.exceptions.get("AttributeError"))) {
                        throw e;
                    }
                    m.decref(e.exc);
                    throw in.typeError("vars() argument must have __dict__ attribute");
                }
            case "locals":
                return in.frames.locals(in.current);
            case "ascii":
                return in.newStr(asciiEscaped(in.repr(args[0])));
            case "dir":
                return n == 0 ? BuiltinNamespaces.dirOfNamespace(in, in.frames.locals(in.current))
                        : BuiltinNamespaces.dir(in, args[0]);
            case "globals":
                return in.incref(in.current.globals);
            case "exec", "eval":
                return Exec.run(in, name, args, kw);
            case "input":
                return input(in, n > 0 ? args[0] : 0);
            case "aiter":
                return AsyncGenerators.aiter(in, args[0]);
            case "anext":
                return AsyncGenerators.anext(in, args[0], n > 1 ? args[1] : 0);
            case "open": {
                // io.open, which the bundled io module writes over its file primitives
                long io = Modules.importModule(in, "io");
                long open;
                try {
                    open = in.getattr(io, "open");
                } finally {
                    m.decref(io);
                }
                long[] owned = args.clone();
                for (long a : owned) {
                    in.incref(a);
                }
                try {
                    return in.call(open, owned, kw);
                } finally {
                    m.decref(open);
                }
            }
            case "compile":
                return Exec.compile(in, args, kw);
            case "exit", "quit": {
                long cls = in.exceptions.get("SystemExit");
                throw new PyRaise(in.instantiateException(cls, n > 0 ? new long[] {args[0]} : new long[0]));
            }
            default:
                throw in.error("NotImplementedError", name);
        }
    }

    /**
     * dict(obj) and dict.update(obj) for an object with a keys() method (PyDict_Merge's mapping protocol): each of
     * its keys with {@code obj[key]}. False when obj has no keys attribute (it is then a sequence of pairs).
     */
    static boolean mergeFromMapping(Interp in, long d, long obj) {
        long keysFn = in.getattrOrZero(obj, "keys");
        if (keysFn == 0) {
            return false;
        }
        long keys;
        try {
            keys = in.call(keysFn, new long[0], null);
        } finally {
            in.m.decref(keysFn);
        }
        List<Long> ks;
        try {
            ks = in.toList(keys);
        } finally {
            in.m.decref(keys);
        }
        try {
            for (long k : ks) {
                long v = Operators.getitem(in, obj, k);
                try {
                    in.m.dictSet(d, k, v);
                } finally {
                    in.m.decref(v);
                }
            }
        } finally {
            in.release(Interp.toArray(ks));
        }
        return true;
    }

    /** PyDict_MergeFromSeq2: each element of {@code seq} a key and value pair, with CPython's errors. */
    private static void mergeFromPairs(Interp in, long d, long seq) {
        List<Long> pairs = in.toList(seq);
        try {
            for (int i = 0; i < pairs.size(); i++) {
                List<Long> kv;
                try {
                    kv = in.toList(pairs.get(i));
                } catch (PyRaise e) {
                    if (!in.exceptionMatches(e.exc, in.exceptions.get("TypeError"))) {
                        throw e;
                    }
                    in.m.decref(e.exc);
                    throw in.typeError("cannot convert dictionary update sequence element #" + i + " to a sequence");
                }
                try {
                    if (kv.size() != 2) {
                        throw in.error("ValueError", "dictionary update sequence element #" + i + " has length "
                                + kv.size() + "; 2 is required");
                    }
                    in.m.dictSet(d, kv.get(0), kv.get(1));
                } finally {
                    in.release(Interp.toArray(kv));
                }
            }
        } finally {
            in.release(Interp.toArray(pairs));
        }
    }

    /** input([prompt]): the prompt written to stdout, then a line of stdin without its newline. New reference. */
    private static long input(Interp in, long prompt) {
        if (prompt != 0) {
            in.out.print(in.str(prompt));
        }
        in.out.flush();
        String line;
        try {
            line = in.stdin().readLine();
        } catch (java.io.IOException e) {
            throw in.error("OSError", e.getMessage());
        }
        if (line == null) {
            throw in.error("EOFError", "EOF when reading a line");
        }
        return in.newStr(line);
    }

    /**
     * locals(), and vars() without an argument: a module's globals, a class body's namespace, or a function's
     * fast locals as a new dict (the snapshot 3.13 returns; 3.11 and 3.12 keep one dict per frame and refresh it).
     * A closure's cell variables are not in it.
     */
    static long namespace(Interp in, Frame f) {
        if (f.classNs != 0) {
            return in.incref(f.classNs);
        }
        if (f.code.name.equals("<module>")) {
            return in.incref(f.globals);
        }
        long d = in.m.newDict();
        FrameObjects.refresh(in, d, f.code, f.locals);
        return d;
    }

    /** ascii(): the repr with every non-ASCII character escaped as \\xNN, \\uNNNN or \\UNNNNNNNN. */
    private static String asciiEscaped(String repr) {
        StringBuilder sb = new StringBuilder(repr.length());
        repr.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                sb.append((char) cp);
            } else {
                org.pymemlab.frontend.ast.AstDump.appendHexEscape(sb, cp);
            }
        });
        return sb.toString();
    }

    /** pow(base, exp, mod) of ints (long_pow): a negative exponent takes the inverse; the result has mod's sign. */
    private static long modularPow(Interp in, long base, long exp, long mod) {
        for (long v : new long[] {base, exp, mod}) {
            int k = in.kind(v);
            if (k != K_INT && k != K_BOOL) {
                throw in.typeError("pow() 3rd argument not allowed unless all arguments are integers");
            }
        }
        BigInteger b = in.m.bigIntValue(base);
        BigInteger e = in.m.bigIntValue(exp);
        BigInteger m = in.m.bigIntValue(mod);
        if (m.signum() == 0) {
            throw in.error("ValueError", "pow() 3rd argument cannot be 0");
        }
        BigInteger abs = m.abs();
        BigInteger r;
        if (e.signum() < 0) {
            try {
                r = b.modInverse(abs).modPow(e.negate(), abs);
            } catch (ArithmeticException notInvertible) {
                throw in.error("ValueError", "base is not invertible for the given modulus");
            }
        } else {
            r = b.modPow(e, abs);
        }
        if (m.signum() < 0 && r.signum() != 0) {
            r = r.add(m);
        }
        return in.newInt(r);
    }

    /** issubclass(c, cls) where cls may be a tuple of classes. */
    static boolean isSubclassOf(Interp in, PyClass c, long cls) {
        if (in.kind(cls) == K_TUPLE) {
            long n = in.m.len(cls);
            for (int i = 0; i < n; i++) {
                if (isSubclassOf(in, c, in.m.tupleGet(cls, i))) {
                    return true;
                }
            }
            return false;
        }
        PyClass of = in.kind(cls) == K_TYPE ? in.classOfType(cls) : null;
        if (of == null) {
            throw in.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        int hooked = metaclassCheck(in, cls, "__subclasscheck__", c.address);
        return hooked >= 0 ? hooked == 1 : in.isSubclass(c, of);
    }

    /**
     * PyObject_IsInstance / IsSubclass: a check the class's metaclass defines ({@code __instancecheck__},
     * {@code __subclasscheck__}) decides: 1 or 0; −1 when the metaclass has none.
     */
    private static int metaclassCheck(Interp in, long cls, String name, long subject) {
        PyClass meta = in.classOf(cls);
        long fn = meta.user ? in.lookup(meta, in.internStr(name)) : 0;
        if (fn == 0) {
            return -1;
        }
        long r = in.callMethod(fn, cls, subject);
        try {
            return in.truthy(r) ? 1 : 0;
        } finally {
            in.m.decref(r);
        }
    }

    static boolean isInstance(Interp in, long obj, long cls) {
        if (in.kind(cls) == K_TUPLE) {
            long n = in.m.len(cls);
            for (int i = 0; i < n; i++) {
                if (isInstance(in, obj, in.m.tupleGet(cls, i))) {
                    return true;
                }
            }
            return false;
        }
        if (in.kind(cls) == K_GENERICALIAS) {
            throw in.typeError("isinstance() argument 2 cannot be a parameterized generic");
        }
        PyClass of = in.classOfType(cls);
        if (of == null) {
            throw in.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
        }
        if (in.classOf(obj) == of) {
            return true; // the exact type, before any hook (as CPython)
        }
        int hooked = metaclassCheck(in, cls, "__instancecheck__", obj);
        if (hooked >= 0) {
            return hooked == 1;
        }
        if (in.isSubclass(in.classOf(obj), of)) {
            return true;
        }
        // a live proxy's __class__ is its referent's
        return in.kind(obj) == K_PROXY && in.m.weakrefGet(obj) != in.none && in.isSubclass(in.classOf(in.m.weakrefGet(obj)), of);
    }

    static long len(Interp in, long v) {
        PyClass c = in.classOf(v);
        long userLen = c.builtinSubclass || c.metaclass ? in.lookup(c, in.internStr("__len__")) : 0;
        if (userLen != 0) {
            long r = in.callMethod(userLen, v);
            try {
                return in.m.intValue(r);
            } finally {
                in.m.decref(r);
            }
        }
        int k = in.kind(v);
        switch (k) {
            case K_STR:
                return in.m.len(v); // the str's length field, not a count over a copy of its text
            case K_BYTES, K_BYTEARRAY, K_TUPLE, K_LIST, K_DICT, K_SET, K_FROZENSET:
                return in.m.len(v);
            case K_MEMORYVIEW:
                return MemoryViews.len(in, v);
            case K_RANGE:
                return in.rangeLen(v);
            case K_DICTVIEW:
                return DictViews.len(in, v);
            case K_MAPPINGPROXY:
                return len(in, MappingProxies.mapping(in, v));
            case K_WEAKVALUEDICT:
                return WeakValueDict.of(in, v).len();
            case K_WEAKKEYDICT:
                return WeakKeyDict.of(in, v).len();
            case K_PROXY:
                return len(in, in.proxyTarget(v));
            case K_INSTANCE: {
                long fn = in.lookup(in.classOf(v), in.internStr("__len__"));
                if (fn != 0) {
                    long r = in.callMethod(fn, v);
                    try {
                        long x = in.m.intValue(r);
                        if (x < 0) {
                            throw in.error("ValueError", "__len__() should return >= 0");
                        }
                        return x;
                    } finally {
                        in.m.decref(r);
                    }
                }
                break;
            }
            default:
                break;
        }
        throw in.typeError("object of type '" + in.classOf(v).name + "' has no len()");
    }

    /**
     * zip(strict=True) once argument i is exhausted: the first to end must be the first argument, and then
     * every other must end too (zip_next's check).
     */
    private static void zipStrictCheck(Interp in, long iterators, int i) {
        if (i > 0) {
            throw in.error("ValueError", "zip() argument " + (i + 1) + " is shorter than argument" + (i == 1 ? " " : "s 1-") + i);
        }
        long n = in.m.len(iterators);
        for (int j = 1; j < n; j++) {
            long x = in.next(in.m.tupleGet(iterators, j));
            if (x != 0) {
                in.m.decref(x);
                throw in.error("ValueError", "zip() argument " + (j + 1) + " is longer than argument" + (j == 1 ? " " : "s 1-") + j);
            }
        }
    }

    /**
     * list_reverseiterator, and reversed() over a tuple: the sequence itself and an index from its end (the
     * sequence is let go once exhausted, except by 3.13's list_reverseiterator), as CPython's hold it.
     */
    private static long reverseIter(Interp in, String type, long seq, boolean list) {
        Mutator m = in.m;
        return in.newIter(type, seq, new JIter() {
            long i = m.len(seq) - 1;

            @Override
            public long next(Interp inn, long self) {
                long s = m.objectSpace().hostSlot(self, 0);
                if (s != 0 && i >= 0 && i < m.len(s)) {
                    int at = (int) i--;
                    return in.incref(list ? m.listGet(s, at) : m.tupleGet(s, at));
                }
                i = -1;
                if (!list || in.minor < 13) {
                    m.objectSpace().setHostSlot(self, 0, 0); // 3.13's list_reverseiterator keeps its list
                }
                return 0;
            }
        });
    }

    static long listIter(Interp in, String type, long seq, List<Long> owned) {
        Mutator m = in.m;
        long list = m.newList(Interp.toArray(owned));
        for (long x : owned) {
            m.decref(x);
        }
        long it = in.newIter(type, list, new JIter() {
            int i;

            @Override
            public long next(Interp inn, long self) {
                long l = m.objectSpace().hostSlot(self, 0);
                if (l == 0 || i >= m.len(l)) {
                    return 0;
                }
                return in.incref(m.listGet(l, i++));
            }
        });
        m.decref(list);
        return it;
    }

    // ---- constructors ----

    /** int(x, base=b): the base keyword's value, or 10. */
    private static int kwBase(Interp in, long[] args, String[] kw, int npos) {
        for (int i = 0; kw != null && i < kw.length; i++) {
            if (kw[i].equals("base")) {
                return (int) in.m.intValue(args[npos + i]);
            }
        }
        return 10;
    }

    static long construct(Interp in, long type, long[] args, String[] kw) {
        Mutator m = in.m;
        PyClass c = in.classOfType(type);
        int n = npos(args, kw);
        if (c.user) {
            long[] copy = args.clone();
            for (long a : copy) {
                m.incref(a);
            }
            return in.instantiate(type, copy, kw);
        }
        switch (c.kind) {
            case K_OBJECT:
                return m.objectSpace().newHostObject(in.tObject);
            case K_MAPPINGPROXY:
                return MappingProxies.construct(in, args, kw);
            case K_BYTEARRAY:
                return ByteArrays.construct(in, args, kw);
            case K_MEMORYVIEW:
                return MemoryViews.construct(in, args, kw);
            case K_TYPE: {
                if (n == 1) {
                    if (kw != null && kw.length > 0) {
                        throw in.typeError("type() takes no keyword arguments");
                    }
                    return in.incref(m.objectSpace().typeOf(args[0]));
                }
                if (n != 3) {
                    throw in.typeError("type() takes 1 or 3 arguments");
                }
                return Classes.typeThreeArgs(in, args, kw);
            }
            case K_BOOL:
                return in.bool(n > 0 && in.truthy(args[0]));
            case K_INT: {
                if (n == 0) {
                    return in.newInt(0);
                }
                long v = args[0];
                int k = in.kind(v);
                if (k == K_INT) {
                    // an int subclass's instance gives its own __int__, or a plain int of its value
                    PyClass vc = in.classOf(v);
                    long own = vc.builtinSubclass ? in.lookup(vc, in.internStr("__int__")) : 0;
                    return own != 0 ? in.callMethod(own, v) : vc.builtinSubclass ? in.newInt(m.bigIntValue(v)) : in.incref(v);
                }
                if (k == K_BOOL) {
                    return in.newInt(v == in.trueObj ? 1 : 0);
                }
                if (k == K_FLOAT) {
                    double d = m.floatValue(v);
                    if (Double.isNaN(d)) {
                        throw in.error("ValueError", "cannot convert float NaN to integer");
                    }
                    if (Double.isInfinite(d)) {
                        throw in.error("OverflowError", "cannot convert float infinity to integer");
                    }
                    return in.newInt(new java.math.BigDecimal(d).toBigInteger());
                }
                if (k == K_STR) {
                    String s = m.strValue(v).strip().replace("_", "");
                    int base = n > 1 ? (int) m.intValue(args[1]) : kwBase(in, args, kw, n);
                    try {
                        if (base == 0 || base == 16 && s.toLowerCase().startsWith("0x")) {
                            String t = s.toLowerCase();
                            boolean neg = t.startsWith("-");
                            if (neg || t.startsWith("+")) {
                                t = t.substring(1);
                            }
                            int b = t.startsWith("0x") ? 16 : t.startsWith("0b") ? 2 : t.startsWith("0o") ? 8 : 10;
                            if (b != 10) {
                                t = t.substring(2);
                            }
                            checkStrDigits(in, t, b);
                            BigInteger r = new BigInteger(t, b);
                            return in.newInt(neg ? r.negate() : r);
                        }
                        if ((base == 2 && s.toLowerCase().startsWith("0b")) || (base == 8 && s.toLowerCase().startsWith("0o"))) {
                            s = s.substring(2);
                        }
                        String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
                        checkStrDigits(in, digits, base);
                        return in.newInt(new BigInteger(s.startsWith("+") ? digits : s, base));
                    } catch (NumberFormatException e) {
                        throw in.error("ValueError", "invalid literal for int() with base " + base + ": " + in.repr(v));
                    }
                }
                if (k == K_INSTANCE) {
                    long fn = in.lookup(in.classOf(v), in.internStr("__int__"));
                    if (fn == 0) {
                        fn = in.lookup(in.classOf(v), in.internStr("__index__"));
                    }
                    if (fn != 0) {
                        return in.callMethod(fn, v);
                    }
                }
                throw in.typeError("int() argument must be a string, a bytes-like object or a real number, not '" + in.classOf(v).name + "'");
            }
            case K_FLOAT: {
                if (n == 0) {
                    return m.newFloat(0.0);
                }
                long v = args[0];
                int k = in.kind(v);
                if (k == K_FLOAT) {
                    PyClass vc = in.classOf(v);
                    long own = vc.builtinSubclass ? in.lookup(vc, in.internStr("__float__")) : 0;
                    return own != 0 ? in.callMethod(own, v) : vc.builtinSubclass ? m.newFloat(m.floatValue(v)) : in.incref(v);
                }
                if (k == K_INT || k == K_BOOL) {
                    return m.newFloat(Operators.toDouble(in, v));
                }
                if (k == K_STR) {
                    String s = m.strValue(v).strip().toLowerCase();
                    try {
                        return m.newFloat(switch (s) {
                            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
                            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                            case "nan", "+nan", "-nan" -> Double.NaN;
                            default -> {
                                if (!s.matches("[+-]?(\\d[\\d_]*)?(\\.\\d*)?(e[+-]?\\d+)?")) {
                                    throw new NumberFormatException();
                                }
                                yield Double.parseDouble(s.replace("_", ""));
                            }
                        });
                    } catch (NumberFormatException e) {
                        throw in.error("ValueError", "could not convert string to float: " + in.repr(v));
                    }
                }
                if (k == K_INSTANCE) {
                    long fn = in.lookup(in.classOf(v), in.internStr("__float__"));
                    if (fn != 0) {
                        return in.callMethod(fn, v);
                    }
                }
                throw in.typeError("float() argument must be a string or a real number, not '" + in.classOf(v).name + "'");
            }
            case K_STR: {
                long object = Methods.arg(args, kw, 0, "object");
                if (object == 0) {
                    return in.newStr("");
                }
                if (in.kind(object) == K_STR && !in.classOf(object).builtinSubclass) {
                    return in.incref(object);
                }
                boolean decoding = n > 1 || kwValue(args, kw, "encoding") != 0 || kwValue(args, kw, "errors") != 0;
                if ((in.kind(object) == K_BYTES || in.kind(object) == K_BYTEARRAY) && decoding) {
                    return in.newStr(Codecs.decode(in, ByteArrays.buffer(in, object), Methods.textArg(in, args, kw, 1, "encoding", "utf-8", "str"),
                            Methods.textArg(in, args, kw, 2, "errors", "strict", "str")));
                }
                return in.strObject(object);
            }
            case K_BYTES: {
                long source = Methods.arg(args, kw, 0, "source");
                if (source == 0) {
                    return m.newBytes(new byte[0]);
                }
                int k = in.kind(source);
                if (k == K_STR) {
                    long encoding = Methods.arg(args, kw, 1, "encoding");
                    if (encoding == 0) {
                        throw in.typeError("string argument without an encoding");
                    }
                    return m.newBytes(Codecs.encode(in, m.strValue(source), Methods.textArg(in, args, kw, 1, "encoding", "utf-8", "bytes"),
                            Methods.textArg(in, args, kw, 2, "errors", "strict", "bytes")));
                }
                if (k == K_INT) {
                    return m.newBytes(new byte[(int) m.intValue(source)]);
                }
                if (k == K_BYTES) {
                    return in.classOf(source).builtinSubclass ? m.newBytes(m.bytesValue(source)) : in.incref(source);
                }
                if (k == K_BYTEARRAY || k == K_MEMORYVIEW) {
                    return m.newBytes(ByteArrays.buffer(in, source)); // _PyBytes_FromBuffer
                }
                List<Long> items = in.toList(source);
                byte[] b = new byte[items.size()];
                try {
                    for (int i = 0; i < b.length; i++) {
                        int value = ByteArrays.byteValue(in, items.get(i));
                        b[i] = (byte) value;
                    }
                } catch (PyRaise e) {
                    if (in.exceptionMatches(e.exc, in.exceptions.get("ValueError"))) {
                        in.m.decref(e.exc);
                        throw in.error("ValueError", "bytes must be in range(0, 256)"); // bytes' own wording
                    }
                    throw e;
                } finally {
                    in.release(Interp.toArray(items));
                }
                return m.newBytes(b);
            }
            case K_TUPLE: {
                if (n == 0) {
                    return m.newTuple();
                }
                if (in.kind(args[0]) == K_TUPLE && !in.classOf(args[0]).builtinSubclass) {
                    return in.incref(args[0]);
                }
                List<Long> items = in.toList(args[0]);
                long t = m.newTuple(Interp.toArray(items));
                in.release(Interp.toArray(items));
                return t;
            }
            case K_LIST: {
                long l = m.newList();
                if (n > 0) {
                    try {
                        in.listExtend(l, args[0]); // list.__init__: list_extend
                    } catch (RuntimeException e) {
                        m.decref(l);
                        throw e;
                    }
                }
                return l;
            }
            case K_DICT: {
                long d = m.newDict();
                try {
                    if (n > 0) {
                        if (in.kind(args[0]) == K_DICT) {
                            in.os.dictMerge(d, args[0]);
                        } else if (!mergeFromMapping(in, d, args[0])) {
                            mergeFromPairs(in, d, args[0]);
                        }
                    }
                    if (kw != null) {
                        for (int i = 0; i < kw.length; i++) {
                            m.dictSet(d, in.internStr(kw[i]), args[n + i]);
                        }
                    }
                } catch (RuntimeException e) {
                    m.decref(d);
                    throw e;
                }
                return d;
            }
            case K_SET, K_FROZENSET: {
                if (n == 0) {
                    return c.kind == K_SET ? m.newSet() : m.newFrozenSet();
                }
                if (c.kind == K_FROZENSET && in.kind(args[0]) == K_FROZENSET && !in.classOf(args[0]).builtinSubclass) {
                    return in.incref(args[0]);
                }
                if (in.os.setMergeable(args[0])) {
                    long made = c.kind == K_SET ? m.newSet() : m.newFrozenSet();
                    try {
                        in.os.setUpdateFrom(made, args[0]); // make_new_set: a set or dict merged in one resize
                    } catch (RuntimeException e) {
                        m.decref(made);
                        throw e;
                    }
                    return made;
                }
                List<Long> items = in.toList(args[0]);
                long[] arr = Interp.toArray(items);
                try {
                    return c.kind == K_SET ? m.newSet(arr) : m.newFrozenSet(arr);
                } finally {
                    in.release(arr);
                }
            }
            case K_SLICE: {
                if (n < 1 || n > 3) {
                    throw in.typeError("slice expected at " + (n < 1 ? "least 1 argument" : "most 3 arguments") + ", got " + n);
                }
                return Operators.newSlice(in, n > 1 ? args[0] : in.none, n > 1 ? args[1] : args[0], n > 2 ? args[2] : in.none);
            }
            case K_RANGE: {
                long start = n > 1 ? args[0] : 0;
                long stop = n > 1 ? args[1] : args[0];
                long step = n > 2 ? args[2] : 0;
                for (long a : new long[] {start, stop, step}) {
                    if (a != 0 && in.kind(a) != K_INT && in.kind(a) != K_BOOL) {
                        throw in.typeError("'" + in.classOf(a).name + "' object cannot be interpreted as an integer");
                    }
                }
                if (step != 0 && m.bigIntValue(step).signum() == 0) {
                    throw in.error("ValueError", "range() arg 3 must not be zero");
                }
                long r = m.objectSpace().newHostObject(in.tRange);
                long zero = in.newInt(0);
                long one = in.newInt(1);
                m.objectSpace().setHostSlot(r, 0, start == 0 ? zero : start);
                m.objectSpace().setHostSlot(r, 1, stop);
                m.objectSpace().setHostSlot(r, 2, step == 0 ? one : step);
                m.decref(zero);
                m.decref(one);
                return r;
            }
            case K_SUPER:
                if (kw != null && kw.length > 0) {
                    throw in.typeError("super() takes no keyword arguments");
                }
                if (n > 2) {
                    throw in.typeError("super() expected at most 2 arguments, got " + n);
                }
                if (n == 0) { // a method's super() is compiled with its class and instance; here there is no cell
                    Frame caller = in.current;
                    boolean hasArgs = caller != null && caller.classNs == 0 && caller.code.posCount > 0;
                    throw in.error("RuntimeError", !hasArgs ? "super(): no arguments"
                            : caller.locals.length > 0 && caller.locals[0] == 0 ? "super(): arg[0] deleted"
                            : "super(): __class__ cell not found");
                }
                if (in.kind(args[0]) != K_TYPE) {
                    throw in.typeError("super() argument 1 must be a type, not " + in.classOf(args[0]).name);
                }
                if (n == 1) {
                    throw in.error("NotImplementedError", "unbound super objects (super() with one argument)");
                }
                return Classes.newSuper(in, args[0], args[1]);
            case K_PROPERTY: {
                long p = m.objectSpace().newHostObject(in.tProperty);
                String[] accessors = {"fget", "fset", "fdel"};
                for (int i = 0; i < accessors.length; i++) {
                    long accessor = Methods.arg(args, kw, i, accessors[i]);
                    if (accessor != 0 && accessor != in.none) {
                        m.objectSpace().setHostSlot(p, i, accessor);
                    }
                }
                return p;
            }
            case K_WEAKKEYDICT: {
                long d = WeakKeyDict.create(in);
                if (n > 0) {
                    try {
                        for (long k : in.toList(args[0])) {
                            try {
                                WeakKeyDict.of(in, d).set(k, m.dictGet(args[0], k));
                            } finally {
                                m.decref(k);
                            }
                        }
                    } catch (RuntimeException e) {
                        m.decref(d);
                        throw e;
                    }
                }
                return d;
            }
            case K_WEAKVALUEDICT: {
                long d = WeakValueDict.create(in);
                if (n > 0) {
                    for (long k : in.toList(args[0])) {
                        WeakValueDict.of(in, d).set(k, m.dictGet(args[0], k));
                        m.decref(k);
                    }
                }
                return d;
            }
            case K_STATICMETHOD, K_CLASSMETHOD: {
                long p = m.objectSpace().newHostObject(type);
                m.objectSpace().setHostSlot(p, 0, args[0]);
                return p;
            }
            case K_METHOD: { // types.MethodType(function, instance)
                if (n != 2 || (kw != null && kw.length > 0)) {
                    throw in.typeError("method expected 2 arguments, got " + n);
                }
                if (!in.isCallable(args[0])) {
                    throw in.typeError("first argument must be callable");
                }
                if (args[1] == in.none) {
                    throw in.typeError("instance must not be None");
                }
                return in.newMethod(args[0], args[1]);
            }
            default:
                throw in.typeError("cannot create '" + c.name + "' instances");
        }
    }

    /** int(str): CPython's limit on the decimal digits of a str for bases that are not powers of two. */
    private static void checkStrDigits(Interp in, String digits, int base) {
        if (in.maxStrDigits > 0 && Integer.bitCount(base) != 1 && digits.length() > in.maxStrDigits) {
            throw in.error("ValueError", "Exceeds the limit (" + in.maxStrDigits + " digits) for integer string conversion: "
                    + "value has " + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
    }

    // ---- type attributes ----

    static long typeAttr(Interp in, long type, PyClass t, String name) {
        if (t == null) {
            return 0;
        }
        if (Interp.isValueKind(t.kind) && Methods.isTypeLevel(t.kind, name)) {
            // a static or class method: str.maketrans(...), dict.fromkeys(...), int.from_bytes(...)
            return in.newBuiltin(name, type, (inn, cls, a, kw) -> Methods.callTypeLevel(inn, cls, t.kind, name, a, kw));
        }
        if (Interp.isValueKind(t.kind) && !name.equals("__class__") && Methods.hasAttribute(in, t.kind, name)) {
            // unbound method (a method_descriptor): list.append(lst, x), the receiver an instance of the type
            return in.typeDescriptor(t.name + "." + name, () -> in.newBuiltin(in.tMethodDescriptor, name, t.kind == K_BOOL ? "int" : t.name, 0, (inn, self, a, kw) -> {
                if (Builtins.npos(a, kw) == 0) {
                    throw inn.typeError("unbound method " + t.name + "." + name + "() needs an argument");
                }
                if (!inn.isSubclass(inn.classOf(a[0]), t)) {
                    throw inn.typeError("descriptor '" + name + "' for '" + t.name + "' objects doesn't apply to a '"
                            + inn.classOf(a[0]).name + "' object");
                }
                long[] rest = java.util.Arrays.copyOfRange(a, 1, a.length);
                long r = callMethod(inn, a[0], inn.classOf(a[0]), name, rest, kw);
                if (r == 0) {
                    throw inn.error("AttributeError", "type object '" + t.name + "' has no attribute '" + name + "'");
                }
                return r;
            }));
        }
        return 0;
    }

    /** The error of setting or deleting an attribute of an object without a __dict__, worded as CPython's. */
    static PyRaise cannotSetAttribute(Interp in, long obj, PyClass c, String name, boolean delete) {
        boolean builtinValue = Interp.isValueKind(c.kind) || c.kind == K_RANGE;
        if (builtinValue && name.equals("__class__") && !delete) {
            return in.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        if (c.kind == K_RANGE && (name.equals("start") || name.equals("stop") || name.equals("step"))) {
            return in.error("AttributeError", "readonly attribute");
        }
        boolean number = c.kind == K_INT || c.kind == K_BOOL || c.kind == K_FLOAT;
        if (number && (name.equals("real") || name.equals("imag")
                || c.kind != K_FLOAT && (name.equals("numerator") || name.equals("denominator")))) {
            // the data descriptors live on int (bool inherits them) and float
            return in.error("AttributeError", "attribute '" + name + "' of '" + (c.kind == K_FLOAT ? "float" : "int")
                    + "' objects is not writable");
        }
        if (builtinValue && Methods.hasAttribute(in, c.kind, name)) {
            return in.error("AttributeError", "'" + c.name + "' object attribute '" + name + "' is read-only");
        }
        return in.error("AttributeError", "'" + c.name + "' object has no attribute '" + name + "'"
                + (in.minor >= 13 ? " and no __dict__ for setting new attributes" : ""));
    }

    static long methodObject(Interp in, long obj, PyClass c, String name) {
        if (!Interp.isValueKind(c.kind) && c.kind != K_RANGE) {
            return 0;
        }
        if (c.kind == K_RANGE) {
            return switch (name) {
                case "start" -> in.incref(in.os.hostSlot(obj, 0));
                case "stop" -> in.incref(in.os.hostSlot(obj, 1));
                case "step" -> in.incref(in.os.hostSlot(obj, 2));
                case "__class__" -> in.incref(c.address);
                default -> 0;
            };
        }
        if (!Methods.hasAttribute(in, c.kind, name)) {
            return 0;
        }
        if (c.kind == K_MEMORYVIEW) {
            long attribute = MemoryViews.attribute(in, obj, name);
            if (attribute != 0) {
                return attribute;
            }
        }
        if (name.equals("__class__")) {
            return in.incref(c.address);
        }
        if ((c.kind == K_INT || c.kind == K_BOOL) && (name.equals("real") || name.equals("numerator"))) {
            return in.newInt(in.m.bigIntValue(obj));
        }
        if ((c.kind == K_INT || c.kind == K_BOOL) && name.equals("denominator")) {
            return in.newInt(1);
        }
        if ((c.kind == K_INT || c.kind == K_BOOL) && name.equals("imag")) {
            return in.newInt(0);
        }
        if (c.kind == K_FLOAT && name.equals("real")) {
            return in.incref(obj);
        }
        if (c.kind == K_FLOAT && name.equals("imag")) {
            return in.m.newFloat(0.0);
        }
        return in.newBuiltin(name, obj, (inn, self, a, kw) -> {
            long r = callMethod(inn, self, inn.classOf(self), name, a, kw);
            if (r == 0) {
                throw inn.error("AttributeError", "'" + inn.classOf(self).name + "' object has no attribute '" + name + "'");
            }
            return r;
        });
    }

    // ---- formatting ----

    static String format(Interp in, long v, String spec) {
        PyClass c = in.classOf(v);
        int k = c.kind;
        if (c.builtinSubclass) {
            // the subclass's __format__, else the built-in's, which for an empty spec is str(v)
            long fn = in.lookup(c, in.internStr("__format__"));
            if (fn != 0) {
                k = K_INSTANCE;
            } else if (spec.isEmpty()) {
                return in.str(v);
            }
        }
        try {
            switch (k) {
                case K_INT:
                    return in.formatInt(in.m.bigIntValue(v), spec);
                case K_BOOL:
                    return spec.isEmpty() ? in.str(v) : in.formatInt(in.m.bigIntValue(v), spec);
                case K_FLOAT:
                    return Formats.formatFloat(in.m.floatValue(v), spec);
                case K_STR:
                    return Formats.formatStr(in.m.strValue(v), spec);
                case K_INSTANCE: {
                    long fn = in.lookup(in.classOf(v), in.internStr("__format__"));
                    if (fn != 0) {
                        long s = in.newStr(spec);
                        long r = in.callMethod(fn, v, s);
                        in.m.decref(s);
                        try {
                            return in.m.strValue(r);
                        } finally {
                            in.m.decref(r);
                        }
                    }
                    return Formats.formatStr(in.str(v), spec);
                }
                default:
                    if (spec.isEmpty()) {
                        return in.str(v);
                    }
                    return Formats.formatStr(in.str(v), spec);
            }
        } catch (IllegalArgumentException e) {
            throw in.error("ValueError", e.getMessage());
        }
    }

    static String percentFormat(Interp in, String fmt, long args) {
        Mutator m = in.m;
        List<Long> vals = new ArrayList<>();
        if (in.kind(args) == K_TUPLE) {
            for (int i = 0; i < m.len(args); i++) {
                vals.add(m.tupleGet(args, i));
            }
        } else {
            vals.add(args);
        }
        StringBuilder sb = new StringBuilder();
        int vi = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                sb.append(ch);
                continue;
            }
            i++;
            if (fmt.charAt(i) == '%') {
                sb.append('%');
                continue;
            }
            long v;
            long looked = 0;
            if (fmt.charAt(i) == '(') {
                if (!isMapping(in, args)) {
                    throw in.typeError("format requires a mapping");
                }
                int close = fmt.indexOf(')', i);
                if (close < 0) {
                    throw in.error("ValueError", "incomplete format key");
                }
                long key = in.newStr(fmt.substring(i + 1, close));
                try {
                    v = looked = Operators.getitem(in, args, key); // KeyError for a missing key, as CPython's
                } finally {
                    m.decref(key);
                }
                i = close + 1;
            } else {
                if (vi >= vals.size()) {
                    throw in.typeError("not enough arguments for format string");
                }
                v = vals.get(vi++);
            }
            int st = i;
            while ("-+ #0123456789.".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            String flags = fmt.substring(st, i);
            char conv = fmt.charAt(i);
            // %-formatting right-aligns unless the '-' flag says left
            String spec = flags.startsWith("-") ? "<" + flags.substring(1) : flags.startsWith("0") ? flags : ">" + flags;
            if (spec.equals(">")) {
                spec = "";
            }
            try {
                appendConverted(in, sb, conv, v, spec);
            } finally {
                if (looked != 0) {
                    m.decref(looked);
                }
            }
        }
        if (vi < vals.size() && !isMapping(in, args)) {
            throw in.typeError("not all arguments converted during string formatting");
        }
        return sb.toString();
    }

    /**
     * PyMapping_Check for %-formatting: %(key) looks a name up in any object with __getitem__ but a tuple or str
     * (asked only when a %(key) or a left-over argument needs it, off the common path).
     */
    private static boolean isMapping(Interp in, long args) {
        int k = in.kind(args);
        return k == K_DICT || k == K_LIST || k == K_BYTES || k == K_BYTEARRAY || k == K_RANGE || k == K_MEMORYVIEW
                || k != K_TUPLE && k != K_STR && in.lookup(in.classOf(args), in.internStr("__getitem__")) != 0;
    }

    /** One %-conversion of value v with its flags as a format spec. */
    private static void appendConverted(Interp in, StringBuilder sb, char conv, long v, String spec) {
        Mutator m = in.m;
        switch (conv) {
            case 's' -> sb.append(Formats.formatStr(in.str(v), spec));
            case 'r', 'a' -> sb.append(Formats.formatStr(in.repr(v), spec));
            case 'd', 'i', 'u' -> sb.append(in.formatInt(in.kind(v) == K_FLOAT
                    ? new java.math.BigDecimal(m.floatValue(v)).toBigInteger() : m.bigIntValue(v), spec));
            case 'x', 'X', 'o' -> sb.append(Formats.formatInt(m.bigIntValue(v), spec + conv));
            case 'f', 'F', 'e', 'E', 'g', 'G' -> sb.append(Formats.formatFloat(Operators.toDouble(in, v), spec + conv));
            case 'c' -> sb.append(in.kind(v) == K_STR ? m.strValue(v) : new String(Character.toChars((int) m.intValue(v))));
            default -> throw in.error("ValueError", "unsupported format character '" + conv + "'");
        }
    }

    // ---- methods of the built-in types (args borrowed; 0 when there is no such method) ----

    static long callMethod(Interp in, long self, PyClass c, String name, long[] args, String[] kw) {
        return Methods.call(in, self, c, name, args, kw);
    }
}
