package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import org.pymemlab.frontend.interp.Interp.PyClass;

/**
 * {@code types.GenericAlias}, what subscripting a generic class makes ({@code ExceptionGroup[int]},
 * {@code list[int]}): CPython's gaobject (origin, args, parameters, then the weakref list, the starred flag and
 * the vectorcall pointer: 64 bytes, GC-tracked), with its repr, {@code __origin__}, {@code __args__},
 * {@code __parameters__} (always empty: the frontend has no TypeVar), equality, hash, and a call that makes an
 * instance of the origin and tells it {@code __orig_class__}.
 */
final class GenericAliases {

    private GenericAliases() {
    }

    /** origin[key]: args is the key, or the key's items when it is a tuple. Borrowed arguments; new reference. */
    static long make(Interp in, long origin, long key) {
        long alias = in.os.newHostObject(in.tGenericAlias);
        long args = in.kind(key) == K_TUPLE ? in.incref(key) : in.m.newTuple(key);
        long parameters = in.m.newTuple();
        in.os.setHostSlot(alias, 0, origin);
        in.os.setHostSlot(alias, 1, args);
        in.os.setHostSlot(alias, 2, parameters);
        in.m.decref(args);
        in.m.decref(parameters);
        return alias;
    }

    /**
     * Whether {@code cls[...]} makes an alias: the built-in generic classes, exception groups, and the classes
     * derived from them (which inherit __class_getitem__).
     */
    static boolean isGeneric(Interp in, PyClass c) {
        if (c.exceptionGroup) {
            return true;
        }
        return switch (c.kind) {
            case K_LIST, K_DICT, K_SET, K_FROZENSET, K_TUPLE, K_TYPE -> true;
            default -> false;
        };
    }

    /** ga_repr: classes by their (module-qualified) name, Ellipsis as "...", anything else by repr. */
    static String repr(Interp in, long alias) {
        long args = in.os.hostSlot(alias, 1);
        StringBuilder sb = new StringBuilder(itemRepr(in, in.os.hostSlot(alias, 0))).append('[');
        int n = (int) in.m.len(args);
        if (n == 0) {
            sb.append("()");
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(itemRepr(in, in.m.tupleGet(args, i)));
        }
        return sb.append(']').toString();
    }

    private static String itemRepr(Interp in, long item) {
        if (item == in.m.ellipsis()) {
            return "...";
        }
        if (in.kind(item) == K_TYPE) {
            PyClass t = in.classOfType(item);
            String name = t.qualname != null ? t.qualname : t.name.substring(t.name.lastIndexOf('.') + 1);
            return t.module.equals("builtins") ? name : t.module + "." + name;
        }
        return in.repr(item);
    }

    /** __origin__, __args__, __parameters__, or 0. New reference. */
    static long attribute(Interp in, long alias, String name) {
        int slot = switch (name) {
            case "__origin__" -> 0;
            case "__args__" -> 1;
            case "__parameters__" -> 2;
            default -> -1;
        };
        return slot < 0 ? 0 : in.incref(in.os.hostSlot(alias, slot));
    }

    /** ga_richcompare's equality: same origin and equal args. */
    static boolean equal(Interp in, long a, long b) {
        return in.os.hostSlot(a, 0) == in.os.hostSlot(b, 0) && in.eq(in.os.hostSlot(a, 1), in.os.hostSlot(b, 1));
    }

    /** ga_hash: the origin's hash xor the args'. */
    static long hash(Interp in, long alias) {
        long h = in.hash(in.os.hostSlot(alias, 0)) ^ in.hash(in.os.hostSlot(alias, 1));
        return h == -1 ? -2 : h;
    }

    /**
     * ga_call: the origin called with the arguments (consumed), then the result's {@code __orig_class__} set to
     * the alias where it takes attributes. New reference.
     */
    static long call(Interp in, long alias, long[] args, String[] kwnames) {
        long result = in.call(in.os.hostSlot(alias, 0), args, kwnames);
        try {
            in.setattr(result, "__orig_class__", alias);
        } catch (PyRaise e) {
            if (!in.isInstance(e.exc, "AttributeError") && !in.isInstance(e.exc, "TypeError")) {
                in.m.decref(result);
                throw e;
            }
            in.m.decref(e.exc);
        }
        return result;
    }
}
