package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.pymemlab.frontend.ast.Ops.BinOpKind;
import org.pymemlab.frontend.ast.Ops.CmpOpKind;
import org.pymemlab.runtime.PyException;
import org.pymemlab.runtime.hash.PyHash;

/**
 * The dunder methods of the built-in types read as attributes: CPython's slot wrappers ({@code int.__add__},
 * {@code object.__setattr__}, {@code list.__getitem__}). Reading one gives a builtin bound to its receiver, or
 * unbound when read from the type (the receiver then comes first among the arguments). Calling it runs the
 * built-in's own operation, whatever a subclass overrides (so {@code super().__eq__(other)} inside an
 * {@code __eq__} does not come back to it), and returns NotImplemented where CPython's wrapper does: for an
 * operand of another type. Names resolve through one table built once; the operators themselves never come
 * here.
 */
final class Dunders {

    private Dunders() {
    }

    /** A slot: its dunder name, how many arguments it takes after the receiver, its binary operator if any. */
    enum Slot {
        EQ("__eq__", 1), NE("__ne__", 1), LT("__lt__", 1), LE("__le__", 1), GT("__gt__", 1), GE("__ge__", 1),
        HASH("__hash__", 0), REPR("__repr__", 0), STR("__str__", 0), FORMAT("__format__", 1),
        SETATTR("__setattr__", 2), GETATTRIBUTE("__getattribute__", 1), DELATTR("__delattr__", 1),
        SIZEOF("__sizeof__", 0),
        ADD(BinOpKind.ADD, 0), RADD(BinOpKind.ADD, 2), IADD(BinOpKind.ADD, 1),
        SUB(BinOpKind.SUB, 0), RSUB(BinOpKind.SUB, 2), ISUB(BinOpKind.SUB, 1),
        MUL(BinOpKind.MULT, 0), RMUL(BinOpKind.MULT, 2),
        TRUEDIV(BinOpKind.DIV, 0), RTRUEDIV(BinOpKind.DIV, 2),
        FLOORDIV(BinOpKind.FLOORDIV, 0), RFLOORDIV(BinOpKind.FLOORDIV, 2),
        MOD(BinOpKind.MOD, 0), RMOD(BinOpKind.MOD, 2),
        POW(BinOpKind.POW, 0), RPOW(BinOpKind.POW, 2),
        LSHIFT(BinOpKind.LSHIFT, 0), RLSHIFT(BinOpKind.LSHIFT, 2),
        RSHIFT(BinOpKind.RSHIFT, 0), RRSHIFT(BinOpKind.RSHIFT, 2),
        AND(BinOpKind.BITAND, 0), RAND(BinOpKind.BITAND, 2), IAND(BinOpKind.BITAND, 1),
        OR(BinOpKind.BITOR, 0), ROR(BinOpKind.BITOR, 2), IOR(BinOpKind.BITOR, 1),
        XOR(BinOpKind.BITXOR, 0), RXOR(BinOpKind.BITXOR, 2), IXOR(BinOpKind.BITXOR, 1),
        NEG("__neg__", 0), POS("__pos__", 0), ABS("__abs__", 0), INVERT("__invert__", 0), BOOL("__bool__", 0),
        INT("__int__", 0), FLOAT("__float__", 0), INDEX("__index__", 0),
        LEN("__len__", 0), CONTAINS("__contains__", 1), GETITEM("__getitem__", 1), SETITEM("__setitem__", 2),
        DELITEM("__delitem__", 1), ITER("__iter__", 0), REVERSED("__reversed__", 0), IMUL("__imul__", 1),
        DIVMOD("__divmod__", 1), RDIVMOD("__rdivmod__", 1), ROUND("__round__", 0), TRUNC("__trunc__", 0),
        FLOOR("__floor__", 0), CEIL("__ceil__", 0);

        final String dunder;
        final int arity;
        /** The binary operator, and its form: 0 {@code __op__}, 1 {@code __iop__}, 2 {@code __rop__}. */
        final BinOpKind op;
        final int form;

        Slot(String dunder, int arity) {
            this.dunder = dunder;
            this.arity = arity;
            this.op = null;
            this.form = 0;
        }

        Slot(BinOpKind op, int form) {
            String base = switch (op) {
                case ADD -> "add";
                case SUB -> "sub";
                case MULT -> "mul";
                case DIV -> "truediv";
                case FLOORDIV -> "floordiv";
                case MOD -> "mod";
                case POW -> "pow";
                case LSHIFT -> "lshift";
                case RSHIFT -> "rshift";
                case BITAND -> "and";
                case BITOR -> "or";
                case BITXOR -> "xor";
                case MATMULT -> "matmul";
            };
            this.dunder = "__" + (form == 1 ? "i" : form == 2 ? "r" : "") + base + "__";
            this.arity = 1;
            this.op = op;
            this.form = form;
        }
    }

    private static final Map<String, Slot> BY_NAME = new HashMap<>();

    /** The slots each built-in type defines itself, by kind; the rest come from its bases (object last). */
    private static final Map<Integer, EnumSet<Slot>> OWN = new HashMap<>();

    static {
        for (Slot s : Slot.values()) {
            BY_NAME.put(s.dunder, s);
        }
        EnumSet<Slot> compare = EnumSet.of(Slot.EQ, Slot.NE, Slot.LT, Slot.LE, Slot.GT, Slot.GE);
        EnumSet<Slot> object = EnumSet.copyOf(compare);
        object.addAll(EnumSet.of(Slot.HASH, Slot.REPR, Slot.STR, Slot.FORMAT, Slot.SETATTR, Slot.GETATTRIBUTE,
                Slot.DELATTR, Slot.SIZEOF));
        OWN.put(K_OBJECT, object);
        EnumSet<Slot> number = EnumSet.copyOf(compare);
        number.addAll(EnumSet.of(Slot.HASH, Slot.REPR, Slot.FORMAT, Slot.ADD, Slot.RADD, Slot.SUB, Slot.RSUB,
                Slot.MUL, Slot.RMUL, Slot.TRUEDIV, Slot.RTRUEDIV, Slot.FLOORDIV, Slot.RFLOORDIV, Slot.MOD, Slot.RMOD,
                Slot.POW, Slot.RPOW, Slot.NEG, Slot.POS, Slot.ABS, Slot.BOOL, Slot.INT, Slot.FLOAT, Slot.DIVMOD,
                Slot.RDIVMOD, Slot.ROUND, Slot.TRUNC, Slot.FLOOR, Slot.CEIL));
        EnumSet<Slot> integer = EnumSet.copyOf(number);
        integer.addAll(EnumSet.of(Slot.LSHIFT, Slot.RLSHIFT, Slot.RSHIFT, Slot.RRSHIFT, Slot.AND, Slot.RAND, Slot.OR,
                Slot.ROR, Slot.XOR, Slot.RXOR, Slot.INVERT, Slot.INDEX, Slot.SIZEOF));
        OWN.put(K_INT, integer);
        OWN.put(K_BOOL, EnumSet.of(Slot.REPR, Slot.AND, Slot.RAND, Slot.OR, Slot.ROR, Slot.XOR, Slot.RXOR));
        OWN.put(K_FLOAT, number);
        EnumSet<Slot> sequence = EnumSet.copyOf(compare);
        sequence.addAll(EnumSet.of(Slot.HASH, Slot.REPR, Slot.ADD, Slot.MUL, Slot.RMUL, Slot.LEN, Slot.CONTAINS,
                Slot.GETITEM, Slot.ITER));
        EnumSet<Slot> text = EnumSet.copyOf(sequence);
        text.add(Slot.STR);
        EnumSet<Slot> str = EnumSet.copyOf(text);
        str.addAll(EnumSet.of(Slot.FORMAT, Slot.MOD, Slot.SIZEOF));
        OWN.put(K_STR, str);
        OWN.put(K_BYTES, text);
        EnumSet<Slot> bytearray = EnumSet.copyOf(text);
        bytearray.addAll(EnumSet.of(Slot.IADD, Slot.IMUL, Slot.SETITEM, Slot.DELITEM, Slot.SIZEOF));
        OWN.put(K_BYTEARRAY, bytearray);
        EnumSet<Slot> memoryview = EnumSet.copyOf(compare);
        memoryview.addAll(EnumSet.of(Slot.HASH, Slot.REPR, Slot.LEN, Slot.GETITEM, Slot.SETITEM, Slot.DELITEM, Slot.ITER));
        OWN.put(K_MEMORYVIEW, memoryview);
        OWN.put(K_TUPLE, sequence);
        EnumSet<Slot> list = EnumSet.copyOf(sequence);
        list.addAll(EnumSet.of(Slot.IADD, Slot.IMUL, Slot.SETITEM, Slot.DELITEM, Slot.REVERSED, Slot.SIZEOF));
        OWN.put(K_LIST, list);
        EnumSet<Slot> dict = EnumSet.copyOf(compare);
        dict.addAll(EnumSet.of(Slot.HASH, Slot.REPR, Slot.LEN, Slot.CONTAINS, Slot.GETITEM, Slot.SETITEM, Slot.DELITEM,
                Slot.ITER, Slot.REVERSED, Slot.OR, Slot.ROR, Slot.IOR, Slot.SIZEOF));
        OWN.put(K_DICT, dict);
        EnumSet<Slot> frozenset = EnumSet.copyOf(compare);
        frozenset.addAll(EnumSet.of(Slot.HASH, Slot.REPR, Slot.LEN, Slot.CONTAINS, Slot.ITER, Slot.AND, Slot.RAND,
                Slot.OR, Slot.ROR, Slot.SUB, Slot.RSUB, Slot.XOR, Slot.RXOR, Slot.SIZEOF));
        OWN.put(K_FROZENSET, frozenset);
        EnumSet<Slot> set = EnumSet.copyOf(frozenset);
        set.addAll(EnumSet.of(Slot.IAND, Slot.IOR, Slot.ISUB, Slot.IXOR));
        OWN.put(K_SET, set);
    }

    /**
     * Whether an exception's instance reads object's slot of that name (BaseException has its own text forms
     * and construction, which the interpreter answers elsewhere).
     */
    static boolean isExceptionSafe(String name) {
        Slot slot = BY_NAME.get(name);
        return slot != null && slot != Slot.REPR && slot != Slot.STR;
    }

    /**
     * The slot {@code name} that the built-in class {@code owner} defines itself, bound to {@code self} (0: read
     * from the class, unbound), or 0 when owner does not define it. {@code list.__hash__} and the other
     * unhashable types' are None. New reference.
     */
    static long attr(Interp in, PyClass owner, String name, long self) {
        Slot slot = BY_NAME.get(name);
        EnumSet<Slot> own = OWN.get(owner.kind);
        if (slot == null || owner.user || own == null || !own.contains(slot)) {
            return 0;
        }
        if (slot == Slot.HASH && (owner.kind == K_LIST || owner.kind == K_DICT || owner.kind == K_SET)) {
            return in.incref(in.none);
        }
        // CPython's slot wrappers, bound as method-wrappers; the few it defines as methods are method descriptors
        boolean method = METHODS.contains(slot) || slot == Slot.GETITEM && (owner.kind == K_LIST || owner.kind == K_DICT)
                || slot == Slot.CONTAINS && (owner.kind == K_DICT || owner.kind == K_SET || owner.kind == K_FROZENSET);
        long type = method ? (self == 0 ? in.tMethodDescriptor : in.tBuiltin) : self == 0 ? in.tWrapperDescriptor : in.tMethodWrapper;
        if (self == 0) {
            return in.typeDescriptor(owner.name + "." + name,
                    () -> in.newBuiltin(type, name, owner.name, 0, (inn, bound, a, kw) -> call(inn, slot, owner, bound, a, kw)));
        }
        return in.newBuiltin(type, name, owner.name, self, (inn, bound, a, kw) -> call(inn, slot, owner, bound, a, kw));
    }

    /** The slots CPython defines as methods (method_descriptor) on every type that has them. */
    private static final EnumSet<Slot> METHODS = EnumSet.of(Slot.FORMAT, Slot.SIZEOF, Slot.ROUND, Slot.TRUNC, Slot.FLOOR,
            Slot.CEIL, Slot.REVERSED);

    /**
     * A dunder as an attribute of the built-in value or instance obj: the first built-in class along its type's
     * MRO that defines it (its slots, object's __init__, __new__ …). New reference, or 0.
     */
    static long instanceAttr(Interp in, long obj, PyClass c, String name) {
        if (!name.startsWith("__")) {
            return 0;
        }
        for (PyClass p : Classes.mroOf(in, c)) {
            if (!p.user) {
                long w = Classes.builtinClassAttr(in, p, name, obj); // the slots, and object's __init__ ...
                if (w != 0) {
                    return w;
                }
            }
        }
        return 0;
    }

    /** A call of the wrapper: the receiver checked (its type, or missing), then the arguments counted. */
    private static long call(Interp in, Slot slot, PyClass owner, long bound, long[] a, String[] kw) {
        long self = bound;
        int from = 0;
        if (self == 0) {
            if (a.length == 0) {
                throw in.typeError("descriptor '" + slot.dunder + "' of '" + owner.name + "' object needs an argument");
            }
            self = a[0];
            from = 1;
        }
        if (!in.isSubclass(in.classOf(self), owner)) {
            throw in.typeError("descriptor '" + slot.dunder + "' requires a '" + owner.name + "' object but received a '"
                    + in.classOf(self).name + "'");
        }
        if (kw != null && kw.length > 0) {
            throw in.typeError("wrapper " + slot.dunder + "() takes no keyword arguments");
        }
        int given = a.length - from;
        if (slot == Slot.ROUND && given > 1) {
            throw in.typeError("__round__ expected at most 1 argument, got " + given);
        }
        if (given != slot.arity && slot != Slot.ROUND) {
            throw in.typeError("expected " + slot.arity + " argument" + (slot.arity == 1 ? "" : "s") + ", got " + given);
        }
        long x = given > 0 ? a[from] : 0;
        long y = slot.arity > 1 ? a[from + 1] : 0;
        try {
            return owner.kind == K_OBJECT ? objectSlot(in, slot, self, x, y) : builtinSlot(in, slot, owner.kind, self, x, y);
        } catch (PyException e) {
            throw in.convert(e);
        }
    }

    // ---- object ----

    private static long objectSlot(Interp in, Slot slot, long self, long x, long y) {
        switch (slot) {
            case EQ:
                return in.incref(self == x ? in.trueObj : in.m.notImplemented());
            case NE: {
                // object_richcompare: the type's own __eq__, inverted unless NotImplemented
                long eq = self == x ? in.incref(in.trueObj) : in.incref(in.m.notImplemented());
                PyClass c = in.classOf(self);
                long fn = c.user ? in.lookup(c, in.sEq) : 0;
                if (fn != 0) {
                    in.m.decref(eq);
                    eq = in.callMethod(fn, self, x);
                }
                if (eq == in.m.notImplemented()) {
                    return eq;
                }
                boolean t = in.truthy(eq);
                in.m.decref(eq);
                return in.bool(!t);
            }
            case LT, LE, GT, GE:
                return in.incref(in.m.notImplemented());
            case SIZEOF:
                return in.newInt(sizeof(in, self));
            case HASH:
                return in.newInt(PyHash.pointerHash(self));
            case REPR: {
                PyClass c = in.classOf(self);
                String module = c.module.equals("builtins") ? "" : c.module + ".";
                String name = c.qualname != null ? c.qualname : c.name;
                return in.newStr("<" + module + name + " object at " + hexAddress(self) + ">");
            }
            case STR:
                return in.newStr(in.repr(self)); // object_str: the type's __repr__
            case FORMAT: {
                if (in.kind(x) != K_STR) {
                    throw in.typeError("__format__() argument must be str, not " + in.classOf(x).name);
                }
                if (!in.m.strValue(x).isEmpty()) {
                    throw in.typeError("unsupported format string passed to " + in.classOf(self).name + ".__format__");
                }
                return in.strObject(self);
            }
            case SETATTR: {
                String name = attributeName(in, x);
                in.genericSetattr(self, name, in.internStr(name), y);
                return in.incref(in.none);
            }
            case DELATTR:
                in.genericDelattr(self, attributeName(in, x));
                return in.incref(in.none);
            case GETATTRIBUTE: {
                String name = attributeName(in, x);
                long v = in.genericGetattr(self, name, in.internStr(name));
                if (v == 0) {
                    throw in.error("AttributeError", "'" + in.classOf(self).name + "' object has no attribute '" + name + "'");
                }
                return v;
            }
            default:
                throw new IllegalStateException("object has no " + slot.dunder);
        }
    }

    private static String attributeName(Interp in, long name) {
        if (in.kind(name) != K_STR) {
            throw in.typeError("attribute name must be string, not '" + in.classOf(name).name + "'");
        }
        return in.m.strValue(name);
    }

    // ---- the other built-ins ----

    /** Whether the built-in of this kind operates on an operand of that kind (else NotImplemented). */
    private static boolean accepts(int kind, int other) {
        boolean intOther = other == K_INT || other == K_BOOL;
        return switch (kind) {
            case K_INT, K_BOOL -> intOther;
            case K_FLOAT -> intOther || other == K_FLOAT;
            case K_SET, K_FROZENSET -> other == K_SET || other == K_FROZENSET;
            case K_BYTEARRAY -> other == K_BYTEARRAY || other == K_BYTES; // any buffer
            default -> kind == other;
        };
    }

    private static long builtinSlot(Interp in, Slot slot, int kind, long self, long x, long y) {
        var m = in.m;
        if (slot.op != null) {
            return binarySlot(in, slot, kind, self, x);
        }
        switch (slot) {
            case EQ, NE, LT, LE, GT, GE:
                return compareSlot(in, slot, kind, self, x);
            case HASH:
                return in.newInt(valueHash(in, self, kind));
            case REPR:
                return in.newStr(builtinRepr(in, self, kind));
            case STR:
                // str.__str__ is the str's text (an exact str itself); bytes.__str__ is its repr
                if (kind == K_STR) {
                    return in.classOf(self).builtinSubclass ? in.newStr(m.strValue(self)) : in.incref(self);
                }
                return in.newStr(builtinRepr(in, self, kind));
            case FORMAT: {
                if (in.kind(x) != K_STR) {
                    throw in.typeError("__format__() argument must be str, not " + in.classOf(x).name);
                }
                String spec = m.strValue(x);
                try {
                    return in.newStr(switch (kind) {
                        case K_INT, K_BOOL -> in.formatInt(m.bigIntValue(self), spec);
                        case K_FLOAT -> Formats.formatFloat(m.floatValue(self), spec);
                        default -> Formats.formatStr(m.strValue(self), spec);
                    });
                } catch (IllegalArgumentException e) {
                    throw in.error("ValueError", e.getMessage());
                }
            }
            case SIZEOF:
                return in.newInt(sizeof(in, self));
            case NEG, POS, ABS, INVERT, INT, INDEX, FLOAT, BOOL, TRUNC, FLOOR, CEIL:
                return numberSlot(in, slot, kind, self);
            case ROUND:
                return round(in, self, x == 0 ? in.none : x);
            case DIVMOD, RDIVMOD: {
                if (!accepts(kind, in.kind(x))) {
                    return in.incref(m.notImplemented());
                }
                long left = slot == Slot.DIVMOD ? self : x;
                long right = slot == Slot.DIVMOD ? x : self;
                boolean floats = kind == K_FLOAT || in.kind(x) == K_FLOAT;
                long q = floats ? Operators.floatOp(in, BinOpKind.FLOORDIV, Operators.toDouble(in, left), Operators.toDouble(in, right))
                        : Operators.intOp(in, BinOpKind.FLOORDIV, left, right);
                long r = floats ? Operators.floatOp(in, BinOpKind.MOD, Operators.toDouble(in, left), Operators.toDouble(in, right))
                        : Operators.intOp(in, BinOpKind.MOD, left, right);
                long t = m.newTuple(q, r);
                m.decref(q);
                m.decref(r);
                return t;
            }
            case IMUL: {
                if (in.kind(x) != K_INT && in.kind(x) != K_BOOL) {
                    throw in.typeError("'" + in.classOf(x).name + "' object cannot be interpreted as an integer");
                }
                long times = m.intValue(x);
                long len = m.len(self);
                if (times <= 0) {
                    m.listClear(self);
                }
                for (long i = 1; i < times; i++) {
                    for (long j = 0; j < len; j++) {
                        m.listAppend(self, m.listGet(self, j));
                    }
                }
                return in.incref(self);
            }
            case LEN:
                return in.newInt(m.len(self));
            case CONTAINS:
                return in.bool(Operators.builtinContains(in, self, x));
            case GETITEM:
                return Operators.builtinGetitem(in, self, x);
            case SETITEM:
                Operators.builtinSetitem(in, self, x, y);
                return in.incref(in.none);
            case DELITEM:
                Operators.delitem(in, self, x);
                return in.incref(in.none);
            case ITER:
                return in.builtinIter(self, in.classOf(self));
            case REVERSED:
                return Builtins.function(in, "reversed", new long[] {self}, null);
            default:
                throw new IllegalStateException(slot.dunder);
        }
    }

    /** The binary operators' wrappers: numbers and sets give NotImplemented for another type; sequences raise. */
    private static long binarySlot(Interp in, Slot slot, int kind, long self, long x) {
        var m = in.m;
        int other = in.kind(x);
        boolean reflected = slot.form == 2;
        long left = reflected ? x : self;
        long right = reflected ? self : x;
        switch (kind) {
            case K_INT, K_BOOL, K_FLOAT:
                if (!accepts(kind, other)) {
                    return in.incref(m.notImplemented());
                }
                if (kind == K_BOOL && other == K_BOOL) {
                    // bool's own &, |, ^ of two bools is a bool
                    boolean p = in.truthy(self);
                    boolean q = in.truthy(x);
                    return in.bool(switch (slot.op) {
                        case BITAND -> p & q;
                        case BITOR -> p | q;
                        default -> p ^ q;
                    });
                }
                if (kind != K_FLOAT && other != K_FLOAT) {
                    return Operators.intOp(in, slot.op, left, right);
                }
                return Operators.floatOp(in, slot.op, Operators.toDouble(in, left), Operators.toDouble(in, right));
            case K_SET, K_FROZENSET:
                if (!accepts(kind, other)) {
                    return in.incref(m.notImplemented());
                }
                return Operators.setOp(in, slot.op, left, right, in.kind(left), slot.form == 1);
            case K_DICT: {
                if (slot.form == 1 && other != K_DICT) {
                    // dict |= takes what update takes: an iterable of pairs too
                    m.decref(Methods.call(in, self, in.classOf(self), "update", new long[] {x}, null));
                    return in.incref(self);
                }
                if (other != K_DICT) {
                    return in.incref(m.notImplemented());
                }
                long d;
                if (slot.form == 1) {
                    d = in.incref(self);
                } else {
                    d = m.newDict();
                    in.os.dictForEach(left, (k, v) -> m.dictSet(d, k, v));
                }
                in.os.dictForEach(slot.form == 1 ? x : right, (k, v) -> m.dictSet(d, k, v));
                return d;
            }
            default:
                break;
        }
        if (kind == K_BYTEARRAY) {
            return switch (slot) {
                case ADD -> ByteArrays.concat(in, self, x);
                case IADD -> ByteArrays.inplaceConcat(in, self, x);
                default -> ByteArrays.repeat(in, self, Methods.intArg(in, x), slot == Slot.IMUL);
            };
        }
        // str, bytes, tuple, list: concatenation, repetition, str's % formatting
        switch (slot) {
            case ADD, IADD: {
                if (kind == K_LIST && slot == Slot.IADD) {
                    in.listExtend(self, x);
                    return in.incref(self);
                }
                if (other != kind) {
                    String typeName = in.classOf(self).builtinSubclass ? kindName(kind) : in.classOf(self).name;
                    throw in.typeError(kind == K_BYTES
                            ? "can't concat " + in.classOf(x).name + " to " + typeName
                            : "can only concatenate " + kindName(kind) + " (not \"" + in.classOf(x).name + "\") to " + kindName(kind));
                }
                return switch (kind) {
                    case K_STR -> in.newStr(m.strValue(self) + m.strValue(x));
                    case K_BYTES -> {
                        byte[] p = m.bytesValue(self);
                        byte[] q = m.bytesValue(x);
                        byte[] r = java.util.Arrays.copyOf(p, p.length + q.length);
                        System.arraycopy(q, 0, r, p.length, q.length);
                        yield m.newBytes(r);
                    }
                    default -> Operators.concat(in, self, x, kind == K_LIST);
                };
            }
            case MUL, RMUL: {
                if (other != K_INT && other != K_BOOL) {
                    throw in.typeError("'" + in.classOf(x).name + "' object cannot be interpreted as an integer");
                }
                return Operators.repeat(in, self, m.intValue(x));
            }
            case MOD:
                return in.newStr(Builtins.percentFormat(in, m.strValue(self), x));
            default:
                throw new IllegalStateException(slot.dunder);
        }
    }

    private static String kindName(int kind) {
        return switch (kind) {
            case K_STR -> "str";
            case K_BYTES -> "bytes";
            case K_TUPLE -> "tuple";
            default -> "list";
        };
    }

    private static long compareSlot(Interp in, Slot slot, int kind, long self, long x) {
        PyClass cs = in.classOf(self);
        PyClass cx = in.classOf(x);
        boolean ordering = slot != Slot.EQ && slot != Slot.NE;
        if (!accepts(kind, cx.kind) || kind == K_DICT && ordering) {
            return in.incref(in.m.notImplemented());
        }
        if (!ordering) {
            boolean equal = in.builtinEq(self, x, cs, cx);
            return in.bool(slot == Slot.EQ ? equal : !equal);
        }
        CmpOpKind op = switch (slot) {
            case LT -> CmpOpKind.LT;
            case LE -> CmpOpKind.LT_E;
            case GT -> CmpOpKind.GT;
            default -> CmpOpKind.GT_E;
        };
        return in.bool(Operators.builtinOrder(in, op, self, x));
    }

    private static long numberSlot(Interp in, Slot slot, int kind, long self) {
        var m = in.m;
        if (kind == K_FLOAT) {
            double d = m.floatValue(self);
            return switch (slot) {
                case NEG -> m.newFloat(-d);
                case POS -> in.classOf(self).builtinSubclass ? m.newFloat(d) : in.incref(self);
                case ABS -> m.newFloat(Math.abs(d));
                case BOOL -> in.bool(d != 0.0);
                case FLOAT -> in.classOf(self).builtinSubclass ? m.newFloat(d) : in.incref(self);
                default -> in.newInt(integral(in, slot == Slot.FLOOR ? Math.floor(d) : slot == Slot.CEIL ? Math.ceil(d) : d));
            };
        }
        BigInteger v = m.bigIntValue(self);
        return switch (slot) {
            case NEG -> in.newInt(v.negate());
            case ABS -> in.newInt(v.abs());
            case INVERT -> in.newInt(v.not());
            case BOOL -> in.bool(v.signum() != 0);
            case FLOAT -> m.newFloat(Operators.toDouble(in, self));
            default -> { // __pos__, __int__, __index__, __trunc__, __floor__, __ceil__: the int itself when exact
                PyClass c = in.classOf(self);
                yield c.kind == K_INT && !c.builtinSubclass ? in.incref(self) : in.newInt(v);
            }
        };
    }

    /**
     * {@code __sizeof__}: sys.getsizeof without what it adds before the object, the GC header of a GC type and
     * the pre-header words of a managed __dict__ (3.11: types of fixed size; 3.12+: all, and a managed weakref
     * list too).
     */
    static long sizeof(Interp in, long self) {
        PyClass c = in.classOf(self);
        int k = c.kind;
        boolean gc = c.user || k == K_LIST || k == K_TUPLE || k == K_DICT || k == K_SET || k == K_FROZENSET;
        boolean varSized = k == K_INT || k == K_BOOL || k == K_TUPLE || k == K_BYTES;
        boolean managed = c.user && (in.minor >= 12 ? c.hasDict || c.hasWeakref : c.hasDict && !varSized);
        return in.m.getsizeof(self) - (gc ? 16 : 0) - (managed ? 16 : 0);
    }

    /** The integer part of a finite float, or CPython's error for NaN and the infinities. */
    private static BigInteger integral(Interp in, double d) {
        if (Double.isNaN(d)) {
            throw in.error("ValueError", "cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw in.error("OverflowError", "cannot convert float infinity to integer");
        }
        return new java.math.BigDecimal(d).toBigInteger();
    }

    /**
     * int.__round__ and float.__round__: ndigits None gives an int (a float rounded half to even); otherwise the
     * value rounded half to even at that decimal place, of the value's own type.
     */
    static long round(Interp in, long v, long ndigits) {
        var m = in.m;
        int kind = in.kind(v);
        if (kind != K_INT && kind != K_BOOL && kind != K_FLOAT) {
            // builtin_round_impl: the type's __round__, with ndigits only when one is given
            long fn = in.lookup(in.classOf(v), in.internStr("__round__"));
            if (fn == 0) {
                throw in.typeError("type " + in.classOf(v).name + " doesn't define __round__ method");
            }
            return ndigits == in.none ? in.callMethod(fn, v) : in.callMethod(fn, v, ndigits);
        }
        boolean isFloat = kind == K_FLOAT;
        if (ndigits != in.none && in.kind(ndigits) != K_INT && in.kind(ndigits) != K_BOOL) {
            throw in.typeError("'" + in.classOf(ndigits).name + "' object cannot be interpreted as an integer");
        }
        if (!isFloat) {
            PyClass c = in.classOf(v);
            long digits = ndigits == in.none ? 0 : m.intValue(ndigits);
            if (digits >= 0) {
                return c.kind == K_INT && !c.builtinSubclass ? in.incref(v) : in.newInt(m.bigIntValue(v));
            }
            java.math.BigDecimal rounded = new java.math.BigDecimal(m.bigIntValue(v))
                    .setScale((int) Math.max(digits, -10000), java.math.RoundingMode.HALF_EVEN);
            return in.newInt(rounded.toBigInteger());
        }
        double d = m.floatValue(v);
        if (ndigits == in.none) {
            return in.newInt(integral(in, Math.rint(d)));
        }
        long digits = m.intValue(ndigits);
        if (Double.isNaN(d) || Double.isInfinite(d) || digits > 323) {
            return m.newFloat(d);
        }
        if (digits < -308) {
            return m.newFloat(0.0 * d);
        }
        double r = new java.math.BigDecimal(d).setScale((int) digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(r)) {
            throw in.error("OverflowError", "rounded value too large to represent");
        }
        return m.newFloat(r == 0 ? Math.copySign(0.0, d) : r);
    }

    /** The built-in's hash of the value, a subclass's own __hash__ left out. */
    private static long valueHash(Interp in, long self, int kind) {
        PyClass c = in.classOf(self);
        if (!c.builtinSubclass) {
            return in.hash(self);
        }
        // the runtime asks an instance of a subclass for its __hash__: hash a plain built-in of the same value
        var m = in.m;
        long plain = switch (kind) {
            case K_INT, K_BOOL -> in.newInt(m.bigIntValue(self));
            case K_FLOAT -> m.newFloat(m.floatValue(self));
            case K_STR -> in.newStr(m.strValue(self));
            case K_BYTES -> m.newBytes(m.bytesValue(self));
            case K_TUPLE -> {
                long[] items = new long[(int) m.len(self)];
                for (int i = 0; i < items.length; i++) {
                    items[i] = m.tupleGet(self, i);
                }
                yield m.newTuple(items);
            }
            default -> m.newFrozenSet(Interp.toArray(m.setItems(self)));
        };
        try {
            return in.hash(plain);
        } finally {
            m.decref(plain);
        }
    }

    /** The built-in's repr of the value, a subclass's own __repr__ left out. */
    private static String builtinRepr(Interp in, long self, int kind) {
        return switch (kind) {
            case K_LIST, K_DICT, K_SET, K_FROZENSET -> in.containerText(self, kind);
            case K_INT -> in.intToDecimal(in.m.bigIntValue(self));
            case K_BOOL -> in.truthy(self) ? "True" : "False";
            case K_FLOAT -> Formats.floatRepr(in.m.floatValue(self)); // float.__repr__(x): Python's shortest repr
            case K_STR -> Interp.strRepr(in.m.strValue(self));
            case K_TUPLE -> {
                StringBuilder sb = new StringBuilder("(");
                long n = in.m.len(self);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(in.repr(in.m.tupleGet(self, i)));
                }
                yield sb.append(n == 1 ? ",)" : ")").toString();
            }
            default -> in.m.repr(self);
        };
    }
}
