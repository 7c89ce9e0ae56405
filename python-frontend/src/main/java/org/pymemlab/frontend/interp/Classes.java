package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.ObjectSpace;

/**
 * Making classes and calling them, as CPython's type_new and type_call do: the metaclass, the base whose
 * instance layout a class extends, the C3 method resolution order, the class's descriptors and
 * {@code __init_subclass__}; then {@code __new__}/{@code __init__}, {@code super()}, and the attributes of a
 * class object.
 */
final class Classes {

    private Classes() {
    }

    // ---- class statements and type(name, bases, dict) ----

    /**
     * The metaclass a class statement calls: the explicit one (0 for none) or the type of the first base, then
     * the most derived of it and the types of all bases. Borrowed.
     */
    static long metaclassFor(Interp in, long explicit, long bases) {
        long meta = explicit != 0 ? explicit : in.m.len(bases) > 0 ? in.os.typeOf(in.m.tupleGet(bases, 0)) : in.os.builtinType("type");
        if (in.kind(meta) != K_TYPE) {
            return meta; // a plain callable as metaclass: called as it is
        }
        return mostDerivedMetaclass(in, in.classOfType(meta), bases).address;
    }

    private static PyClass mostDerivedMetaclass(Interp in, PyClass meta, long bases) {
        long n = in.m.len(bases);
        for (int i = 0; i < n; i++) {
            PyClass mt = in.classOf(in.m.tupleGet(bases, i));
            if (in.isSubclass(meta, mt)) {
                continue;
            }
            if (in.isSubclass(mt, meta)) {
                meta = mt;
                continue;
            }
            throw in.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                    + "of the metaclasses of all its bases");
        }
        return meta;
    }

    /** The namespace a class body runs in: {@code meta.__prepare__(name, bases, **kw)} or a new dict. */
    static long prepare(Interp in, long meta, String name, long bases, long[] kwvals, String[] kwnames) {
        PyClass mc = in.kind(meta) == K_TYPE ? in.classOfType(meta) : null;
        long prep = mc != null && mc.user ? in.getattrOrZero(meta, "__prepare__") : 0;
        if (prep == 0) {
            return in.m.newDict();
        }
        long[] args = new long[2 + kwvals.length];
        args[0] = in.newStr(name);
        args[1] = in.incref(bases);
        for (int i = 0; i < kwvals.length; i++) {
            args[2 + i] = in.incref(kwvals[i]);
        }
        try {
            long ns = in.call(prep, args, kwnames.length == 0 ? null : kwnames);
            if (in.kind(ns) != K_DICT) {
                in.m.decref(ns);
                throw in.typeError("PyMem Lab's frontend supports only a dict from __prepare__");
            }
            return ns;
        } finally {
            in.m.decref(prep);
        }
    }

    /**
     * type.__new__(metatype, name, bases, namespace, **kw): metatype 0 is type; bases and namespace borrowed, the
     * namespace copied. {@code module} is the {@code __module__} of a namespace without one. New reference.
     */
    static long typeNew(Interp in, long metatype, String name, long bases, long ns, long[] kwvals, String[] kwnames,
                        String module) {
        return typeNew(in, metatype, name, bases, ns, kwvals, kwnames, module, null);
    }

    /** type.__new__ for a class standing for a built-in laid out as {@code struct} (null: as type_new lays it out). */
    static long typeNew(Interp in, long metatype, String name, long bases, long ns, long[] kwvals, String[] kwnames,
                        String module, ClassSpec.Struct struct) {
        Mutator m = in.m;
        if (m.len(bases) == 0) {
            long objectOnly = m.newTuple(in.tObject);
            try {
                return typeNew(in, metatype, name, objectOnly, ns, kwvals, kwnames, module, struct);
            } finally {
                m.decref(objectOnly);
            }
        }
        ObjectSpace os = in.os;
        int n = (int) m.len(bases);
        PyClass[] baseClasses = new PyClass[n];
        for (int i = 0; i < n; i++) {
            long b = m.tupleGet(bases, i);
            if (in.kind(b) != K_TYPE) {
                throw in.typeError("bases must be types");
            }
            baseClasses[i] = in.classOfType(b);
        }
        PyClass meta = metatype == 0 ? in.classOfType(os.builtinType("type")) : in.classOfType(metatype);
        meta = mostDerivedMetaclass(in, meta, bases);
        PyClass base = bestBase(in, baseClasses);
        PyClass[] mroTail = mroTail(in, baseClasses);
        boolean makesMetaclass = base.kind == K_TYPE;
        boolean builtinBase = base.kind != K_OBJECT && base.kind != K_INSTANCE && !makesMetaclass;
        long dict = m.newDict();
        long cls = 0;
        try {
            os.dictForEach(ns, (k, v) -> m.dictSet(dict, k, v));
            String qualname = name;
            long q = m.dictGet(dict, in.internStr("__qualname__"));
            if (q != 0) {
                qualname = m.strValue(q);
                m.dictDel(dict, in.internStr("__qualname__"));
            }
            long classCell = m.dictGet(dict, in.internStr("__classcell__"));
            if (classCell != 0) {
                in.incref(classCell);
                m.dictDel(dict, in.internStr("__classcell__"));
            }
            if (m.dictGet(dict, in.internStr("__module__")) == 0) {
                m.dictSet(dict, in.internStr("__module__"), in.internStr(module));
            }
            if (m.dictGet(dict, in.sEq) != 0 && m.dictGet(dict, in.sHash) == 0) {
                m.dictSet(dict, in.sHash, in.none); // type_new: a class that defines __eq__ alone is unhashable
            }
            // __init_subclass__ and __class_getitem__ are class methods, __new__ a static method, without saying so
            wrapFunction(in, dict, "__init_subclass__", in.tClassMethod);
            wrapFunction(in, dict, "__class_getitem__", in.tClassMethod);
            wrapFunction(in, dict, "__new__", in.tStaticMethod);
            List<String> declared = makesMetaclass ? null : declaredSlots(in, dict);
            List<String> slots = declared == null ? null : slotNames(declared, name);
            boolean hasDel = !makesMetaclass && (m.dictGet(dict, in.internStr("__del__")) != 0
                    || in.lookupUncached(mroTail, 0, in.internStr("__del__")) != 0);
            ClassSpec spec = struct != null ? ClassSpec.struct(name, struct)
                    : new ClassSpec(name, slots, hasDel ? (mut, self) -> in.runDel(self) : null);
            boolean weakrefSlot = declared != null && declared.contains("__weakref__");
            if (weakrefSlot) {
                spec = spec.withWeakrefSlot();
            }
            if (declared != null && declared.contains("__dict__")) {
                spec = spec.withDictSlot();
            }
            long metaArg = meta.user ? meta.address : 0;
            long baseArg = base.kind == K_OBJECT ? 0 : base.address;
            try {
                cls = os.newClass(spec, metaArg, baseArg, bases, dict);
            } catch (org.pymemlab.runtime.PyException e) {
                if (classCell != 0) {
                    m.decref(classCell);
                }
                throw in.convert(e);
            }
            in.classVersion++;
            PyClass c = in.registerClass(cls, name, makesMetaclass ? K_TYPE : builtinBase ? base.kind : K_INSTANCE);
            c.user = true;
            c.metaclass = makesMetaclass;
            c.builtinSubclass = builtinBase;
            c.base = base;
            c.module = m.strValue(m.dictGet(dict, in.internStr("__module__")));
            c.qualname = qualname;
            c.exception = base.exception;
            c.family = base.family;
            List<String> own = slots == null ? List.of() : slots;
            // a struct with fields of its own (or BaseException's, from object) is a new solid base
            boolean ownFields = struct != null && (!struct.fields().isEmpty() || base.kind == K_OBJECT);
            c.solid = own.isEmpty() && !ownFields ? base.solid : c;
            c.hasDict = !makesMetaclass && (slots == null || base.hasDict || spec.dictSlot());
            // int, tuple and bytes objects have items inline: type_new gives their subclasses no weakref list
            boolean varSized = base.kind == K_INT || base.kind == K_TUPLE || base.kind == K_BYTES;
            c.hasWeakref = !makesMetaclass && !module.equals("builtins")
                    && (slots == null && !varSized || base.hasWeakref || weakrefSlot);
            PyClass[] mro = new PyClass[mroTail.length + 1];
            mro[0] = c;
            System.arraycopy(mroTail, 0, mro, 1, mroTail.length);
            c.mro = mro;
            c.exceptionGroup = in.baseExceptionGroup != null && in.isSubclass(c, in.baseExceptionGroup);
            if (!module.equals("builtins")) {
                // the interpreter's own classes (exceptions) stand for CPython's static types: no __mro__ cycle
                long mroTuple = m.newTuple(addresses(mro));
                os.setClassMro(cls, mroTuple);
                m.decref(mroTuple);
                addDescriptors(in, c, base, own, dict);
                if (in.m.dictGet(dict, in.internStr("__doc__")) == 0) {
                    in.m.dictSet(dict, in.internStr("__doc__"), in.none); // type_new_set_doc
                }
            }
            if (classCell != 0) {
                os.setHostSlot(classCell, 0, cls);
                m.decref(classCell);
            }
            setNames(in, c, cls, dict);
            initSubclass(in, c, kwvals, kwnames);
            return cls;
        } catch (RuntimeException e) {
            if (cls != 0) {
                m.decref(cls);
            }
            throw e;
        } finally {
            m.decref(dict);
        }
    }

    private static void wrapFunction(Interp in, long dict, String name, long wrapperType) {
        long fn = in.m.dictGet(dict, in.internStr(name));
        if (fn != 0 && in.kind(fn) == K_FUNCTION) {
            long w = in.os.newHostObject(wrapperType);
            in.os.setHostSlot(w, 0, fn);
            in.m.dictSet(dict, in.internStr(name), w);
            in.m.decref(w);
        }
    }

    /** The names a namespace's {@code __slots__} declare, as written; or null when it has none. */
    private static List<String> declaredSlots(Interp in, long dict) {
        long slotsObj = in.m.dictGet(dict, in.internStr("__slots__"));
        if (slotsObj == 0) {
            return null;
        }
        List<String> slots = new ArrayList<>();
        if (in.kind(slotsObj) == K_STR) {
            slots.add(in.m.strValue(slotsObj));
        } else {
            for (long x : in.toList(slotsObj)) {
                slots.add(in.m.strValue(x));
                in.m.decref(x);
            }
        }
        return slots;
    }

    /**
     * The declared slots without {@code __dict__} and {@code __weakref__}, private names mangled with the class's
     * name and all sorted, as type_new lays them out.
     */
    private static List<String> slotNames(List<String> declared, String className) {
        List<String> slots = new ArrayList<>(declared);
        slots.remove("__weakref__");
        slots.remove("__dict__");
        slots.replaceAll(slot -> mangle(className, slot));
        java.util.Collections.sort(slots);
        return slots;
    }

    /**
     * best_base: the base whose instance layout extends every other base's (through solid bases), or the
     * lay-out conflict TypeError.
     */
    private static PyClass bestBase(Interp in, PyClass[] bases) {
        PyClass winner = null;
        PyClass best = null;
        for (PyClass b : bases) {
            if (!b.user && !SUBCLASSABLE.contains(b.kind)) {
                throw in.typeError("type '" + b.name + "' is not an acceptable base type");
            }
            PyClass candidate = b.solid;
            if (winner == null) {
                winner = candidate;
                best = b;
            } else if (in.isSubclass(winner, candidate)) {
                continue;
            } else if (in.isSubclass(candidate, winner)) {
                winner = candidate;
                best = b;
            } else {
                throw in.typeError("multiple bases have instance lay-out conflict");
            }
        }
        return best;
    }

    private static final java.util.Set<Integer> SUBCLASSABLE = java.util.Set.of(K_OBJECT, K_TYPE, K_INT, K_FLOAT, K_STR,
            K_BYTES, K_TUPLE, K_LIST, K_DICT, K_SET, K_FROZENSET);

    /** The MRO of a class, built-in ones included (their base chain, then object). */
    static PyClass[] mroOf(Interp in, PyClass c) {
        if (c.mro != null) {
            return c.mro;
        }
        List<PyClass> chain = new ArrayList<>();
        for (PyClass p = c; p != null; p = p.base) {
            chain.add(p);
        }
        PyClass object = in.classOfType(in.tObject);
        if (chain.get(chain.size() - 1) != object) {
            chain.add(object);
        }
        return chain.toArray(PyClass[]::new);
    }

    /** The MRO of a new class after the class itself: C3 over the bases' MROs and the bases. */
    private static PyClass[] mroTail(Interp in, PyClass[] bases) {
        if (bases.length == 1) {
            return mroOf(in, bases[0]);
        }
        for (int i = 0; i < bases.length; i++) {
            for (int j = i + 1; j < bases.length; j++) {
                if (bases[i] == bases[j]) {
                    throw in.typeError("duplicate base class " + bases[i].name);
                }
            }
        }
        List<List<PyClass>> seqs = new ArrayList<>();
        for (PyClass b : bases) {
            seqs.add(new ArrayList<>(List.of(mroOf(in, b))));
        }
        seqs.add(new ArrayList<>(List.of(bases)));
        List<PyClass> result = new ArrayList<>();
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) {
                return result.toArray(PyClass[]::new);
            }
            PyClass next = null;
            for (List<PyClass> seq : seqs) {
                PyClass head = seq.get(0);
                boolean inTail = false;
                for (List<PyClass> other : seqs) {
                    if (other.indexOf(head) > 0) {
                        inTail = true;
                        break;
                    }
                }
                if (!inTail) {
                    next = head;
                    break;
                }
            }
            if (next == null) {
                LinkedHashSet<String> heads = new LinkedHashSet<>();
                for (List<PyClass> seq : seqs) {
                    heads.add(seq.get(0).name);
                }
                throw in.typeError("Cannot create a consistent method resolution" + (in.minor >= 13 ? " " : "\n")
                        + "order (MRO) for bases " + String.join(", ", heads));
            }
            result.add(next);
            for (List<PyClass> seq : seqs) {
                if (seq.get(0) == next) {
                    seq.remove(0);
                }
            }
        }
    }

    /**
     * _Py_Mangle: a private name ({@code __x}, not ending in two underscores, without a dot) used inside class
     * {@code className} becomes {@code _className__x}, the class name's leading underscores stripped; a class
     * named by underscores alone mangles nothing.
     */
    static String mangle(String className, String name) {
        if (className == null || !name.startsWith("__") || name.endsWith("__") || name.indexOf('.') >= 0) {
            return name;
        }
        int start = 0;
        while (start < className.length() && className.charAt(start) == '_') {
            start++;
        }
        return start == className.length() ? name : "_" + className.substring(start) + name;
    }

    /** The __dict__/__weakref__ descriptors of a class that adds a dict, and one member per own slot. */
    private static void addDescriptors(Interp in, PyClass c, PyClass base, List<String> ownSlots, long dict) {
        for (String slot : ownSlots) {
            putDescriptor(in, in.tMemberDescriptor, c, slot, dict);
        }
        if (c.hasDict && !base.hasDict) {
            putDescriptor(in, in.tGetSetDescriptor, c, "__dict__", dict);
        }
        if (c.hasWeakref && !base.hasWeakref) {
            putDescriptor(in, in.tGetSetDescriptor, c, "__weakref__", dict);
        }
    }

    static void putDescriptor(Interp in, long type, PyClass c, String name, long dict) {
        long d = in.os.newHostObject(type);
        in.os.setHostSlot(d, 0, c.address);
        in.os.setHostSlot(d, 1, in.internStr(name));
        in.m.dictSet(dict, in.internStr(name), d);
        in.m.decref(d);
    }

    /** A descriptor of the class read through an instance. New reference, or 0 for an empty slot. */
    static long descriptorGet(Interp in, long descriptor, long obj) {
        String name = in.m.strValue(in.os.hostSlot(descriptor, 1));
        PyClass owner = in.classOfType(in.os.hostSlot(descriptor, 0));
        if (owner.exception && owner.module.equals("builtins")) {
            return ExceptionObjects.descriptorGet(in, obj, name);
        }
        if (in.os.typeOf(descriptor) == in.tGetSetDescriptor) {
            if (name.equals("__dict__")) {
                long dict = in.os.instanceDict(obj);
                return dict != 0 ? dict : in.none;
            }
            return in.none;
        }
        long v = in.m.getAttr(obj, name);
        return v == 0 ? 0 : in.incref(v);
    }

    /**
     * type_new_set_names: each value in the new class's namespace whose type has {@code __set_name__} is told
     * its owner and name. A failure is 3.11's RuntimeError caused by it, or from 3.12 itself with a note.
     */
    private static void setNames(Interp in, PyClass c, long cls, long dict) {
        for (long key : List.copyOf(in.m.dictKeys(dict))) {
            long value = in.m.dictGet(dict, key);
            PyClass vc = value == 0 ? null : in.classOf(value);
            if (vc == null || !(vc.kind == K_INSTANCE || vc.builtinSubclass)) {
                continue;
            }
            long setName = in.lookup(vc, in.internStr("__set_name__"));
            if (setName == 0) {
                continue;
            }
            try {
                in.m.decref(in.call(setName, new long[] {in.incref(value), in.incref(cls), in.incref(key)}, null));
            } catch (PyRaise e) {
                String message = "Error calling __set_name__ on '" + vc.name + "' instance '" + in.m.strValue(key)
                        + "' in '" + c.name + "'";
                if (in.minor >= 12) {
                    long note = in.newStr(message);
                    in.m.decref(ExceptionGroups.addNote(in, e.exc, note));
                    in.m.decref(note);
                    throw e;
                }
                PyRaise wrapped = in.error("RuntimeError", message);
                ExceptionObjects.setField(in, wrapped.exc, "__context__", e.exc);
                ExceptionObjects.setCause(in, wrapped.exc, e.exc);
                in.m.decref(e.exc);
                throw wrapped;
            }
        }
    }

    /** super(cls, cls).__init_subclass__(**kw), kw borrowed. */
    private static void initSubclass(Interp in, PyClass c, long[] kwvals, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        long fn = in.lookupUncached(c.mro, 1, in.internStr("__init_subclass__"));
        if (fn == 0) {
            if (nkw > 0) {
                throw in.typeError(c.name + ".__init_subclass__() takes no keyword arguments");
            }
            return;
        }
        long[] args = new long[1 + nkw];
        args[0] = in.incref(c.address);
        for (int i = 0; i < nkw; i++) {
            args[1 + i] = in.incref(kwvals[i]);
        }
        long target = in.kind(fn) == K_CLASSMETHOD ? in.os.hostSlot(fn, 0) : fn;
        in.m.decref(in.call(target, args, nkw == 0 ? null : kwnames));
    }

    // ---- calling a class ----

    /** type.__call__(cls, *args): __new__, then __init__ when it made an instance of cls. Args consumed. */
    static long typeCall(Interp in, long cls, long[] args, String[] kwnames) {
        Mutator m = in.m;
        PyClass c = in.classOfType(cls);
        long newFn = in.lookup(c, in.sNew);
        long obj;
        if (newFn != 0) {
            long[] full = new long[args.length + 1];
            full[0] = in.incref(cls);
            for (int i = 0; i < args.length; i++) {
                full[1 + i] = in.incref(args[i]);
            }
            try {
                obj = in.call(in.kind(newFn) == K_STATICMETHOD ? in.os.hostSlot(newFn, 0) : newFn, full, kwnames);
            } catch (RuntimeException e) {
                in.release(args);
                throw e;
            }
            if (!in.isSubclass(in.classOf(obj), c)) {
                in.release(args);
                return obj;
            }
        } else if (c.builtinSubclass && isImmutableKind(c.kind)) {
            try {
                obj = immutableNew(in, cls, args, kwnames);
            } catch (RuntimeException e) {
                in.release(args);
                throw e;
            }
        } else if (c.metaclass) {
            try {
                obj = typeNewFromArgs(in, cls, args, kwnames);
            } catch (RuntimeException e) {
                in.release(args);
                throw e;
            }
        } else {
            try {
                obj = objectNew(in, cls, args, kwnames, false);
            } catch (RuntimeException e) {
                in.release(args);
                throw e;
            }
        }
        long init = in.lookup(c, in.sInit);
        if (init == 0) {
            try {
                if (c.builtinSubclass && !isImmutableKind(c.kind) && in.classOf(obj) == c) {
                    containerInit(in, obj, c.kind, args, kwnames);
                } else if (c.exception && newFn != 0 && in.isSubclass(in.classOf(obj), c)) {
                    // a __new__ of the program's made it: BaseException.__init__ still sets args
                    exceptionInit(in, obj, args, kwnames);
                } else if (c.exception && in.isSubclass(in.classOf(obj), c)) {
                    // the built-in __init__ (StopIteration's, AttributeError's …) fills the subclass's fields
                    ExceptionObjects.initFields(in, obj, args, kwnames);
                }
            } catch (RuntimeException e) {
                in.m.decref(obj);
                throw e;
            } finally {
                in.release(args);
            }
            return obj;
        }
        long[] full = new long[args.length + 1];
        full[0] = in.incref(obj);
        System.arraycopy(args, 0, full, 1, args.length);
        long r;
        try {
            r = in.call(init, full, kwnames);
        } catch (PyRaise e) {
            m.decref(obj);
            throw e;
        }
        if (r != in.none) {
            m.decref(r);
            m.decref(obj);
            throw in.typeError("__init__() should return None, not '" + in.classOf(r).name + "'");
        }
        return obj;
    }

    /** BaseException.__init__(self, *args) or a subclass's: args and the fields; keywords where the class takes them. */
    static void exceptionInit(Interp in, long self, long[] args, String[] kwnames) {
        ExceptionObjects.init(in, self, args, kwnames);
    }

    /** The built-ins whose value is made by {@code __new__} (their {@code __init__} is object's). */
    static boolean isImmutableKind(int kind) {
        return kind == K_INT || kind == K_FLOAT || kind == K_STR || kind == K_BYTES || kind == K_TUPLE
                || kind == K_FROZENSET;
    }

    /**
     * int/float/str/bytes/tuple/frozenset.__new__(cls, *args) for a subclass cls, args borrowed: the built-in's
     * value made from the arguments, then copied into an instance of cls (as long_subtype_new and its siblings
     * do); a frozenset subclass's instance is filled from the iterable. New reference.
     */
    static long immutableNew(Interp in, long cls, long[] args, String[] kwnames) {
        PyClass c = in.classOfType(cls);
        checkNewKeywords(in, c, kwnames);
        if (c.kind == K_FROZENSET) {
            int npos = args.length - (kwnames == null ? 0 : kwnames.length);
            if (npos > 1) {
                throw in.typeError(c.name + " expected at most 1 argument, got " + npos);
            }
            if (npos == 1 && in.os.setMergeable(args[0])) {
                long made = in.os.newFrozenSetInstance(cls);
                try {
                    in.os.setUpdateFrom(made, args[0]); // make_new_set: a set or dict merged in one resize
                } catch (RuntimeException e) {
                    in.m.decref(made);
                    throw e;
                }
                return made;
            }
            long[] items = npos == 0 ? new long[0] : Interp.toArray(in.toList(args[0]));
            try {
                return in.os.newFrozenSetInstance(cls, items);
            } finally {
                in.release(items);
            }
        }
        long value = Builtins.construct(in, builtinTypeOf(in, c), args, kwnames);
        try {
            return in.os.newValueInstance(cls, value);
        } finally {
            in.m.decref(value);
        }
    }

    /**
     * The keywords the built-in's __new__ takes for a subclass: int's base, str's and bytes' encoding and errors
     * (and the object); float, tuple and frozenset take none unless the class has an __init__ of its own, which
     * gets them instead.
     */
    private static void checkNewKeywords(Interp in, PyClass c, String[] kwnames) {
        if (kwnames == null || kwnames.length == 0) {
            return;
        }
        String builtin = in.classOfType(builtinTypeOf(in, c)).name;
        List<String> accepted = switch (c.kind) {
            case K_INT -> List.of("base");
            case K_STR -> List.of("object", "encoding", "errors");
            case K_BYTES -> List.of("source", "encoding", "errors");
            default -> null;
        };
        if (accepted == null) {
            if (in.lookup(c, in.sInit) == 0) {
                throw in.typeError(builtin + "() takes no keyword arguments");
            }
            return;
        }
        for (String k : kwnames) {
            if (!accepted.contains(k)) {
                throw KeywordErrors.builtin(in, builtin, k, accepted);
            }
        }
    }

    /** The built-in type a class made by the program derives from (its kind's). Borrowed. */
    private static long builtinTypeOf(Interp in, PyClass c) {
        PyClass p = c;
        while (p.user) {
            p = p.base;
        }
        return p.address;
    }

    /** object.__new__(cls, *args), args borrowed: a bare instance (an exception keeps its args). New reference. */
    static long objectNew(Interp in, long cls, long[] args, String[] kwnames, boolean explicit) {
        PyClass c = in.classOfType(cls);
        if (c != null && c.kind == K_OBJECT && !c.user && (args.length == 0 || !explicit)) {
            return Builtins.construct(in, cls, new long[0], null); // object.__new__(object)
        }
        if (c != null && !c.user && (c.kind == K_LIST || c.kind == K_DICT || c.kind == K_SET)) {
            return Builtins.construct(in, cls, new long[0], null); // list.__new__(list): PyType_GenericNew, empty
        }
        if (c == null || !c.user || c.metaclass) {
            throw in.typeError("object.__new__(X): X is not a type object (" + (c == null ? "?" : c.name) + ")");
        }
        if (c.builtinSubclass && isImmutableKind(c.kind)) {
            // tp_new_wrapper: the value of an int/str/... subclass's instance is its built-in __new__'s to make
            PyClass safe = c;
            while (safe.user && in.m.dictGet(in.os.classDict(safe.address), in.sNew) != 0) {
                safe = safe.base;
            }
            throw in.typeError("object.__new__(" + c.name + ") is not safe, use " + safe.name + ".__new__()");
        }
        if (c.builtinSubclass) {
            return in.os.newContainerInstance(cls); // list/dict/set.__init__ takes the arguments
        }
        if (args.length > 0 && !c.exception) {
            if (explicit) {
                throw in.typeError("object.__new__() takes exactly one argument (the type to instantiate)");
            }
            if (in.lookup(c, in.sInit) == 0) {
                throw in.typeError(c.name + "() takes no arguments");
            }
        }
        // BaseException.__init__ takes no keyword arguments (its __new__, which checks first, ignores them)
        boolean refuseKeywords = c.exception && !explicit && kwnames != null && kwnames.length > 0
                && in.lookup(c, in.sInit) == 0 && !ExceptionObjects.takesKeywords(in, c);
        if (c.exceptionGroup) {
            long group = ExceptionGroups.newGroup(in, cls, java.util.Arrays.copyOf(args, args.length - (kwnames == null ? 0 : kwnames.length)));
            if (refuseKeywords) {
                in.m.decref(group);
                throw in.typeError(c.name + "() takes no keyword arguments");
            }
            return group;
        }
        if (refuseKeywords) {
            throw in.typeError(c.name + "() takes no keyword arguments");
        }
        long inst;
        if (c.exception) {
            // OSError(errno, strerror, …) makes the subclass its errno names
            cls = ExceptionObjects.osErrorClassFor(in, c, java.util.Arrays.copyOf(args, args.length - (kwnames == null ? 0 : kwnames.length)));
        }
        try {
            inst = c.exception ? ExceptionObjects.newInstance(in, cls) : in.m.newInstance(cls);
        } catch (org.pymemlab.runtime.PyException e) {
            throw in.convert(e);
        }
        if (c.exception) {
            int npos = args.length - (kwnames == null ? 0 : kwnames.length);
            long t = in.m.newTuple(java.util.Arrays.copyOf(args, npos));
            in.m.setAttr(inst, "args", t);
            in.m.decref(t);
        }
        return inst;
    }

    /** list/dict/set.__init__(self, *args, **kw) on an instance of a subclass: fills it. Args borrowed. */
    static void containerInit(Interp in, long self, int kind, long[] args, String[] kwnames) {
        Mutator m = in.m;
        int npos = args.length - (kwnames == null ? 0 : kwnames.length);
        if (kind != K_DICT && (npos > 1 || kwnames != null && kwnames.length > 0)) {
            String type = kind == K_LIST ? "list" : "set";
            throw in.typeError(npos > 1 ? type + " expected at most 1 argument, got " + npos : type + "() takes no keyword arguments");
        }
        if (kind == K_DICT) {
            long made = Builtins.construct(in, in.os.builtinType("dict"), args, kwnames);
            try {
                in.os.dictForEach(made, (k, v) -> m.dictSet(self, k, v));
            } finally {
                m.decref(made);
            }
            return;
        }
        if (npos == 0) {
            return;
        }
        int argKind = in.kind(args[0]);
        if (kind == K_LIST && (argKind == K_LIST || argKind == K_TUPLE || argKind == K_RANGE || argKind == K_DICT
                || argKind == K_SET || argKind == K_FROZENSET || argKind == K_STR || argKind == K_DICTVIEW)) {
            long[] items = Interp.toArray(in.toList(args[0]));
            try {
                in.os.listInitPreallocated(self, items);
            } finally {
                in.release(items);
            }
            return;
        }
        if (kind != K_LIST && in.os.setUpdateFrom(self, args[0])) {
            return; // set_update_internal: a set or dict merged in one resize
        }
        for (long x : in.toList(args[0])) {
            try {
                if (kind == K_LIST) {
                    m.listAppend(self, x);
                } else {
                    in.hash(x);
                    m.setAdd(self, x);
                }
            } finally {
                m.decref(x);
            }
        }
    }

    /**
     * An attribute of an instance of a list/dict/set subclass that the class or the instance's __dict__ gives;
     * 0 leaves it to the built-in's methods. New reference.
     */
    static long subclassInstanceAttr(Interp in, long obj, PyClass c, String name, long nameStr) {
        long classAttr = in.lookup(c, nameStr);
        int attrKind = classAttr == 0 ? -1 : in.kind(classAttr);
        if (attrKind == K_PROPERTY) {
            return in.callMethod(in.os.hostSlot(classAttr, 0), obj);
        }
        if (attrKind == K_DESCRIPTOR) {
            return descriptorGet(in, classAttr, obj);
        }
        if (c.hasDict) {
            long v = in.m.getAttr(obj, name);
            if (v != 0) {
                return in.incref(v);
            }
        }
        if (classAttr != 0) {
            return in.bindClassAttr(classAttr, obj, c.address);
        }
        if (name.equals("__class__")) {
            return in.incref(c.address);
        }
        return 0;
    }

    /**
     * Whether the built-in list/dict/set behind kind may have the attribute (a public method or a dunder); the
     * other built-ins' attribute lookup answers for itself.
     */
    static boolean builtinMayHave(int kind, String name) {
        java.util.Set<String> methods = CONTAINER_METHODS.get(kind);
        return name.startsWith("__") && !name.equals("__dict__") && !name.equals("__weakref__")
                || methods == null || methods.contains(name);
    }

    /** The public methods of list, dict and set: any other plain name is missing on their subclasses' instances. */
    private static final java.util.Map<Integer, java.util.Set<String>> CONTAINER_METHODS = java.util.Map.of(
            K_LIST, java.util.Set.of("append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove",
                    "reverse", "sort"),
            K_DICT, java.util.Set.of("clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault",
                    "update", "values"),
            K_SET, java.util.Set.of("add", "clear", "copy", "difference", "difference_update", "discard", "intersection",
                    "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove", "symmetric_difference",
                    "symmetric_difference_update", "union", "update"));

    /** type.__new__(meta, name, bases, dict, **kw) with its arguments borrowed. New reference. */
    private static long typeNewFromArgs(Interp in, long meta, long[] args, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        if (npos != 3) {
            throw in.typeError("type.__new__() takes exactly 3 arguments (" + npos + " given)");
        }
        String[] want = {"str", "tuple", "dict"};
        int[] kinds = {K_STR, K_TUPLE, K_DICT};
        for (int i = 0; i < 3; i++) {
            if (in.kind(args[i]) != kinds[i]) {
                throw in.typeError("type.__new__() argument " + (i + 1) + " must be " + want[i] + ", not "
                        + in.classOf(args[i]).name);
            }
        }
        long[] kwvals = java.util.Arrays.copyOfRange(args, 3, args.length);
        PyClass mc = in.classOfType(meta);
        return typeNew(in, mc.user ? meta : 0, in.m.strValue(args[0]), args[1], args[2], kwvals, kwnames, "__main__");
    }

    /** type(name, bases, dict): args borrowed. New reference. */
    static long typeThreeArgs(Interp in, long[] args, String[] kwnames) {
        return typeNewFromArgs(in, in.os.builtinType("type"), args, kwnames);
    }

    // ---- attributes of built-in classes reached through super() or the class ----

    /** object.__init__ as a wrapper descriptor (self 0) or bound as a method-wrapper. New reference. */
    private static long objectInit(Interp in, long self) {
        return in.newBuiltin(self == 0 ? in.tWrapperDescriptor : in.tMethodWrapper, "__init__", "object", self, (inn, s, a, kw) -> {
            if (a.length > (s == 0 ? 1 : 0)) {
                throw inn.typeError("object.__init__() takes exactly one argument (the instance to initialize)");
            }
            return inn.none;
        });
    }

    /**
     * The attribute {@code name} of the built-in class {@code p} (object or type) bound to {@code self} (0 when
     * read from the class itself), or 0. New reference.
     */
    static long builtinClassAttr(Interp in, PyClass p, String name, long self) {
        if (p.kind == K_OBJECT) {
            return switch (name) {
                // made once, as CPython keeps them in the type's dict: C.__new__ is object.__new__
                case "__new__" -> in.typeDescriptor("object.__new__", () -> in.newBuiltin("__new__", 0, (inn, s, a, kw) -> {
                    if (a.length == 0) {
                        throw inn.typeError("object.__new__(): not enough arguments");
                    }
                    return objectNew(inn, a[0], java.util.Arrays.copyOfRange(a, 1, a.length), kw, true);
                }));
                case "__init__" -> self == 0 ? in.typeDescriptor("object.__init__", () -> objectInit(in, 0)) : objectInit(in, self);
                case "__init_subclass__" -> in.newBuiltin("__init_subclass__", self, (inn, s, a, kw) -> {
                    if (kw != null && kw.length > 0) {
                        throw inn.typeError(inn.classOfType(s).name + ".__init_subclass__() takes no keyword arguments");
                    }
                    return inn.none;
                });
                default -> Dunders.attr(in, p, name, self); // __eq__, __setattr__, __repr__ ...
            };
        }
        if (isImmutableKind(p.kind) && !p.user && name.equals("__new__")) {
            return in.typeDescriptor(p.name + ".__new__", () -> in.newBuiltin("__new__", 0, (inn, s, a, kw) -> {
                if (a.length == 0) {
                    throw inn.typeError(p.name + ".__new__(): not enough arguments");
                }
                PyClass target = inn.kind(a[0]) == K_TYPE ? inn.classOfType(a[0]) : null;
                if (target == null) {
                    throw inn.typeError(p.name + ".__new__(X): X is not a type object (" + inn.classOf(a[0]).name + ")");
                }
                if (!inn.isSubclass(target, p)) {
                    throw inn.typeError(p.name + ".__new__(" + target.name + "): " + target.name + " is not a subtype of "
                            + p.name);
                }
                long[] rest = java.util.Arrays.copyOfRange(a, 1, a.length);
                return target == p ? Builtins.construct(inn, p.address, rest, kw) : immutableNew(inn, a[0], rest, kw);
            }));
        }
        if ((p.kind == K_LIST || p.kind == K_DICT || p.kind == K_SET) && !p.user) {
            if (name.equals("__init__")) {
                return in.newBuiltin("__init__", self, (inn, s, a, kw) -> {
                    long target = s != 0 ? s : a[0];
                    long[] rest = s != 0 ? a : java.util.Arrays.copyOfRange(a, 1, a.length);
                    if (inn.kind(target) == K_LIST) {
                        inn.m.listClear(target);
                    }
                    containerInit(inn, target, p.kind, rest, kw);
                    return inn.none;
                });
            }
        }
        if (p.kind == K_TYPE && !p.user) {
            return switch (name) {
                case "__new__" -> in.typeDescriptor("type.__new__", () -> in.newBuiltin("__new__", 0, (inn, s, a, kw) -> {
                    if (a.length == 0 || inn.kind(a[0]) != K_TYPE) {
                        throw inn.typeError("type.__new__(X): X is not a type object");
                    }
                    return typeNewFromArgs(inn, a[0], java.util.Arrays.copyOfRange(a, 1, a.length), kw);
                }));
                case "__init__" -> in.newBuiltin("__init__", self, (inn, s, a, kw) -> inn.none);
                case "__call__" -> self == 0 ? 0 : in.newBuiltin("__call__", self, (inn, s, a, kw) -> {
                    long[] owned = a.clone();
                    for (long x : owned) {
                        inn.m.incref(x);
                    }
                    return typeCall(inn, s, owned, kw);
                });
                default -> 0;
            };
        }
        long slot = Dunders.attr(in, p, name, self); // the built-in's own __add__, __getitem__ ... (the item
        if (slot != 0) {                            // protocol of the built-in, not the override that calls it)
            return slot;
        }
        return self == 0 || !Interp.isValueKind(p.kind) ? 0 : Builtins.methodObject(in, self, p, name);
    }

    // ---- super ----

    /** super(cls, obj).name: the first class after cls in the MRO of obj's type that has it. New reference or 0. */
    static long superAttr(Interp in, long sup, String name) {
        long cls = in.os.hostSlot(sup, 0);
        long obj = in.os.hostSlot(sup, 1);
        PyClass start = in.classOfType(cls);
        boolean typeBound = in.kind(obj) == K_TYPE && in.isSubclass(in.classOfType(obj), start);
        PyClass objType = typeBound ? in.classOfType(obj) : in.classOf(obj);
        PyClass[] mro = mroOf(in, objType);
        int i = 0;
        while (i < mro.length && mro[i] != start) {
            i++;
        }
        long nameStr = in.internStr(name);
        for (int j = i + 1; j < mro.length; j++) {
            PyClass p = mro[j];
            if (!p.user) {
                long b = builtinClassAttr(in, p, name, obj);
                if (b != 0) {
                    return b;
                }
                continue;
            }
            long d = in.os.classDict(p.address);
            long v = d == 0 ? 0 : in.m.dictGet(d, nameStr);
            if (v == 0 && p.exception && name.equals("__init__") && p.module.equals("builtins")) {
                // BaseException.__init__, which the built-in exception classes share
                return in.newBuiltin("__init__", obj, (inn, s, a, kw) -> {
                    exceptionInit(inn, s, a, kw);
                    return inn.incref(inn.none);
                });
            }
            if (v == 0) {
                continue;
            }
            return switch (in.kind(v)) {
                case K_FUNCTION -> typeBound ? in.incref(v) : in.newMethod(v, obj);
                case K_CLASSMETHOD -> in.newMethod(in.os.hostSlot(v, 0), typeBound ? obj : objType.address);
                case K_STATICMETHOD -> in.incref(in.os.hostSlot(v, 0));
                case K_PROPERTY -> typeBound ? in.incref(v) : in.callMethod(in.os.hostSlot(v, 0), obj);
                default -> in.incref(v);
            };
        }
        return 0;
    }

    /** super(cls, obj) after checking obj is an instance or subclass of cls. New reference. */
    static long newSuper(Interp in, long cls, long obj) {
        PyClass c = in.kind(cls) == K_TYPE ? in.classOfType(cls) : null;
        if (c == null) {
            throw in.typeError("super() argument 1 must be a type, not " + in.classOf(cls).name);
        }
        boolean ok = in.isSubclass(in.classOf(obj), c) || in.kind(obj) == K_TYPE && in.isSubclass(in.classOfType(obj), c);
        if (!ok) {
            throw in.typeError("super(type, obj): obj must be an instance or subtype of type");
        }
        long s = in.os.newHostObject(in.tSuper);
        in.os.setHostSlot(s, 0, cls);
        in.os.setHostSlot(s, 1, obj);
        return s;
    }

    // ---- attributes of class objects ----

    /**
     * {@code cls.name}: the type's own data (__dict__, __mro__, __bases__ …), the class's MRO, then its
     * metaclass's MRO (bound to the class). New reference, or 0.
     */
    static long classAttr(Interp in, long obj, PyClass meta, String name, long nameStr) {
        Mutator m = in.m;
        PyClass t = in.classOfType(obj);
        if (t == null) {
            return 0;
        }
        switch (name) {
            case "__name__":
                // a built-in type's tp_name may be dotted ("weakref.ProxyType"): its __name__ is the last part
                return in.newStr(t.name.substring(t.name.lastIndexOf('.') + 1));
            case "__qualname__":
                return in.newStr(t.qualname != null ? t.qualname : t.name.substring(t.name.lastIndexOf('.') + 1));
            case "__class__":
                return in.incref(in.os.typeOf(obj));
            case "__base__":
                return t.kind == K_OBJECT && !t.user ? in.none : in.incref(t.base != null ? t.base.address : in.tObject);
            case "__bases__":
                if (t.user) {
                    return in.incref(in.os.classBases(obj));
                }
                return t.kind == K_OBJECT ? m.newTuple() : m.newTuple(t.base != null ? t.base.address : in.tObject);
            case "__mro__":
                if (t.user && in.os.classMro(obj) != 0) {
                    return in.incref(in.os.classMro(obj));
                }
                return m.newTuple(addresses(mroOf(in, t)));
            case "__dict__":
                if (t.user) {
                    return MappingProxies.create(in, in.os.classDict(obj)); // type_dict: read-only to the program
                }
                break;
            case "__annotations__": {
                // type_get_annotations: the class's own, or an empty dict made and kept on first access
                long own = t.user ? m.dictGet(in.os.classDict(obj), nameStr) : 0;
                if (own != 0 || !t.user) {
                    break;
                }
                long d = m.newDict();
                in.classVersion++;
                m.dictSet(in.os.classDict(obj), nameStr, d);
                return d;
            }
            default:
                break;
        }
        if (t.user) {
            long v = in.lookup(t, nameStr);
            if (v != 0) {
                PyClass vc = in.classOf(v);
                long get = vc.kind == K_INSTANCE || vc.builtinSubclass ? in.lookup(vc, in.sDunderGet) : 0;
                if (get != 0) { // type_getattro: a descriptor in the class is asked with no instance
                    return in.call(get, new long[] {in.incref(v), in.incref(in.none), in.incref(obj)}, null); // call borrows the callable
                }
                return switch (in.kind(v)) {
                    case K_STATICMETHOD -> in.incref(in.os.hostSlot(v, 0));
                    case K_CLASSMETHOD -> in.newMethod(in.os.hostSlot(v, 0), obj);
                    default -> in.incref(v);
                };
            }
        }
        if (meta.user && name.startsWith("__")) {
            // the built-in bases' own attributes (object.__new__ …) come before the metaclass's, as the class's
            // MRO comes before its type's in type_getattro
            for (PyClass p : mroOf(in, t)) {
                if (!p.user) {
                    long w = builtinClassAttr(in, p, name, 0);
                    if (w != 0) {
                        return w;
                    }
                }
            }
        }
        if (meta.user) {
            long v = in.lookup(meta, nameStr);
            if (v != 0) {
                return switch (in.kind(v)) {
                    case K_FUNCTION -> in.newMethod(v, obj);
                    case K_STATICMETHOD -> in.incref(in.os.hostSlot(v, 0));
                    case K_CLASSMETHOD -> in.newMethod(in.os.hostSlot(v, 0), meta.address);
                    case K_PROPERTY -> in.callMethod(in.os.hostSlot(v, 0), obj);
                    default -> in.incref(v);
                };
            }
        }
        if (name.equals("mro")) {
            return in.newBuiltin("mro", obj, (inn, self, a, kw) -> {
                long list = inn.m.newList();
                for (PyClass p : mroOf(inn, inn.classOfType(self))) {
                    inn.m.listAppend(list, p.address);
                }
                return list;
            });
        }
        if (name.equals("__module__")) {
            return in.newStr(t.module);
        }
        if (t.exception) {
            long method = ExceptionObjects.method(in, 0, t, name);
            if (method != 0) {
                return method;
            }
            if (name.equals("__init__")) {
                // BaseException.__init__ (or the built-in subclass's) called on an exception given first
                return in.newBuiltin("__init__", 0, (inn, s, a, kw) -> {
                    int npos = a.length - (kw == null ? 0 : kw.length);
                    if (npos == 0) {
                        throw inn.typeError("descriptor '__init__' of '" + t.name + "' object needs an argument");
                    }
                    if (!inn.isSubclass(inn.classOf(a[0]), t)) {
                        throw inn.typeError("descriptor '__init__' requires a '" + t.name + "' object but received a '"
                                + inn.classOf(a[0]).name + "'");
                    }
                    exceptionInit(inn, a[0], java.util.Arrays.copyOfRange(a, 1, a.length), kw);
                    return inn.incref(inn.none);
                });
            }
            if (t.exceptionGroup && name.equals("__class_getitem__")) {
                return in.newBuiltin(name, obj, (inn, cls, a, kw) -> {
                    if (a.length != 1 || kw != null && kw.length > 0) {
                        throw inn.typeError("__class_getitem__() takes exactly one argument (" + a.length + " given)");
                    }
                    return GenericAliases.make(inn, cls, a[0]);
                });
            }
        }
        if (!t.user) {
            long b = builtinClassAttr(in, t, name, 0);
            if (b != 0) {
                return b;
            }
        }
        for (PyClass p : mroOf(in, t)) {
            if (!p.user) {
                long b = builtinClassAttr(in, p, name, 0);
                if (b != 0) {
                    return b;
                }
            }
        }
        return Builtins.typeAttr(in, obj, t, name);
    }

    private static long[] addresses(PyClass[] classes) {
        long[] a = new long[classes.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = classes[i].address;
        }
        return a;
    }
}
