package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.pymemlab.frontend.ast.Ops.BinOpKind;
import org.pymemlab.frontend.ast.Ops.CmpOpKind;
import org.pymemlab.runtime.PyException;

/** Binary and unary operators, comparisons, subscripts and membership. Arguments borrowed, results new. */
final class Operators {

    private Operators() {
    }

    private static String dunder(BinOpKind op) {
        return switch (op) {
            case ADD -> "add";
            case SUB -> "sub";
            case MULT -> "mul";
            case MATMULT -> "matmul";
            case DIV -> "truediv";
            case MOD -> "mod";
            case POW -> "pow";
            case LSHIFT -> "lshift";
            case RSHIFT -> "rshift";
            case BITOR -> "or";
            case BITXOR -> "xor";
            case BITAND -> "and";
            case FLOORDIV -> "floordiv";
        };
    }

    /** The interned name of an operator's method: form 0 {@code __add__}, 1 {@code __iadd__}, 2 {@code __radd__}. */
    private static long dunderName(Interp in, BinOpKind op, int form) {
        long name = in.binaryDunders[form][op.ordinal()];
        if (name == 0) {
            String prefix = form == 0 ? "__" : form == 1 ? "__i" : "__r";
            name = in.internStr(prefix + dunder(op) + "__");
            in.binaryDunders[form][op.ordinal()] = name;
        }
        return name;
    }

    static long binary(Interp in, BinOpKind op, long a, long b, boolean inplace) {
        var m = in.m;
        PyClass ca = in.classOf(a);
        PyClass cb = in.classOf(b);
        int ka = ca.kind;
        int kb = cb.kind;
        try {
            // a subclass of int or float may define the operator: it is asked below, before the built-in's
            boolean plainNumbers = !ca.builtinSubclass && !cb.builtinSubclass;
            if ((ka == K_INT || ka == K_BOOL) && (kb == K_INT || kb == K_BOOL) && plainNumbers) {
                return intOp(in, op, a, b);
            }
            if ((ka <= K_FLOAT && ka >= K_BOOL) && (kb <= K_FLOAT && kb >= K_BOOL) && plainNumbers) {
                return floatOp(in, op, toDouble(in, a), toDouble(in, b));
            }
            if (ka == K_INSTANCE || kb == K_INSTANCE) {
                if (op == BinOpKind.MOD && ka == K_STR && !ca.builtinSubclass) {
                    // str.__mod__ comes first and takes any right operand: "%s" % obj, "%(k)s" % mapping
                    return in.newStr(Builtins.percentFormat(in, m.strValue(a), b));
                }
                long r = userBinary(in, op, a, b, inplace, ka == K_INSTANCE, kb == K_INSTANCE);
                if (r != 0) {
                    return r;
                }
                throw unsupported(in, op, a, b, inplace);
            }
            // a built-in's subclass may define the operator; otherwise the built-in's applies
            boolean subA = ca.builtinSubclass;
            boolean subB = cb.builtinSubclass;
            if (subA || subB) {
                long r = userBinary(in, op, a, b, inplace, subA, subB);
                if (r != 0) {
                    return r;
                }
                if ((ka == K_INT || ka == K_BOOL) && (kb == K_INT || kb == K_BOOL)) {
                    return intOp(in, op, a, b);
                }
                if ((ka <= K_FLOAT && ka >= K_BOOL) && (kb <= K_FLOAT && kb >= K_BOOL)) {
                    return floatOp(in, op, toDouble(in, a), toDouble(in, b));
                }
            }
            switch (op) {
                case ADD:
                    if (ka == K_STR && kb == K_STR) {
                        return in.newStr(m.strValue(a) + m.strValue(b));
                    }
                    if (ka == K_LIST && kb == K_LIST) {
                        if (inplace) {
                            in.listExtend(a, b);
                            return in.incref(a);
                        }
                        return concat(in, a, b, true);
                    }
                    if (ka == K_TUPLE && kb == K_TUPLE) {
                        return concat(in, a, b, false);
                    }
                    if (ka == K_BYTEARRAY && inplace) {
                        return ByteArrays.inplaceConcat(in, a, b);
                    }
                    if (ka == K_BYTEARRAY || ka == K_BYTES && (kb == K_BYTEARRAY || kb == K_MEMORYVIEW)) {
                        return ByteArrays.concat(in, a, b);
                    }
                    if (ka == K_BYTES && kb == K_BYTES) {
                        byte[] x = m.bytesValue(a);
                        byte[] y = m.bytesValue(b);
                        byte[] z = java.util.Arrays.copyOf(x, x.length + y.length);
                        System.arraycopy(y, 0, z, x.length, y.length);
                        return m.newBytes(z);
                    }
                    if (ka == K_LIST && inplace) {
                        in.listExtend(a, b);
                        return in.incref(a);
                    }
                    break;
                case MULT:
                    if (ka == K_BYTEARRAY && (kb == K_INT || kb == K_BOOL)) {
                        return ByteArrays.repeat(in, a, m.intValue(b), inplace);
                    }
                    if (kb == K_BYTEARRAY && (ka == K_INT || ka == K_BOOL)) {
                        return ByteArrays.repeat(in, b, m.intValue(a), false);
                    }
                    if ((ka == K_INT || ka == K_BOOL) && kb >= K_STR && kb <= K_LIST) {
                        return repeat(in, b, m.intValue(a));
                    }
                    if ((kb == K_INT || kb == K_BOOL) && ka >= K_STR && ka <= K_LIST) {
                        return repeat(in, a, m.intValue(b));
                    }
                    break;
                case MOD:
                    if (ka == K_STR) {
                        return in.newStr(Builtins.percentFormat(in, m.strValue(a), b));
                    }
                    break;
                case BITOR, BITAND, SUB, BITXOR:
                    if ((ka == K_SET || ka == K_FROZENSET) && (kb == K_SET || kb == K_FROZENSET)) {
                        return setOp(in, op, a, b, ka, inplace);
                    }
                    if (ka == K_DICTVIEW || kb == K_DICTVIEW) {
                        long r = DictViews.setOperator(in, op, a, b);
                        if (r != 0) {
                            return r;
                        }
                    }
                    if (op == BinOpKind.BITOR && ka == K_DICT && kb == K_DICT) {
                        long d;
                        if (inplace) {
                            d = in.incref(a);
                        } else {
                            d = m.newDict();
                            in.os.dictForEach(a, (k, v) -> m.dictSet(d, k, v));
                        }
                        in.os.dictForEach(b, (k, v) -> m.dictSet(d, k, v));
                        return d;
                    }
                    break;
                default:
                    break;
            }
        } catch (PyException e) {
            throw in.convert(e);
        }
        throw unsupported(in, op, a, b, inplace);
    }

    /**
     * The operator of a class made by the program: a's {@code __iop__} (in place) or {@code __op__}, then b's
     * {@code __rop__}; 0 when none is defined or all return NotImplemented. New reference.
     */
    private static long userBinary(Interp in, BinOpKind op, long a, long b, boolean inplace, boolean left, boolean right) {
        if (left) {
            PyClass ca = in.classOf(a);
            long r = inplace ? in.callIfImplemented(ca, dunderName(in, op, 1), a, b) : 0;
            if (r == 0) {
                r = in.callIfImplemented(ca, dunderName(in, op, 0), a, b);
            }
            if (r != 0) {
                return r;
            }
        }
        return right ? in.callIfImplemented(in.classOf(b), dunderName(in, op, 2), b, a) : 0;
    }

    private static PyRaise unsupported(Interp in, BinOpKind op, long a, long b) {
        return unsupported(in, op, a, b, false);
    }

    /** The TypeError of an operator no operand supports; an augmented assignment names its own operator. */
    private static PyRaise unsupported(Interp in, BinOpKind op, long a, long b, boolean inplace) {
        String sym = inplace ? op.symbol() + "=" : op.symbol();
        if (op == BinOpKind.POW) {
            sym = inplace ? "**=" : "** or pow()";
        }
        return in.typeError("unsupported operand type(s) for " + sym + ": '" + in.classOf(a).name + "' and '"
                + in.classOf(b).name + "'");
    }

    static double toDouble(Interp in, long v) {
        int k = in.kind(v);
        if (k == K_FLOAT) {
            return in.m.floatValue(v);
        }
        BigInteger bi = in.m.bigIntValue(v);
        if (bi.bitLength() > 1024) {
            throw in.error("OverflowError", "int too large to convert to float");
        }
        return bi.doubleValue();
    }

    static long intOp(Interp in, BinOpKind op, long a, long b) {
        var m = in.m;
        var os = in.os;
        if (os.intFitsLong(a) && os.intFitsLong(b) && in.kind(a) == K_INT && in.kind(b) == K_INT) {
            long x = os.intValue(a);
            long y = os.intValue(b);
            try {
                switch (op) {
                    case ADD:
                        return m.newMediumInt(Math.addExact(x, y));
                    case SUB:
                        return m.newMediumInt(Math.subtractExact(x, y));
                    case MULT:
                        return m.newMediumInt(Math.multiplyExact(x, y));
                    case FLOORDIV:
                        if (y != 0 && !(x == Long.MIN_VALUE && y == -1)) {
                            return m.newMediumInt(Math.floorDiv(x, y));
                        }
                        break;
                    case MOD:
                        if (y != 0) {
                            return m.newMediumInt(Math.floorMod(x, y));
                        }
                        break;
                    case BITAND:
                        return m.newInt(x & y);
                    case BITOR:
                        return m.newInt(x | y);
                    case BITXOR:
                        return m.newInt(x ^ y);
                    case RSHIFT:
                        if (y >= 0) {
                            return m.newInt(x >> Math.min(y, 63));
                        }
                        break;
                    default:
                        break;
                }
            } catch (ArithmeticException overflow) {
                // fall through to arbitrary precision
            }
        }
        BigInteger x = m.bigIntValue(a);
        BigInteger y = m.bigIntValue(b);
        BigInteger r;
        switch (op) {
            case ADD -> r = x.add(y);
            case SUB -> r = x.subtract(y);
            case MULT -> r = x.multiply(y);
            case DIV -> {
                if (y.signum() == 0) {
                    throw in.error("ZeroDivisionError", "division by zero");
                }
                return m.newFloat(trueDiv(x, y));
            }
            case FLOORDIV -> {
                if (y.signum() == 0) {
                    throw in.error("ZeroDivisionError", "integer division or modulo by zero");
                }
                BigInteger[] qr = x.divideAndRemainder(y);
                r = qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
            }
            case MOD -> {
                if (y.signum() == 0) {
                    throw in.error("ZeroDivisionError", "integer modulo by zero");
                }
                BigInteger mod = x.mod(y.abs());
                r = y.signum() < 0 && mod.signum() != 0 ? mod.add(y) : mod;
            }
            case POW -> {
                if (y.signum() < 0) {
                    if (x.signum() == 0) {
                        throw in.error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                    }
                    return m.newFloat(Math.pow(x.doubleValue(), y.doubleValue()));
                }
                r = x.pow(y.intValueExact());
            }
            case LSHIFT -> {
                if (y.signum() < 0) {
                    throw in.error("ValueError", "negative shift count");
                }
                r = x.shiftLeft(y.intValueExact());
            }
            case RSHIFT -> {
                if (y.signum() < 0) {
                    throw in.error("ValueError", "negative shift count");
                }
                r = x.shiftRight(Math.min(y.intValue(), Integer.MAX_VALUE));
            }
            case BITAND -> {
                if (in.kind(a) == K_BOOL && in.kind(b) == K_BOOL) {
                    return in.bool(x.and(y).signum() != 0);
                }
                r = x.and(y);
            }
            case BITOR -> {
                if (in.kind(a) == K_BOOL && in.kind(b) == K_BOOL) {
                    return in.bool(x.or(y).signum() != 0);
                }
                r = x.or(y);
            }
            case BITXOR -> {
                if (in.kind(a) == K_BOOL && in.kind(b) == K_BOOL) {
                    return in.bool(x.xor(y).signum() != 0);
                }
                r = x.xor(y);
            }
            default -> throw unsupported(in, op, a, b);
        }
        return in.newInt(r);
    }

    private static double trueDiv(BigInteger x, BigInteger y) {
        if (x.bitLength() < 53 && y.bitLength() < 53) {
            return x.doubleValue() / y.doubleValue();
        }
        return new java.math.BigDecimal(x).divide(new java.math.BigDecimal(y), java.math.MathContext.DECIMAL64).doubleValue();
    }

    static long floatOp(Interp in, BinOpKind op, double x, double y) {
        double r;
        switch (op) {
            case ADD -> r = x + y;
            case SUB -> r = x - y;
            case MULT -> r = x * y;
            case DIV -> {
                if (y == 0) {
                    throw in.error("ZeroDivisionError", "float division by zero");
                }
                r = x / y;
            }
            case FLOORDIV -> {
                if (y == 0) {
                    throw in.error("ZeroDivisionError", "float floor division by zero");
                }
                r = Math.floor(x / y);
            }
            case MOD -> {
                if (y == 0) {
                    throw in.error("ZeroDivisionError", in.minor >= 13 ? "float modulo by zero" : "float modulo");
                }
                r = x % y;
                if (r != 0 && (r < 0) != (y < 0)) {
                    r += y;
                }
            }
            case POW -> r = Math.pow(x, y);
            default -> throw in.typeError("unsupported operand type(s) for " + op.symbol() + ": 'float' and 'float'");
        }
        return in.m.newFloat(r);
    }


    static long concat(Interp in, long a, long b, boolean list) {
        var m = in.m;
        long na = m.len(a);
        long nb = m.len(b);
        long[] items = new long[(int) (na + nb)];
        for (int i = 0; i < na; i++) {
            items[i] = list ? m.listGet(a, i) : m.tupleGet(a, i);
        }
        for (int i = 0; i < nb; i++) {
            items[(int) na + i] = list ? m.listGet(b, i) : m.tupleGet(b, i);
        }
        return list ? m.newList(items) : m.newTuple(items);
    }

    static long repeat(Interp in, long seq, long n) {
        var m = in.m;
        int k = in.kind(seq);
        n = Math.max(0, n);
        if (k == K_STR) {
            return in.newStr(m.strValue(seq).repeat((int) n));
        }
        if (k == K_BYTES) {
            byte[] b = m.bytesValue(seq);
            byte[] r = new byte[(int) (b.length * n)];
            for (int i = 0; i < n; i++) {
                System.arraycopy(b, 0, r, i * b.length, b.length);
            }
            return m.newBytes(r);
        }
        long len = m.len(seq);
        long[] items = new long[(int) (len * n)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < len; j++) {
                items[(int) (i * len + j)] = k == K_LIST ? m.listGet(seq, j) : m.tupleGet(seq, j);
            }
        }
        return k == K_LIST ? m.newList(items) : m.newTuple(items);
    }

    /** A set operator, in place on a set for the augmented forms: {@link SetOps} runs CPython's algorithm. */
    static long setOp(Interp in, BinOpKind op, long a, long b, int ka, boolean inplace) {
        if (inplace && ka == K_SET) {
            switch (op) {
                case BITOR -> SetOps.update(in, a, b);
                case BITAND -> SetOps.intersectionUpdate(in, a, b);
                case SUB -> SetOps.differenceUpdate(in, a, b);
                default -> SetOps.symmetricDifferenceUpdate(in, a, b);
            }
            return in.incref(a);
        }
        return switch (op) {
            case BITOR -> SetOps.union(in, a, b);
            case BITAND -> SetOps.intersection(in, a, b);
            case SUB -> SetOps.difference(in, a, b);
            default -> SetOps.symmetricDifference(in, a, b);
        };
    }

    private static String unaryDunder(org.pymemlab.frontend.ast.Ops.UnaryOpKind op) {
        return switch (op) {
            case USUB -> "__neg__";
            case UADD -> "__pos__";
            default -> "__invert__";
        };
    }

    static long unary(Interp in, org.pymemlab.frontend.ast.Ops.UnaryOpKind op, long v) {
        var m = in.m;
        PyClass c = in.classOf(v);
        int k = c.kind;
        if (c.builtinSubclass && op != org.pymemlab.frontend.ast.Ops.UnaryOpKind.NOT) {
            long fn = in.lookup(c, in.internStr(unaryDunder(op)));
            if (fn != 0) {
                return in.callMethod(fn, v); // the subclass's own __neg__/__pos__/__invert__
            }
        }
        switch (op) {
            case NOT:
                return in.bool(!in.truthy(v));
            case USUB:
                if (k == K_INT || k == K_BOOL) {
                    if (in.os.intFitsLong(v) && m.intValue(v) != Long.MIN_VALUE) {
                        return m.newMediumInt(-m.intValue(v));
                    }
                    return in.newInt(m.bigIntValue(v).negate());
                }
                if (k == K_FLOAT) {
                    return m.newFloat(-m.floatValue(v));
                }
                break;
            case UADD:
                if (k == K_INT || k == K_BOOL) {
                    return in.newInt(m.bigIntValue(v));
                }
                if (k == K_FLOAT) {
                    return c.builtinSubclass ? m.newFloat(m.floatValue(v)) : in.incref(v);
                }
                break;
            case INVERT:
                if (k == K_INT || k == K_BOOL) {
                    return in.newInt(m.bigIntValue(v).not());
                }
                break;
        }
        if (k == K_INSTANCE) {
            long fn = in.lookup(c, in.internStr(unaryDunder(op)));
            if (fn != 0) {
                return in.callMethod(fn, v);
            }
        }
        String sym = op == org.pymemlab.frontend.ast.Ops.UnaryOpKind.USUB ? "-" : op == org.pymemlab.frontend.ast.Ops.UnaryOpKind.UADD ? "+" : "~";
        throw in.typeError("bad operand type for unary " + sym + ": '" + in.classOf(v).name + "'");
    }

    /**
     * cls[key]: a metaclass's __getitem__, the class's __class_getitem__, a GenericAlias of a generic built-in
     * or exception group; CPython's TypeError for a program's class or an exception class without either. Other
     * built-in classes answer themselves, as before aliases were made.
     */
    private static long classGetitem(Interp in, long cls, long key) {
        PyClass meta = in.classOf(cls);
        if (meta.user) {
            long fn = in.lookup(meta, in.internStr("__getitem__"));
            if (fn != 0) {
                return in.callMethod(fn, cls, key);
            }
        }
        PyClass c = in.classOfType(cls);
        if (c.user) {
            long fn = in.lookup(c, in.internStr("__class_getitem__"));
            if (fn != 0) {
                long target = in.kind(fn) == K_CLASSMETHOD ? in.os.hostSlot(fn, 0) : fn;
                return in.call(target, new long[] {in.incref(cls), in.incref(key)}, null);
            }
        }
        if (GenericAliases.isGeneric(in, c)) {
            return GenericAliases.make(in, cls, key);
        }
        if (c.user || c.exception) {
            throw in.typeError("type '" + c.name + "' is not subscriptable");
        }
        return in.incref(cls);
    }

    static boolean compare(Interp in, CmpOpKind op, long a, long b) {
        switch (op) {
            case IS:
                return a == b;
            case IS_NOT:
                return a != b;
            case EQ:
                return in.operatorEq(a, b);
            case NOT_EQ: {
                PyClass sa = in.classOf(a);
                PyClass sb = in.classOf(b);
                if ((sa.builtinSubclass || sb.builtinSubclass) && sa.kind != K_INSTANCE && sb.kind != K_INSTANCE) {
                    return in.subclassNotEqual(a, b);
                }
                if (sa.kind == K_INSTANCE || sb.kind == K_INSTANCE) {
                    PyClass ca = in.classOf(a);
                    long fn = ca.user ? in.lookup(ca, in.internStr("__ne__")) : 0;
                    if (fn != 0) {
                        long r = in.callMethod(fn, a, b);
                        boolean t = in.truthy(r);
                        in.m.decref(r);
                        return t;
                    }
                }
                return !in.operatorEq(a, b);
            }
            case IN:
                return contains(in, b, a);
            case NOT_IN:
                return !contains(in, b, a);
            default:
                return order(in, op, a, b);
        }
    }

    /**
     * A comparison's value (COMPARE_OP). With an instance of a program's class on either side (and no built-in's
     * subclass), the comparison method's own result, as do_richcompare returns it: the reflected method of a
     * right operand whose class derives from the left's first, then the left's method, then the reflected one;
     * the first result that is not NotImplemented. Otherwise, and when no such method exists, a bool. New
     * reference (or an immortal bool).
     */
    static long compareObject(Interp in, CmpOpKind op, long a, long b) {
        if (op.ordinal() <= CmpOpKind.GT_E.ordinal()) {
            PyClass ca = in.classOf(a);
            PyClass cb = in.classOf(b);
            if (ca.builtinSubclass || cb.builtinSubclass) {
                return subclassCompare(in, op, a, b, ca, cb);
            }
            if (ca.kind == K_INSTANCE || cb.kind == K_INSTANCE) {
                long r = richCompare(in, op, a, b, ca, cb);
                if (r != 0) {
                    return r;
                }
            }
        }
        return in.bool(compare(in, op, a, b));
    }

    /**
     * do_richcompare where a built-in's subclass is on one side: the comparison methods the program's classes
     * define, in CPython's order, and the first result that is not NotImplemented as it is (not its truth);
     * when they all decline, the built-in's own comparison (identity or TypeError against a plain instance).
     */
    private static long subclassCompare(Interp in, CmpOpKind op, long a, long b, PyClass ca, PyClass cb) {
        long fnA = programMethod(in, ca, in.internStr(richDunder(op)));
        long fnB = programMethod(in, cb, in.internStr(richDunder(swapped(op))));
        if (fnA != 0 || fnB != 0) {
            boolean bFirst = fnB != 0 && cb != ca && in.isSubclass(cb, ca);
            long r = firstImplemented(in, new long[][] {{bFirst ? fnB : 0, b, a}, {fnA, a, b}, {bFirst ? 0 : fnB, b, a}});
            if (r != 0) {
                return r;
            }
        }
        boolean plainInstance = ca.kind == K_INSTANCE && !ca.builtinSubclass || cb.kind == K_INSTANCE && !cb.builtinSubclass;
        return switch (op) {
            case EQ -> in.bool(plainInstance ? a == b : in.builtinEq(a, b, ca, cb));
            case NOT_EQ -> in.bool(plainInstance ? a != b : !in.builtinEq(a, b, ca, cb));
            default -> {
                if (plainInstance) {
                    throw in.typeError("'" + symbol(op) + "' not supported between instances of '" + ca.name
                            + "' and '" + cb.name + "'");
                }
                yield in.bool(builtinOrder(in, op, a, b));
            }
        };
    }

    /** A comparison method one of the program's classes in c's MRO defines (not the built-in's own), or 0. */
    private static long programMethod(Interp in, PyClass c, long name) {
        if (c.mro == null) {
            return 0;
        }
        for (PyClass k : c.mro) {
            if (!k.user) {
                return 0;
            }
            long f = in.m.dictGet(in.os.classDict(k.address), name);
            if (f != 0) {
                return f;
            }
        }
        return 0;
    }

    /** {@link #compareObject}'s dispatch over the instances' own methods; 0 when neither class defines one. */
    private static long richCompare(Interp in, CmpOpKind op, long a, long b, PyClass ca, PyClass cb) {
        long name = in.internStr(richDunder(op));
        long reflected = in.internStr(richDunder(swapped(op)));
        long fnA = ca.kind == K_INSTANCE ? in.lookup(ca, name) : 0;
        long fnB = cb.kind == K_INSTANCE ? in.lookup(cb, reflected) : 0;
        if (fnA == 0 && fnB == 0) {
            return 0;
        }
        boolean bFirst = fnB != 0 && cb != ca && in.isSubclass(cb, ca);
        long r = firstImplemented(in, new long[][] {{bFirst ? fnB : 0, b, a}, {fnA, a, b}, {bFirst ? 0 : fnB, b, a}});
        if (r != 0) {
            return r;
        }
        // every method declined: identity for == and !=, else the operation is not supported
        return switch (op) {
            case EQ -> in.bool(a == b);
            case NOT_EQ -> in.bool(a != b);
            default -> throw in.typeError("'" + symbol(op) + "' not supported between instances of '" + ca.name
                    + "' and '" + cb.name + "'");
        };
    }

    /**
     * do_richcompare's calls, each {method, self, other} in turn (a 0 method skipped): the first result that is not
     * NotImplemented (a new reference), or 0.
     */
    private static long firstImplemented(Interp in, long[][] tries) {
        for (long[] t : tries) {
            if (t[0] == 0) {
                continue;
            }
            long r = in.callMethod(t[0], t[1], t[2]);
            if (r != in.m.notImplemented()) {
                return r;
            }
            in.m.decref(r);
        }
        return 0;
    }

    private static String richDunder(CmpOpKind op) {
        return switch (op) {
            case EQ -> "__eq__";
            case NOT_EQ -> "__ne__";
            default -> orderDunder(op);
        };
    }

    /** _Py_SwappedOp: the comparison the right operand is asked for. */
    static CmpOpKind swapped(CmpOpKind op) {
        return switch (op) {
            case LT -> CmpOpKind.GT;
            case LT_E -> CmpOpKind.GT_E;
            case GT -> CmpOpKind.LT;
            case GT_E -> CmpOpKind.LT_E;
            default -> op;
        };
    }

    private static String symbol(CmpOpKind op) {
        return switch (op) {
            case LT -> "<";
            case LT_E -> "<=";
            case GT -> ">";
            default -> ">=";
        };
    }

    private static boolean order(Interp in, CmpOpKind op, long a, long b) {
        PyClass ca = in.classOf(a);
        PyClass cb = in.classOf(b);
        if (ca.builtinSubclass || cb.builtinSubclass) {
            int r = userOrder(in, op, a, b, ca, cb);
            if (r >= 0) {
                return r == 1;
            }
        }
        return builtinOrder(in, op, a, b);
    }

    /** The built-ins' ordering of a and b (their items compared in full), a subclass's own methods left out. */
    static boolean builtinOrder(Interp in, CmpOpKind op, long a, long b) {
        PyClass ca = in.classOf(a);
        PyClass cb = in.classOf(b);
        int ka = ca.kind;
        int kb = cb.kind;
        int c;
        if ((ka == K_INT || ka == K_BOOL) && (kb == K_INT || kb == K_BOOL)) {
            c = in.os.intFitsLong(a) && in.os.intFitsLong(b) ? Long.compare(in.os.intValue(a), in.os.intValue(b))
                    : in.m.bigIntValue(a).compareTo(in.m.bigIntValue(b));
        } else if (ka >= K_BOOL && ka <= K_FLOAT && kb >= K_BOOL && kb <= K_FLOAT) {
            double x = toDouble(in, a);
            double y = toDouble(in, b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return false;
            }
            c = Double.compare(x, y);
            if (x == y) {
                c = 0;
            }
        } else if (ka == K_STR && kb == K_STR) {
            c = compareCodePoints(in.m.strValue(a), in.m.strValue(b));
        } else if ((ka == K_BYTES || ka == K_BYTEARRAY) && (kb == K_BYTES || kb == K_BYTEARRAY)) {
            c = java.util.Arrays.compareUnsigned(ByteArrays.buffer(in, a), ByteArrays.buffer(in, b));
        } else if ((ka == K_LIST && kb == K_LIST) || (ka == K_TUPLE && kb == K_TUPLE)) {
            long na = in.m.len(a);
            long nb = in.m.len(b);
            for (int i = 0; i < Math.min(na, nb); i++) {
                long x = ka == K_LIST ? in.m.listGet(a, i) : in.m.tupleGet(a, i);
                long y = ka == K_LIST ? in.m.listGet(b, i) : in.m.tupleGet(b, i);
                if (!in.eq(x, y)) {
                    return order(in, op, x, y);
                }
            }
            c = Long.compare(na, nb);
        } else if ((ka == K_SET || ka == K_FROZENSET) && (kb == K_SET || kb == K_FROZENSET)) {
            boolean sub = in.m.setItems(a).stream().allMatch(x -> in.m.setContains(b, x));
            boolean sup = in.m.setItems(b).stream().allMatch(x -> in.m.setContains(a, x));
            return switch (op) {
                case LT -> sub && !sup;
                case LT_E -> sub;
                case GT -> sup && !sub;
                default -> sup;
            };
        } else {
            Boolean view = ka == K_DICTVIEW || kb == K_DICTVIEW ? DictViews.compare(in, op, a, b) : null;
            if (view != null) {
                return view; // a keys or items view against a set or another such view
            }
            // an instance's ordering, by the same dispatch as a comparison's value (compareObject), taken for its truth
            long r = richCompare(in, op, a, b, in.classOf(a), in.classOf(b));
            if (r != 0) {
                try {
                    return in.truthy(r);
                } finally {
                    in.m.decref(r);
                }
            }
            throw in.typeError("'" + symbol(op) + "' not supported between instances of '" + in.classOf(a).name + "' and '"
                    + in.classOf(b).name + "'");
        }
        return switch (op) {
            case LT -> c < 0;
            case LT_E -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /** The method an ordering comparison asks the left operand for. */
    private static String orderDunder(CmpOpKind op) {
        return switch (op) {
            case LT -> "__lt__";
            case LT_E -> "__le__";
            case GT -> "__gt__";
            default -> "__ge__";
        };
    }

    /**
     * The ordering a built-in's subclass defines ({@code a.__lt__(b)}, then {@code b.__gt__(a)}): 1 true, 0 false,
     * −1 when neither defines it (or both return NotImplemented).
     */
    private static int userOrder(Interp in, CmpOpKind op, long a, long b, PyClass ca, PyClass cb) {
        long fnA = ca.builtinSubclass ? in.lookup(ca, in.internStr(orderDunder(op))) : 0;
        long fnB = cb.builtinSubclass ? in.lookup(cb, in.internStr(orderDunder(swapped(op)))) : 0;
        // do_richcompare: b's reflected method first when b's class derives from a's and overrides it; b's after
        // a's only when the built-in's comparison does not apply to the pair
        boolean bFirst = fnB != 0 && cb != ca && in.isSubclass(cb, ca);
        boolean bAfter = fnB != 0 && !bFirst && !comparableKinds(ca.kind, cb.kind);
        long r = firstImplemented(in, new long[][] {{bFirst ? fnB : 0, b, a}, {fnA, a, b}, {bAfter ? fnB : 0, b, a}});
        if (r == 0) {
            return -1;
        }
        try {
            return in.truthy(r) ? 1 : 0;
        } finally {
            in.m.decref(r);
        }
    }

    /** Whether the built-in ordering applies to objects of these kinds (numbers, like sequences, sets). */
    private static boolean comparableKinds(int ka, int kb) {
        boolean numA = ka == K_INT || ka == K_BOOL || ka == K_FLOAT;
        boolean numB = kb == K_INT || kb == K_BOOL || kb == K_FLOAT;
        boolean setA = ka == K_SET || ka == K_FROZENSET;
        boolean setB = kb == K_SET || kb == K_FROZENSET;
        boolean bufA = ka == K_BYTES || ka == K_BYTEARRAY;
        boolean bufB = kb == K_BYTES || kb == K_BYTEARRAY;
        return numA && numB || setA && setB || bufA && bufB || ka == kb && (ka == K_STR || ka == K_TUPLE || ka == K_LIST);
    }

    static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    /** contains on a list/dict/set subclass runs the class's __contains__ when it has one. */
    static boolean contains(Interp in, long container, long item) {
        PyClass c = in.classOf(container);
        if ((c.builtinSubclass || c.metaclass) && in.lookup(c, in.internStr("__contains__")) != 0) {
            return userContains(in, container, item);
        }
        return builtinContains(in, container, item);
    }

    /** The built-in contains, whatever a subclass defines. */
    static boolean builtinContains(Interp in, long container, long item) {
        var m = in.m;
        int k = in.kind(container);
        try {
            switch (k) {
                case K_DICT:
                    return m.dictGet(container, item) != 0;
                case K_SET, K_FROZENSET:
                    return m.setContains(container, item);
                case K_DICTVIEW:
                    return DictViews.contains(in, container, item);
                case K_MAPPINGPROXY:
                    return contains(in, MappingProxies.mapping(in, container), item);
                case K_WEAKVALUEDICT:
                    return WeakValueDict.of(in, container).get(item) != 0;
                case K_WEAKKEYDICT:
                    return WeakKeyDict.of(in, container).contains(item);
                case K_PROXY:
                    return contains(in, in.proxyTarget(container), item);
                case K_STR:
                    if (in.kind(item) != K_STR) {
                        throw in.typeError("'in <string>' requires string as left operand, not " + in.classOf(item).name);
                    }
                    return m.strValue(container).contains(m.strValue(item));
                case K_BYTES:
                    return bytesContains(in, m.bytesValue(container), item);
                case K_BYTEARRAY:
                    return bytesContains(in, in.os.byteArrayValue(container), item);
                case K_MEMORYVIEW: {
                    // no sq_contains: the items are compared one by one
                    for (byte b : MemoryViews.bytes(in, container)) {
                        long x = in.newInt(b & 0xff);
                        try {
                            if (in.eq(x, item)) {
                                return true;
                            }
                        } finally {
                            m.decref(x);
                        }
                    }
                    return false;
                }
                case K_LIST, K_TUPLE: {
                    long n = m.len(container);
                    for (int i = 0; i < n; i++) {
                        long x = k == K_LIST ? m.listGet(container, i) : m.tupleGet(container, i);
                        if (x == item || in.eq(x, item)) {
                            return true;
                        }
                    }
                    return false;
                }
                case K_INSTANCE: {
                    long fn = in.lookup(in.classOf(container), in.internStr("__contains__"));
                    if (fn != 0) {
                        long r = in.callMethod(fn, container, item);
                        boolean t = in.truthy(r);
                        m.decref(r);
                        return t;
                    }
                    break;
                }
                default:
                    break;
            }
        } catch (PyException e) {
            throw in.convert(e);
        }
        long it = in.iter(container);
        try {
            for (long x = in.next(it); x != 0; x = in.next(it)) {
                boolean same = x == item || in.eq(x, item);
                m.decref(x);
                if (same) {
                    return true;
                }
            }
            return false;
        } finally {
            m.decref(it);
        }
    }

    /** {@code item in bytes}: a byte value (an int in range(256)) or a bytes sub-sequence, as bytes_contains. */
    private static boolean bytesContains(Interp in, byte[] haystack, long item) {
        int k = in.kind(item);
        if (k == K_INT || k == K_BOOL) {
            long v = in.os.intFitsLong(item) ? in.os.intValue(item) : -1;
            if (v < 0 || v > 255) {
                throw in.error("ValueError", "byte must be in range(0, 256)");
            }
            for (byte b : haystack) {
                if ((b & 0xff) == v) {
                    return true;
                }
            }
            return false;
        }
        byte[] needle = ByteArrays.buffer(in, item);
        if (needle == null) {
            throw in.typeError("a bytes-like object is required, not '" + in.classOf(item).name + "'");
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // ---- subscripts ----

    record SliceVal(Long start, Long stop, Long step) {
    }

    /** A slice object of the three bounds (borrowed; None where absent). New reference. */
    static long newSlice(Interp in, long start, long stop, long step) {
        long s = in.os.newHostObject(in.tSlice);
        in.os.setHostSlot(s, 0, start);
        in.os.setHostSlot(s, 1, stop);
        in.os.setHostSlot(s, 2, step);
        return s;
    }

    /** slice_hash (3.12+): the bounds' hashes folded as a tuple's items are, without the length. */
    static long sliceHash(Interp in, long slice) {
        if (in.minor < 12) {
            throw in.typeError("unhashable type: 'slice'");
        }
        long acc = org.pymemlab.runtime.hash.PyHash.tupleHashStart();
        for (int i = 0; i < 3; i++) {
            acc = org.pymemlab.runtime.hash.PyHash.tupleHashAdd(acc, in.hash(in.os.hostSlot(slice, i)));
        }
        return acc == -1 ? 1546275796L : acc;
    }

    /** A slice object's bounds as the built-in sequences take them (None for absent, ints otherwise). */
    static SliceVal sliceVal(Interp in, long slice) {
        Long[] bounds = new Long[3];
        for (int i = 0; i < 3; i++) {
            long b = in.os.hostSlot(slice, i);
            bounds[i] = b == in.none ? null : index(in, b);
        }
        return new SliceVal(bounds[0], bounds[1], bounds[2]);
    }

    /** Whether {@code obj[a:b]} hands a slice object to the object's own method (an instance, or a subclass's). */
    static boolean slicesByObject(Interp in, long obj, String dunder) {
        PyClass c = in.classOf(obj);
        return c.kind == K_INSTANCE || c.builtinSubclass && in.lookup(c, in.internStr(dunder)) != 0;
    }

    /** A slice's start, stop, step and indices(). New reference, or 0. */
    static long sliceAttribute(Interp in, long slice, String name) {
        return switch (name) {
            case "start" -> in.incref(in.os.hostSlot(slice, 0));
            case "stop" -> in.incref(in.os.hostSlot(slice, 1));
            case "step" -> in.incref(in.os.hostSlot(slice, 2));
            case "indices" -> in.newBuiltin("indices", slice, (i, self, a, kw) -> {
                long length = i.m.intValue(a[0]);
                if (length < 0) {
                    throw i.error("ValueError", "length should not be negative");
                }
                long[] b = adjusted(i, sliceVal(i, self), length);
                long[] t = {i.newInt(b[0]), i.newInt(b[1]), i.newInt(b[2])};
                try {
                    return i.m.newTuple(t);
                } finally {
                    i.release(t);
                }
            });
            default -> 0;
        };
    }

    /** A slice bound (_PyEval_SliceIndex): an int or __index__, clamped to the Java long range. */
    static long index(Interp in, long v) {
        int k = in.kind(v);
        if ((k == K_INT || k == K_BOOL) && in.os.intFitsLong(v)) {
            return in.os.intValue(v); // the common case, no reference taken
        }
        long i = in.indexOrZero(v);
        if (i == 0) {
            throw in.typeError("slice indices must be integers or None or have an __index__ method");
        }
        try {
            return in.os.intFitsLong(i) ? in.os.intValue(i) : in.m.bigIntValue(i).signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        } finally {
            in.m.decref(i);
        }
    }

    /**
     * An item index (PyNumber_AsSsize_t with IndexError): an int or __index__; one beyond the index range is
     * CPython's IndexError, not a clamp; anything else the TypeError of the sequence named by owner ("list",
     * "tuple", "string", "byte", "range", "bytearray", "memoryview"), worded only when it is raised.
     */
    static long itemIndex(Interp in, long key, String owner) {
        int k = in.kind(key);
        if ((k == K_INT || k == K_BOOL) && in.os.intFitsLong(key)) {
            return in.os.intValue(key); // the common case, no reference taken
        }
        long i = in.indexOrZero(key);
        if (i == 0) {
            String type = in.classOf(key).name;
            throw in.typeError(switch (owner) {
                case "string" -> "string indices must be integers, not '" + type + "'";
                case "memoryview" -> "memoryview: invalid slice key";
                default -> owner + " indices must be integers or slices, not " + type;
            });
        }
        try {
            if (!in.os.intFitsLong(i)) {
                throw in.error("IndexError", "cannot fit '" + in.classOf(key).name + "' into an index-sized integer");
            }
            return in.os.intValue(i);
        } finally {
            in.m.decref(i);
        }
    }

    /** getitem on a list/dict/set subclass runs the class's __getitem__ when it has one. */
    static long getitem(Interp in, long obj, long key) {
        PyClass c = in.classOf(obj);
        if (c.builtinSubclass && in.lookup(c, in.internStr("__getitem__")) != 0) {
            return userGetitem(in, obj, key);
        }
        return builtinGetitem(in, obj, key);
    }

    /** The built-in getitem, whatever a subclass defines. */
    static long builtinGetitem(Interp in, long obj, long key) {
        var m = in.m;
        int k = in.kind(obj);
        PyClass c = in.classOf(obj);
        try {
            switch (k) {
                case K_BYTEARRAY:
                    return ByteArrays.getitem(in, obj, key);
                case K_MEMORYVIEW:
                    return MemoryViews.getitem(in, obj, key);
                case K_LIST, K_TUPLE: {
                    long n = m.len(obj);
                    if (in.kind(key) == K_SLICE) {
                        return slice(in, obj, sliceVal(in, key)); // lst[slice(1, 3)]
                    }
                    long i = itemIndex(in, key, k == K_LIST ? "list" : "tuple");
                    if (i < 0) {
                        i += n;
                    }
                    if (i < 0 || i >= n) {
                        throw in.error("IndexError", (k == K_LIST ? "list" : "tuple") + " index out of range");
                    }
                    return in.incref(k == K_LIST ? m.listGet(obj, i) : m.tupleGet(obj, (int) i));
                }
                case K_DICT: {
                    long v = m.dictGet(obj, key);
                    if (v == 0) {
                        long missing = c.builtinSubclass ? in.lookup(c, in.internStr("__missing__")) : 0;
                        if (missing != 0) {
                            return in.callMethod(missing, obj, key);
                        }
                        throw keyError(in, key);
                    }
                    return in.incref(v);
                }
                case K_MAPPINGPROXY:
                    return getitem(in, MappingProxies.mapping(in, obj), key);
                case K_STR: {
                    if (in.kind(key) == K_SLICE) {
                        return slice(in, obj, sliceVal(in, key));
                    }
                    long i = itemIndex(in, key, "string");
                    long n = m.len(obj); // the str's length field: no copy of its text per index
                    if (i < 0) {
                        i += n;
                    }
                    if (i < 0 || i >= n) {
                        throw in.error("IndexError", "string index out of range");
                    }
                    return in.newStr(Character.toString(in.os.strCodePointAt(obj, i)));
                }
                case K_BYTES: {
                    if (in.kind(key) == K_SLICE) {
                        return slice(in, obj, sliceVal(in, key));
                    }
                    long n = m.len(obj);
                    long i = itemIndex(in, key, "byte");
                    if (i < 0) {
                        i += n;
                    }
                    if (i < 0 || i >= n) {
                        throw in.error("IndexError", "index out of range");
                    }
                    return in.newInt(in.os.bytesItem(obj, i)); // read in place, not a copy of the whole
                }
                case K_RANGE: {
                    if (in.kind(key) == K_SLICE) {
                        return slice(in, obj, sliceVal(in, key));
                    }
                    long i = itemIndex(in, key, "range");
                    long n = in.rangeLen(obj);
                    if (i < 0) {
                        i += n;
                    }
                    if (i < 0 || i >= n) {
                        throw in.error("IndexError", "range object index out of range");
                    }
                    return in.newInt(m.intValue(in.os.hostSlot(obj, 0)) + i * m.intValue(in.os.hostSlot(obj, 2)));
                }
                case K_INSTANCE: {
                    long fn = in.lookup(in.classOf(obj), in.internStr("__getitem__"));
                    if (fn != 0) {
                        return in.callMethod(fn, obj, key);
                    }
                    break;
                }
                case K_TYPE:
                    return classGetitem(in, obj, key);
                case K_WEAKVALUEDICT: {
                    long v = WeakValueDict.of(in, obj).get(key);
                    if (v == 0) {
                        throw keyError(in, key);
                    }
                    return in.incref(v);
                }
                case K_WEAKKEYDICT:
                    return in.incref(WeakKeyDict.of(in, obj).item(key));
                case K_PROXY:
                    return getitem(in, in.proxyTarget(obj), key);
                default:
                    break;
            }
        } catch (PyException e) {
            throw in.convert(e);
        }
        throw in.typeError("'" + in.classOf(obj).name + "' object is not subscriptable");
    }

    private static long userGetitem(Interp in, long obj, long key) {
        return in.callMethod(in.lookup(in.classOf(obj), in.internStr("__getitem__")), obj, key);
    }

    private static void userSetitem(Interp in, long obj, long key, long value) {
        in.m.decref(in.callMethod(in.lookup(in.classOf(obj), in.internStr("__setitem__")), obj, key, value));
    }

    private static boolean userContains(Interp in, long container, long item) {
        long r = in.callMethod(in.lookup(in.classOf(container), in.internStr("__contains__")), container, item);
        try {
            return in.truthy(r);
        } finally {
            in.m.decref(r);
        }
    }

    static PyRaise keyError(Interp in, long key) {
        long cls = in.exceptions.get("KeyError");
        return new PyRaise(in.instantiateException(cls, new long[] {key}));
    }

    static long slice(Interp in, long obj, SliceVal s) {
        var m = in.m;
        int k = in.kind(obj);
        if (k == K_BYTEARRAY) {
            return ByteArrays.slice(in, obj, s);
        }
        if (k == K_MEMORYVIEW) {
            return MemoryViews.slice(in, obj, s);
        }
        long n = switch (k) {
            case K_RANGE -> in.rangeLen(obj);
            default -> m.len(obj);
        };
        long[] bounds = adjusted(in, s, n);
        long start = bounds[0];
        long stop = bounds[1];
        long step = bounds[2];
        if (step == 1 && start == 0 && stop >= n && (k == K_STR || k == K_BYTES || k == K_TUPLE)
                && !in.classOf(obj).builtinSubclass) {
            return in.incref(obj); // the whole of an exact immutable sequence is itself (unicode_subscript …)
        }
        if (k == K_RANGE) {
            // compute_slice: the range of the selected elements, no list made
            long rStart = m.intValue(in.os.hostSlot(obj, 0));
            long rStep = m.intValue(in.os.hostSlot(obj, 2));
            return in.call(in.tRange, new long[] {in.newInt(rStart + start * rStep), in.newInt(rStart + stop * rStep),
                    in.newInt(rStep * step)}, null);
        }
        List<Long> idx = new ArrayList<>();
        if (step > 0) {
            for (long i = start; i < stop; i += step) {
                idx.add(i);
            }
        } else {
            for (long i = start; i > stop; i += step) {
                idx.add(i);
            }
        }
        switch (k) {
            case K_STR: {
                // only the selected code points are read, not a copy of the whole text
                if (step == 1) {
                    return in.newStr(in.os.strSubstring(obj, start, Math.max(start, stop)));
                }
                StringBuilder sb = new StringBuilder(idx.size());
                for (long i : idx) {
                    sb.appendCodePoint(in.os.strCodePointAt(obj, i));
                }
                return in.newStr(sb.toString());
            }
            case K_BYTES: {
                if (step == 1) {
                    return m.newBytes(in.os.bytesRange(obj, start, Math.max(start, stop)));
                }
                byte[] r = new byte[idx.size()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = (byte) in.os.bytesItem(obj, idx.get(i));
                }
                return m.newBytes(r);
            }
            case K_LIST, K_TUPLE: {
                long[] items = new long[idx.size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = k == K_LIST ? m.listGet(obj, idx.get(i)) : m.tupleGet(obj, (int) (long) idx.get(i));
                }
                return k == K_LIST ? m.newList(items) : m.newTuple(items);
            }
            default:
                throw in.typeError("'" + in.classOf(obj).name + "' object is not subscriptable");
        }
    }

    /**
     * PySlice_Unpack and PySlice_AdjustIndices: a slice's start, stop and step for a sequence of length n,
     * absent bounds defaulted by the step's sign and the others clamped into the sequence.
     */
    static long[] adjusted(Interp in, SliceVal s, long n) {
        long step = s.step() == null ? 1 : s.step();
        if (step == 0) {
            throw in.error("ValueError", "slice step cannot be zero");
        }
        long start;
        long stop;
        if (step > 0) {
            start = s.start() == null ? 0 : clamp(s.start(), n, 0, n);
            stop = s.stop() == null ? n : clamp(s.stop(), n, 0, n);
        } else {
            start = s.start() == null ? n - 1 : clamp(s.start(), n, -1, n - 1);
            stop = s.stop() == null ? -1 : clamp(s.stop(), n, -1, n - 1);
        }
        return new long[] {start, stop, step};
    }

    private static long clamp(long v, long n, long lo, long hi) {
        if (v < 0) {
            v += n;
        }
        return Math.max(lo, Math.min(hi, v));
    }

    /** setitem on a list/dict/set subclass runs the class's __setitem__ when it has one. */
    static void setitem(Interp in, long obj, long key, long value) {
        PyClass c = in.classOf(obj);
        if (c.builtinSubclass && in.lookup(c, in.internStr("__setitem__")) != 0) {
            userSetitem(in, obj, key, value);
            return;
        }
        builtinSetitem(in, obj, key, value);
    }

    /** The built-in setitem, whatever a subclass defines. */
    static void builtinSetitem(Interp in, long obj, long key, long value) {
        var m = in.m;
        int k = in.kind(obj);
        try {
            switch (k) {
                case K_MEMORYVIEW -> MemoryViews.setitem(in, obj, key, value);
                case K_BYTEARRAY -> ByteArrays.setitem(in, obj, key, value);
                case K_LIST -> {
                    int kk = in.kind(key);
                    if (kk == K_SLICE) {
                        setslice(in, obj, sliceVal(in, key), value);
                        return;
                    }
                    long n = m.len(obj);
                    long i = itemIndex(in, key, "list");
                    if (i < 0) {
                        i += n;
                    }
                    if (i < 0 || i >= n) {
                        throw in.error("IndexError", "list assignment index out of range");
                    }
                    m.listSet(obj, i, value);
                }
                case K_DICT -> {
                    m.dictSet(obj, key, value);
                }
                case K_WEAKVALUEDICT -> WeakValueDict.of(in, obj).set(key, value);
                case K_WEAKKEYDICT -> WeakKeyDict.of(in, obj).set(key, value);
                case K_PROXY -> setitem(in, in.proxyTarget(obj), key, value);
                case K_INSTANCE -> {
                    long fn = in.lookup(in.classOf(obj), in.internStr("__setitem__"));
                    if (fn == 0) {
                        throw in.typeError("'" + in.classOf(obj).name + "' object does not support item assignment");
                    }
                    m.decref(in.callMethod(fn, obj, key, value));
                }
                default -> throw in.typeError("'" + in.classOf(obj).name + "' object does not support item assignment");
            }
        } catch (PyException e) {
            throw in.convert(e);
        }
    }

    /** list_ass_subscript with a slice: the items replaced in one change, as CPython's list does it. */
    static void setslice(Interp in, long obj, SliceVal s, long value) {
        var m = in.m;
        if (in.kind(obj) != K_LIST) {
            throw in.typeError("'" + in.classOf(obj).name + "' object does not support item assignment");
        }
        long[] b = adjusted(in, s, m.len(obj));
        long it;
        try {
            it = in.iter(value);
        } catch (PyRaise e) {
            if (!in.isInstance(e.exc, "TypeError")) {
                throw e;
            }
            m.decref(e.exc);
            // list_ass_slice had its own wording until 3.13 converted first for every step
            throw in.typeError(in.minor <= 12 && b[2] == 1 ? "can only assign an iterable"
                    : "must assign iterable to extended slice");
        }
        m.decref(it);
        List<Long> items = in.toList(value);
        long[] array = new long[items.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = items.get(i);
        }
        try {
            if (b[2] != 1) {
                long length = sliceLength(b);
                if (length != array.length) {
                    throw in.error("ValueError", "attempt to assign sequence of size " + array.length
                            + " to extended slice of size " + length);
                }
            }
            m.listAssignSlice(obj, b[0], b[1], b[2], array);
        } finally {
            in.release(array);
        }
    }

    /** How many items an adjusted slice selects. */
    static long sliceLength(long[] b) {
        long start = b[0];
        long stop = b[1];
        long step = b[2];
        if (step > 0) {
            return start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return stop < start ? (start - stop - 1) / -step + 1 : 0;
    }

    static void delitem(Interp in, long obj, long key) {
        var m = in.m;
        int k = in.kind(obj);
        try {
            switch (k) {
                case K_MEMORYVIEW -> throw in.typeError("cannot delete memory");
                case K_BYTEARRAY -> ByteArrays.setitem(in, obj, key, 0);
                case K_LIST -> {
                    int kk = in.kind(key);
                    if (kk == K_SLICE) {
                        delslice(in, obj, sliceVal(in, key));
                        return;
                    }
                    long n = m.len(obj);
                    long i = itemIndex(in, key, "list");
                    if (i < 0) {
                        i += n;
                    }
                    if (i < 0 || i >= n) {
                        throw in.error("IndexError", "list assignment index out of range");
                    }
                    m.decref(m.listPop(obj, i));
                }
                case K_DICT -> {
                    if (!m.dictDel(obj, key)) {
                        throw keyError(in, key);
                    }
                }
                case K_WEAKVALUEDICT -> {
                    if (!WeakValueDict.of(in, obj).delete(key)) {
                        throw keyError(in, key);
                    }
                }
                case K_WEAKKEYDICT -> WeakKeyDict.of(in, obj).deleteItem(key);
                case K_PROXY -> delitem(in, in.proxyTarget(obj), key);
                case K_INSTANCE -> {
                    long fn = in.lookup(in.classOf(obj), in.internStr("__delitem__"));
                    if (fn == 0) {
                        throw noDeletion(in, obj, key);
                    }
                    m.decref(in.callMethod(fn, obj, key));
                }
                default -> throw noDeletion(in, obj, key);
            }
        } catch (PyException e) {
            throw in.convert(e);
        }
    }

    /**
     * PyObject_DelItem's refusal: a type with sequence methods words an index key's through
     * PySequence_DelItem ("doesn't"), any other case its own ("does not").
     */
    private static PyRaise noDeletion(Interp in, long obj, long key) {
        PyClass c = in.classOf(obj);
        boolean builtinException = c.exception && "builtins".equals(c.module);
        boolean sequence = switch (c.kind) {
            case K_STR, K_BYTES, K_TUPLE, K_RANGE, K_SET, K_FROZENSET, K_DICTVIEW, K_MAPPINGPROXY -> true;
            // a class of the program (a heap type) has sequence methods; a built-in exception has none
            default -> (c.user || c.kind == K_INSTANCE) && !builtinException;
        };
        int kk = in.kind(key);
        boolean index = kk == K_INT || kk == K_BOOL || in.lookup(in.classOf(key), in.internStr("__index__")) != 0;
        return in.typeError("'" + in.classOf(obj).name + "' object " + (sequence && index ? "doesn't" : "does not")
                + " support item deletion");
    }

    static void delslice(Interp in, long obj, SliceVal s) {
        long[] b = adjusted(in, s, in.m.len(obj));
        in.m.listDeleteSlice(obj, b[0], b[1], b[2]);
    }
}
