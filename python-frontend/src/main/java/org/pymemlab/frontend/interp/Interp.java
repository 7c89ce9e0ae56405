package org.pymemlab.frontend.interp;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.frontend.ast.Ops.BinOpKind;
import org.pymemlab.frontend.ast.Ops.CmpOpKind;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.InstanceKeys;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.ObjectSpace;
import org.pymemlab.runtime.PyException;

/**
 * The object protocol of the interpreter: types, attribute lookup, calls, operators, iteration and text
 * forms, every value an address on the runtime's heap. Results are new references; arguments are
 * borrowed unless a method says it consumes them.
 */
final class Interp {

    // ---- kinds of the interpreter's type descriptors ----
    static final int K_OBJECT = 0, K_NONE = 1, K_BOOL = 2, K_INT = 3, K_FLOAT = 4, K_STR = 5, K_BYTES = 6,
            K_TUPLE = 7, K_LIST = 8, K_DICT = 9, K_SET = 10, K_FROZENSET = 11, K_TYPE = 12, K_INSTANCE = 13,
            K_FUNCTION = 14, K_BUILTIN = 15, K_METHOD = 16, K_CELL = 17, K_MODULE = 18, K_RANGE = 19, K_ITER = 20,
            K_WEAKREF = 21, K_SUPER = 22, K_PROPERTY = 23, K_STATICMETHOD = 24, K_CLASSMETHOD = 25, K_OTHER = 26,
            K_WEAKVALUEDICT = 27, K_PROXY = 28, K_WEAKKEYDICT = 29, K_TRACEBACK = 30, K_DESCRIPTOR = 31,
            K_GENERICALIAS = 32, K_SLICE = 33, K_DICTVIEW = 34, K_CODE = 35, K_MAPPINGPROXY = 36, K_BYTEARRAY = 37, K_MEMORYVIEW = 38, K_FRAME = 39;

    /** CPython's default recursion limit. */
    static final int RECURSION_LIMIT = 1000;
    /**
     * The deepest the lab lets a program's calls go, whatever limit it sets: deeper Python frames would overflow
     * the interpreter thread's own stack in the middle of the heap's work.
     */
    static final int MAX_EFFECTIVE_RECURSION_LIMIT = 100_000;
    /** sys.getrecursionlimit(): what the program set, CPython's default until then. */
    int recursionLimit = RECURSION_LIMIT;

    /** Iterators with a {@code __length_hint__} (the rest have none: list_extend then guesses 8). */
    private static final java.util.Set<String> HINTED_ITERATORS = java.util.Set.of("list_iterator", "tuple_iterator",
            "range_iterator", "str_ascii_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator",
            "set_iterator", "list_reverseiterator", "reversed", "iterator", "bytes_iterator", "dict_reversekeyiterator",
            "dict_reversevalueiterator", "dict_reverseitemiterator");

    /** The Java descriptor of a type: its kind, and for classes their bases and method resolution order. */
    static final class PyClass {
        final long address;
        final String name;
        final int kind;
        /** {@code __base__}: the base the instance layout comes from (CPython's best base). */
        PyClass base;
        /** Classes made by the program: {@code __mro__}, the class first and object last. Null for built-ins. */
        PyClass[] mro;
        /** The class whose instance layout this one extends unchanged (CPython's solid_base). */
        PyClass solid = this;
        /** Instances have a {@code __dict__}; instances accept weak references through {@code __weakref__}. */
        boolean hasDict, hasWeakref;
        /** A class made by the program that derives from type: its instances are classes. */
        boolean metaclass;
        /** A class made by the program that derives from list, dict or set: kind is the built-in's. */
        boolean builtinSubclass;
        boolean exception;
        /** For an exception class: the built-in with fields of its own it derives from (its own, inherited). */
        ExceptionObjects.Family family = ExceptionObjects.Family.NONE;
        /** BaseExceptionGroup or a class derived from it. */
        boolean exceptionGroup;
        boolean user;
        /** An iterator type with a {@code __length_hint__} (list_extend sizes by it). */
        boolean lengthHint;
        String module = "builtins";
        String qualname;
        /** Attribute lookups along the base chain by name str (−1 absent from the cache, 0 not found). */
        final org.pymemlab.api.collections.LongLongHashMap cache = new org.pymemlab.api.collections.LongLongHashMap(16, -1);
        int cacheVersion = -1;
        /** The class's own (or inherited) __getattribute__, __setattr__, __delattr__, 0 for object's; as of hooksVersion. */
        long getattributeHook, setattrHook, delattrHook;
        int hooksVersion = -1;

        PyClass(long address, String name, int kind) {
            this.address = address;
            this.name = name;
            this.kind = kind;
        }
    }

    /** A built-in callable's Java body: arguments borrowed, result a new reference. */
    @FunctionalInterface
    interface BuiltinFn {
        long call(Interp in, long self, long[] args, String[] kwnames);
    }

    /** The Java state of an iterator object: next item as a new reference, or 0 at the end. */
    @FunctionalInterface
    interface JIter {
        long next(Interp in, long self);
    }

    final Mutator m;
    final ObjectSpace os;
    final PrintStream out;
    final PrintStream err;
    final String version;
    final int minor;
    final long none;
    final long trueObj;
    final long falseObj;
    private PyClass[] classes = new PyClass[64];

    final long tObject, tFunction, tCell, tMethod, tBuiltin, tModule, tRange, tSuper, tProperty, tStaticMethod,
            tClassMethod, tWeakValueDict, tWeakKeyDict, tCallableProxy, tTraceback, tGetSetDescriptor,
            tMemberDescriptor, tGenericAlias, tWrapperDescriptor, tMethodWrapper, tMethodDescriptor, tSlice;
    /** The coroutine type: an async def's call makes one; it runs as a generator does but is not an iterator. */
    final long tCoroutine;

    final Tracebacks tracebacks = new Tracebacks(this);
    final FrameObjects frames = new FrameObjects(this);
    final Map<String, Long> iterTypes = new HashMap<>();
    /** compile()'s code objects (not GC objects, as CPython's are not). */
    final long tCode;
    final long tFrame;
    /** A class's __dict__ and types.MappingProxyType: a read-only view of a mapping. */
    final long tMappingProxy;
    final long tMemoryView;
    final long tManagedBuffer;
    /** The types of dict.keys(), values() and items() (indexed by {@link DictViews#KEYS} ...). */
    final long[] dictViewTypes = new long[3];
    final Map<String, Long> exceptions = new HashMap<>();
    /** BaseExceptionGroup and ExceptionGroup, set when the exception classes are installed. */
    PyClass baseExceptionGroup;
    PyClass exceptionGroup;
    /** AttributeError, whose exact instances get a failed lookup's name and object; OSError, which maps errno. */
    PyClass attributeError, osError;
    /**
     * The built-in exception classes whose namespace holds descriptors (which refer back to them): they stand
     * for static types, so the interpreter breaks those cycles itself when it exits.
     */
    final List<Long> classesWithDescriptors = new ArrayList<>();
    long builtinsDict;
    /** sys.modules: the imported modules by name, the import system's registry as in CPython. */
    final long sysModules;
    int depth;
    Frame current;
    /** Objects the interpreter keeps alive for its own life (weakref callbacks, gc callbacks): released at exit. */
    final List<Long> kept = new ArrayList<>();
    /**
     * The built-in types' unbound slot wrappers and method descriptors by "type.name", made once: CPython's live
     * in the type's dict, so {@code dict.__repr__ is dict.__repr__}. Held by {@link #kept}.
     */
    private final Map<String, Long> typeDescriptors = new HashMap<>();

    /** The descriptor cached under key, made by make the first time. New reference. */
    long typeDescriptor(String key, java.util.function.LongSupplier make) {
        Long cached = typeDescriptors.get(key);
        if (cached == null) {
            cached = make.getAsLong();
            typeDescriptors.put(key, cached);
            kept.add(cached);
        }
        return incref(cached);
    }
    /** The compiled code of modules written in Python (tracemalloc): their constants are released at exit. */
    final List<Compiler> importedCode = new ArrayList<>();
    private final Map<String, Long> strConsts = new HashMap<>();
    /** Interned names looked up on every call, instantiation or instance key. */
    long sInit, sHash, sEq, sCall, sNew, sDict, sGetattribute, sSetattr, sDelattr;
    /** The descriptor protocol's method names. */
    long sDunderGet, sDunderSet, sDunderDelete;
    /** The interned {@code __op__}, {@code __iop__} and {@code __rop__} names of each binary operator, made on first use. */
    final long[][] binaryDunders = new long[3][org.pymemlab.frontend.ast.Ops.BinOpKind.values().length];

    Interp(Mutator m, PrintStream out, PrintStream err, String version) {
        this.m = m;
        this.os = ObjectSpace.of(m);
        this.out = out;
        this.err = err;
        this.version = version;
        this.minor = Integer.parseInt(version.split("\\.")[1]);
        this.none = m.none();
        this.sysModules = m.newDict();
        this.trueObj = m.bool(true);
        this.falseObj = m.bool(false);
        tObject = os.newHostType("object", ObjectKind.OTHER, false, 16, 0);
        tFunction = os.newHostType("function", ObjectKind.FUNCTION, true, minor >= 12 ? 144 : 136, 9);
        tCell = os.newHostType("cell", ObjectKind.OTHER, true, 24, 1);
        tMethod = os.newHostType("method", ObjectKind.OTHER, true, 48, 2);
        tBuiltin = os.newHostType("builtin_function_or_method", ObjectKind.OTHER, true, 56, 1);
        tModule = os.newHostType("module", ObjectKind.OTHER, true, 56, 2);
        tRange = os.newHostType("range", ObjectKind.OTHER, false, 48, 3);
        tSlice = os.newHostType("slice", ObjectKind.OTHER, true, 40, 3);
        tSuper = os.newHostType("super", ObjectKind.OTHER, true, 40, 2);
        tProperty = os.newHostType("property", ObjectKind.OTHER, true, 64, 3);
        tStaticMethod = os.newHostType("staticmethod", ObjectKind.OTHER, true, 40, 1);
        tClassMethod = os.newHostType("classmethod", ObjectKind.OTHER, true, 40, 1);
        tWeakValueDict = os.newHostType("WeakValueDictionary", ObjectKind.OTHER, true, 48, 1);
        tWeakKeyDict = os.newHostType("WeakKeyDictionary", ObjectKind.OTHER, true, 48, 1);
        tCallableProxy = os.builtinType("weakref.CallableProxyType");
        tTraceback = os.newHostType("traceback", ObjectKind.OTHER, true, 40, 2);
        // PyFrameObject up to its copy of the frame's data (frame_sizeof's fixed part)
        tFrame = os.newHostType("frame", ObjectKind.OTHER, true, minor >= 13 ? 128 : 112, 3);
        os.holdsPayloadReferents(tFrame);
        // a class's __dict__/__weakref__ and slot descriptors: the class (d_type) and the name
        tGetSetDescriptor = os.newHostType("getset_descriptor", ObjectKind.OTHER, true, 48, 2);
        tMemberDescriptor = os.newHostType("member_descriptor", ObjectKind.OTHER, true, 48, 2);
        // origin, args, parameters; then the weakref list, starred and vectorcall words
        tGenericAlias = os.newHostType("types.GenericAlias", ObjectKind.OTHER, true, 64, 3);
        register(tObject, "object", K_OBJECT);
        register(tFunction, "function", K_FUNCTION);
        register(tCell, "cell", K_CELL);
        register(tMethod, "method", K_METHOD);
        register(tBuiltin, "builtin_function_or_method", K_BUILTIN);
        register(tModule, "module", K_MODULE);
        register(tRange, "range", K_RANGE);
        register(tSlice, "slice", K_SLICE);
        os.keyByValue(tSlice);
        tCode = os.newHostType("code", ObjectKind.OTHER, false, 200, 0);
        register(tCode, "code", K_CODE);
        tMappingProxy = os.newHostType("mappingproxy", ObjectKind.OTHER, true, 24, 1);
        register(tMappingProxy, "mappingproxy", K_MAPPINGPROXY);
        // PyMemoryViewObject (its one-dimensional shape, strides and suboffsets inline) and the managed buffer
        // all views of one exporter share
        tMemoryView = os.newHostType("memoryview", ObjectKind.OTHER, true, 168, 1);
        register(tMemoryView, "memoryview", K_MEMORYVIEW);
        os.keyByValue(tMemoryView);
        tManagedBuffer = os.newHostType("managedbuffer", ObjectKind.OTHER, true, 112, 1);
        register(tManagedBuffer, "managedbuffer", K_OTHER);
        os.keyByValue(tMappingProxy); // unhashable, and == compares the mappings
        for (int what = 0; what < 3; what++) {
            // _PyDictViewObject: the header and the dict; keys and items views are unhashable, values by identity
            dictViewTypes[what] = os.newHostType(DictViews.NAMES[what], ObjectKind.OTHER, true, 24, 1);
            register(dictViewTypes[what], DictViews.NAMES[what], K_DICTVIEW);
            os.keyByValue(dictViewTypes[what]);
        }
        register(tSuper, "super", K_SUPER);
        register(tProperty, "property", K_PROPERTY);
        register(tStaticMethod, "staticmethod", K_STATICMETHOD);
        register(tClassMethod, "classmethod", K_CLASSMETHOD);
        register(tWeakValueDict, "WeakValueDictionary", K_WEAKVALUEDICT).module = "weakref";
        register(tWeakKeyDict, "WeakKeyDictionary", K_WEAKKEYDICT).module = "weakref";
        register(tTraceback, "traceback", K_TRACEBACK);
        register(tFrame, "frame", K_FRAME);
        // a built-in type's slot read from the type (int.__add__) or a value ((1).__add__), and its methods read
        // from the type (str.upper): called like builtin_function_or_method, shown as CPython shows them
        tWrapperDescriptor = os.newHostType("wrapper_descriptor", ObjectKind.OTHER, true, 56, 1);
        tMethodWrapper = os.newHostType("method-wrapper", ObjectKind.OTHER, true, 32, 1);
        tMethodDescriptor = os.newHostType("method_descriptor", ObjectKind.OTHER, true, 56, 1);
        register(tWrapperDescriptor, "wrapper_descriptor", K_BUILTIN);
        register(tMethodWrapper, "method-wrapper", K_BUILTIN);
        register(tMethodDescriptor, "method_descriptor", K_BUILTIN);
        register(tGetSetDescriptor, "getset_descriptor", K_DESCRIPTOR);
        register(tMemberDescriptor, "member_descriptor", K_DESCRIPTOR);
        register(tGenericAlias, "GenericAlias", K_GENERICALIAS).module = "types";
        String[][] iters = {{"list_iterator", "32"}, {"tuple_iterator", "32"}, {"range_iterator", minor >= 12 ? "40" : "48"},
                {"str_ascii_iterator", "32"}, {"dict_keyiterator", "56"}, {"dict_valueiterator", "56"}, {"dict_itemiterator", "56"},
                {"dict_reversekeyiterator", "56"}, {"dict_reversevalueiterator", "56"}, {"dict_reverseitemiterator", "56"},
                {"set_iterator", "48"}, {"enumerate", "56"}, {"zip", "48"}, {"map", "32"}, {"filter", "32"},
                {"list_reverseiterator", "32"}, {"generator", minor >= 12 ? "176" : "184"}, {"reversed", "32"},
                {"callable_iterator", "32"}, {"iterator", "32"}, {"bytes_iterator", "32"}, {"bytearray_iterator", "32"}, {"memory_iterator", "48"},
                {"coroutine", minor >= 12 ? "176" : "184"}, {"async_generator", minor >= 12 ? "176" : "184"}};
        for (String[] it : iters) {
            boolean gcType = !it[0].equals("range_iterator");
            // a callable_iterator holds its callable and its sentinel
            int slots = it[0].equals("callable_iterator") ? 2 : gcType ? 1 : 0;
            long t = os.newHostType(it[0], ObjectKind.OTHER, gcType, Integer.parseInt(it[1]), slots);
            iterTypes.put(it[0], t);
            PyClass ic = register(t, it[0], K_ITER);
            ic.lengthHint = HINTED_ITERATORS.contains(it[0]);
        }
        tCoroutine = iterTypes.get("coroutine");
        for (Generator.Kind kind : Generator.Kind.values()) {
            // the collector sees a generator's frame (gen_traverse) and closes it when it is garbage (tp_finalize)
            long t = iterTypes.get(kind.typeName);
            os.holdsPayloadReferents(t);
            os.setHostFinalizer(t, (mutator, self) -> ((Generator) os.payload(self)).finalize(self));
            os.makeHostWeakrefable(t);
        }
        // the host types whose CPython structs have a weak reference list
        for (long t : new long[] {tFunction, tMethod, tBuiltin, tModule, tCode, tWeakValueDict, tWeakKeyDict}) {
            os.makeHostWeakrefable(t);
        }
        for (String awaitable : new String[] {"async_generator_asend", "async_generator_athrow", "anext_awaitable"}) {
            // PyAsyncGenASend / PyAsyncGenAThrow: the generator, the value or arguments, the state
            long t = os.newHostType(awaitable, ObjectKind.OTHER, true, 40, 2);
            iterTypes.put(awaitable, t);
            register(t, awaitable, K_ITER);
        }
        String[][] builtinKinds = {{"type", "" + K_TYPE}, {"NoneType", "" + K_NONE}, {"bool", "" + K_BOOL},
                {"int", "" + K_INT}, {"float", "" + K_FLOAT}, {"str", "" + K_STR}, {"bytes", "" + K_BYTES},
                {"tuple", "" + K_TUPLE}, {"list", "" + K_LIST}, {"dict", "" + K_DICT}, {"set", "" + K_SET},
                {"frozenset", "" + K_FROZENSET}, {"bytearray", "" + K_BYTEARRAY}, {"weakref.ReferenceType", "" + K_WEAKREF},
                {"weakref.ProxyType", "" + K_PROXY}, {"weakref.CallableProxyType", "" + K_PROXY},
                {"ellipsis", "" + K_OTHER}, {"NotImplementedType", "" + K_OTHER}};
        for (String[] b : builtinKinds) {
            long t = os.builtinType(b[0]);
            register(t, b[0], Integer.parseInt(b[1]));
        }
        PyClass intClass = classOfType(os.builtinType("int"));
        classOfType(os.builtinType("bool")).base = intClass;
        classOfType(os.builtinType("bool")).solid = intClass;
        classOf(tObject).hasDict = false;
        // sets and frozensets have their own weakref list
        classOfType(os.builtinType("set")).hasWeakref = true;
        classOfType(os.builtinType("frozenset")).hasWeakref = true;
        sInit = internStr("__init__");
        sHash = internStr("__hash__");
        sEq = internStr("__eq__");
        os.setInstanceKeys(new UserKeys());
        sCall = internStr("__call__");
        sDict = internStr("__dict__");
        sNew = internStr("__new__");
        sGetattribute = internStr("__getattribute__");
        sSetattr = internStr("__setattr__");
        sDunderGet = internStr("__get__");
        sDunderSet = internStr("__set__");
        sDunderDelete = internStr("__delete__");
        sDelattr = internStr("__delattr__");
    }

    /**
     * A class made by the program with its attribute hooks, looked up on first use and again after a class's
     * hook was set or deleted: its {@code __getattribute__}, {@code __setattr__} and {@code __delattr__} along
     * the MRO (object's are none). Other class changes leave them alone.
     */
    PyClass withHooks(PyClass c) {
        if (c.hooksVersion != hookChanges) {
            c.getattributeHook = lookup(c, sGetattribute);
            c.setattrHook = lookup(c, sSetattr);
            c.delattrHook = lookup(c, sDelattr);
            c.hooksVersion = hookChanges;
        }
        return c;
    }

    /** After a class attribute named {@code nameStr} changed: the hooks are looked up again if it is one. */
    private void classAttributeChanged(long nameStr) {
        classVersion++;
        if (nameStr == sGetattribute || nameStr == sSetattr || nameStr == sDelattr) {
            hookChanges++;
        }
    }

    private PyClass register(long type, String name, int kind) {
        int idx = os.typeIndexOfType(type);
        if (idx >= classes.length) {
            classes = java.util.Arrays.copyOf(classes, Math.max(idx + 1, classes.length * 2));
        }
        PyClass c = new PyClass(type, name, kind);
        classes[idx] = c;
        return c;
    }

    PyClass classOf(long op) {
        return classes[os.typeIndex(op)];
    }

    PyClass classOfType(long type) {
        int idx = os.typeIndexOfType(type);
        return idx < classes.length ? classes[idx] : null;
    }

    int kind(long op) {
        return classes[os.typeIndex(op)].kind;
    }

    // ---- classes ----

    /** A built-in class of the interpreter (an exception class), derived from base (0 for object). New reference. */
    long newClass(String name, long base, long ns, String module) {
        long bases = m.newTuple(base == 0 ? tObject : base);
        try {
            return Classes.typeNew(this, 0, name, bases, ns, null, null, module);
        } finally {
            m.decref(bases);
        }
    }

    /** Registers the Java descriptor of a class the runtime just made. */
    PyClass registerClass(long cls, String name, int kind) {
        return register(cls, name, kind);
    }

    /** Bumped whenever a class namespace may change: invalidates every class's lookup cache (type_cache). */
    int classVersion;
    /** Bumped when a class's __getattribute__, __setattr__ or __delattr__ is set or deleted. */
    int hookChanges;

    /** A class attribute found along the MRO, or 0. Borrowed. */
    long lookup(PyClass c, long nameStr) {
        if (c == null || !c.user) {
            return 0;
        }
        if (c.cacheVersion != classVersion) {
            c.cache.clear();
            c.cacheVersion = classVersion;
        }
        long hit = c.cache.get(nameStr);
        if (hit != -1) {
            return hit;
        }
        long v = lookupUncached(c.mro, 0, nameStr);
        c.cache.put(nameStr, v);
        return v;
    }

    /** A name in the namespaces of mro[from:], or 0 (built-in classes have none here). Borrowed. */
    long lookupUncached(PyClass[] mro, int from, long nameStr) {
        for (int i = from; i < mro.length; i++) {
            PyClass c = mro[i];
            if (c.user) {
                long d = os.classDict(c.address);
                if (d != 0) {
                    long v = m.dictGet(d, nameStr);
                    if (v != 0) {
                        return v;
                    }
                }
            }
        }
        return 0;
    }

    boolean isSubclass(PyClass c, PyClass of) {
        if (of.kind == K_OBJECT) {
            return true;
        }
        if (c.mro != null) {
            for (PyClass p : c.mro) {
                if (p == of) {
                    return true;
                }
            }
            return false;
        }
        for (; c != null; c = c.base) {
            if (c == of) {
                return true;
            }
        }
        return false;
    }

    /** __del__ through the runtime's finalizer hook. */
    void runDel(long self) {
        long fn = lookup(classOf(self), internStr("__del__"));
        if (fn == 0) {
            return;
        }
        try {
            m.incref(self);
            long r = callFunction(fn, new long[] {self}, null);
            m.decref(r);
        } catch (PyRaise e) {
            err.println("Exception ignored in: " + reprOf(fn));
            printException(e);
            m.decref(e.exc);
        }
    }

    // ---- strings and constants ----

    /**
     * An interned str kept for the interpreter's life (names of attributes and globals): the interpreter holds
     * one reference, as the code objects' co_names do, given back by {@link #releaseNames}. Borrowed.
     */
    long internStr(String s) {
        Long v = strConsts.get(s);
        if (v == null) {
            long str = m.newStr(s);
            long canonical = m.intern(str);
            m.decref(str);
            strConsts.put(s, canonical);
            return canonical;
        }
        return v;
    }

    /** Finalization: the names' references, which the code objects' co_names hold in CPython, go last. */
    void releaseNames() {
        for (long str : strConsts.values()) {
            m.decref(str);
        }
        strConsts.clear();
    }

    long newStr(String s) {
        return m.newStr(s);
    }

    /**
     * {@code str(v)} as a new reference. An exact int's decimal text is always a new object in CPython
     * (long_to_decimal_string writes it straight into a fresh str), even "7", which other paths would take
     * from the one-character cache.
     */
    long strObject(long v) {
        PyClass c = classOf(v);
        switch (c.kind) {
            case K_INT:
                return os.newFreshStr(str(v));
            case K_STR:
                return c.builtinSubclass ? newStr(str(v)) : incref(v); // a subclass's str() is an exact str
            case K_BOOL:
                // 3.12+ answer the statically interned "True"/"False" (bool_repr returns &_Py_ID(True))
                return minor >= 12 ? incref(internStr(str(v))) : newStr(str(v));
            default:
                return newStr(str(v));
        }
    }

    /** {@code repr(v)} as a new reference; an exact int's is a fresh str, as for {@link #strObject}. */
    long reprObject(long v) {
        if (kind(v) == K_INT) {
            return os.newFreshStr(repr(v));
        }
        return newStr(repr(v));
    }

    long newInt(long v) {
        return m.newInt(v);
    }

    long newInt(BigInteger v) {
        return v.bitLength() < 63 ? m.newInt(v.longValue()) : m.newInt(v);
    }

    long bool(boolean b) {
        return b ? trueObj : falseObj;
    }

    long incref(long v) {
        m.incref(v);
        return v;
    }

    long noneRef() {
        return none;
    }

    // ---- errors ----

    PyRaise error(String type, String msg) {
        Long cls = exceptions.get(type);
        if (cls == null) {
            cls = exceptions.get("RuntimeError");
        }
        long s = m.newStr(msg);
        long exc = instantiateException(cls, new long[] {s});
        m.decref(s);
        return new PyRaise(exc);
    }

    /** A NameError about {@code name}, which it keeps in its name field (format_exc_check_arg). */
    PyRaise nameError(String name, String msg) {
        PyRaise e = error("NameError", msg);
        ExceptionObjects.setMember(this, e.exc, "name", internStr(name));
        return e;
    }

    /**
     * An AttributeError raised while looking up {@code name} on {@code obj} gets them as its name and obj, when it
     * is exactly an AttributeError whose name is not set yet (set_attribute_error_context).
     */
    PyRaise withAttributeContext(PyRaise e, long obj, String name) {
        if (classOf(e.exc) == attributeError && m.getAttr(e.exc, "name") == 0) {
            ExceptionObjects.setMember(this, e.exc, "name", internStr(name));
            ExceptionObjects.setMember(this, e.exc, "obj", obj);
        }
        return e;
    }

    /** StopIteration(value), or StopIteration() for None, as a generator's return or an exhausted next() raises it. */
    PyRaise stopIteration(long value) {
        return new PyRaise(instantiateException(exceptions.get("StopIteration"), value == none ? new long[0] : new long[] {value}));
    }

    PyRaise typeError(String msg) {
        return error("TypeError", msg);
    }

    /** An exception instance of an exception class, with args (borrowed). New reference. */
    long instantiateException(long cls, long[] args) {
        long inst = ExceptionObjects.newInstance(this, cls);
        ExceptionObjects.init(this, inst, args);
        return inst;
    }

    /** A runtime failure (PyException, a Java bug, a deep Java stack) as a Python exception. */
    PyRaise convert(RuntimeException e) {
        if (e instanceof PyRaise r) {
            return r;
        }
        if (e instanceof PyException p) {
            String msg = p.getMessage();
            String prefix = p.pythonType() + ": ";
            return error(p.pythonType(), msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg);
        }
        if (e instanceof ArithmeticException) {
            return error("ZeroDivisionError", e.getMessage());
        }
        return error("SystemError", e.toString());
    }

    String exceptionTypeName(long exc) {
        return classOf(exc).name;
    }

    String exceptionMessage(long exc) {
        PyClass c = classOf(exc);
        if (c.user && lookup(c, internStr("__str__")) != 0) {
            return str(exc);
        }
        if (c.exceptionGroup) {
            return ExceptionGroups.str(this, exc);
        }
        String own = ExceptionObjects.ownStr(this, exc, c);
        if (own != null) {
            return own;
        }
        long args = m.getAttr(exc, "args");
        if (args == 0 || kind(args) != K_TUPLE) {
            return "";
        }
        long n = m.len(args);
        if (n == 0) {
            return "";
        }
        if (n == 1) {
            long a = m.tupleGet(args, 0);
            if (isSubclass(c, classOfType(exceptions.get("KeyError")))) {
                return repr(a);
            }
            return str(a);
        }
        return repr(args);
    }

    /** Prints an exception with its traceback and chain, as CPython's default excepthook does. */
    void printException(PyRaise e) {
        tracebacks.print(e.exc);
    }

    /** The last line of a traceback: the exception's qualified type name and its message. */
    String exceptionLine(long exc) {
        String msg = exceptionMessage(exc);
        PyClass c = classOf(exc);
        // the excepthook leaves out the module of built-in classes and of the main program's
        boolean plain = c.module.equals("builtins") || c.module.equals("__main__") || c.module.isEmpty();
        String name = plain ? c.name : c.module + "." + c.name;
        return msg.isEmpty() ? name : name + ": " + msg;
    }

    /** A runtime failure converted to a Python exception, located at a node of frame f unless an inner one was. */
    PyRaise located(RuntimeException e, Frame f, org.pymemlab.frontend.ast.Span at) {
        return convert(e).at(f, at);
    }

    /** The exception the innermost running handler is handling, or 0. Borrowed. */
    long handlingTop() {
        return handling.isEmpty() ? 0 : handling.get(handling.size() - 1);
    }

    final Map<String, String[]> sources = new HashMap<>();

    private java.io.BufferedReader stdin;

    /** The process's standard input as lines (UTF-8), made on first use by input(). */
    java.io.BufferedReader stdin() {
        if (stdin == null) {
            stdin = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return stdin;
    }

    /** Keeps a source's lines for tracebacks and linecache, under the name its code objects give. */
    void keepSource(String filename, String text) {
        sources.put(filename, text.split("\r?\n", -1));
    }

    String sourceLine(String filename, int line) {
        String[] lines = sources.get(filename);
        return lines == null || line < 1 || line > lines.length ? null : lines[line - 1];
    }

    // ---- truth, identity, equality, hashing ----

    boolean truthy(long v) {
        if (v == trueObj) {
            return true;
        }
        if (v == falseObj || v == none) {
            return false;
        }
        PyClass c = classOf(v);
        if (c.builtinSubclass) {
            int own = subclassTruth(c, v);
            if (own >= 0) {
                return own == 1;
            }
        }
        switch (c.kind) {
            case K_INT:
                return os.intFitsLong(v) ? os.intValue(v) != 0 : m.bigIntValue(v).signum() != 0;
            case K_FLOAT:
                return m.floatValue(v) != 0.0;
            case K_STR, K_BYTES, K_TUPLE, K_LIST, K_DICT, K_SET, K_FROZENSET, K_BYTEARRAY:
                return m.len(v) != 0;
            case K_MEMORYVIEW:
                return MemoryViews.len(this, v) != 0;
            case K_RANGE:
                return rangeLen(v) != 0;
            case K_DICTVIEW:
                return DictViews.len(this, v) != 0;
            case K_MAPPINGPROXY:
                return truthy(MappingProxies.mapping(this, v));
            case K_PROXY:
                return truthy(proxyTarget(v));
            case K_INSTANCE: {
                long fn = lookup(c, internStr("__bool__"));
                if (fn == 0) {
                    fn = lookup(c, internStr("__len__"));
                    if (fn == 0) {
                        return true;
                    }
                    long r = callMethod(fn, v);
                    try {
                        return m.bigIntValue(r).signum() != 0;
                    } finally {
                        m.decref(r);
                    }
                }
                long r = callMethod(fn, v);
                boolean b = r == trueObj;
                m.decref(r);
                return b;
            }
            default:
                return true;
        }
    }

    /** The truth a built-in's subclass gives through its own __bool__ or __len__: 1, 0, or −1 for neither. */
    private int subclassTruth(PyClass c, long v) {
        long fn = lookup(c, internStr("__bool__"));
        if (fn != 0) {
            long r = callMethod(fn, v);
            try {
                if (r != trueObj && r != falseObj) {
                    throw typeError("__bool__ should return bool, returned " + classOf(r).name);
                }
                return r == trueObj ? 1 : 0;
            } finally {
                m.decref(r);
            }
        }
        fn = lookup(c, internStr("__len__"));
        if (fn == 0) {
            return -1;
        }
        long r = callMethod(fn, v);
        try {
            return m.bigIntValue(r).signum() != 0 ? 1 : 0;
        } finally {
            m.decref(r);
        }
    }

    /** Calls a function found on a class with self (borrowed) and further borrowed args. New reference. */
    long callMethod(long fn, long self, long... more) {
        long[] args = new long[1 + more.length];
        args[0] = incref(self);
        for (int i = 0; i < more.length; i++) {
            args[i + 1] = incref(more[i]);
        }
        return call(fn, args, null);
    }

    /** PyObject_RichCompareBool(a, b, Py_EQ), as containers compare: the same object is equal at once. */
    boolean eq(long a, long b) {
        return a == b || operatorEq(a, b);
    }

    /**
     * The {@code ==} operator's truth: the comparison always runs (a class's __eq__ is asked even of the same
     * object, and a NaN is not equal to itself); object.__eq__'s identity when no method answers.
     */
    boolean operatorEq(long a, long b) {
        PyClass ca = classOf(a);
        PyClass cb = classOf(b);
        if (ca.kind == K_PROXY || cb.kind == K_PROXY) {
            // proxy_richcompare: both sides unwrapped
            return eq(ca.kind == K_PROXY ? proxyTarget(a) : a, cb.kind == K_PROXY ? proxyTarget(b) : b);
        }
        if (ca.kind == K_GENERICALIAS && cb.kind == K_GENERICALIAS) {
            return GenericAliases.equal(this, a, b);
        }
        if (ca.kind == K_METHOD && cb.kind == K_METHOD) {
            // method_richcompare: the same instance (by identity, from 3.8) and equal functions
            return os.hostSlot(a, 1) == os.hostSlot(b, 1) && eq(os.hostSlot(a, 0), os.hostSlot(b, 0));
        }
        if (ca.kind == K_INSTANCE || cb.kind == K_INSTANCE || ca.builtinSubclass || cb.builtinSubclass) {
            long r = richUser(a, b, sEq, sEq);
            if (r != 0) {
                boolean t = truthy(r);
                m.decref(r);
                return t;
            }
            if (ca.kind == K_INSTANCE || cb.kind == K_INSTANCE) {
                return a == b; // object.__eq__
            }
        }
        if (a == b) { // of the built-ins' comparisons only float's is not reflexive: a NaN is not equal to itself
            return ca.kind != K_FLOAT || !Double.isNaN(m.floatValue(a));
        }
        return builtinEq(a, b, ca, cb);
    }

    /**
     * {@code a != b} where one at least is an instance of a built-in's subclass: the class's {@code __ne__}, else
     * the built-in's (which a subclass's {@code __eq__} does not change).
     */
    boolean subclassNotEqual(long a, long b) {
        long r = richUser(a, b, internStr("__ne__"), internStr("__ne__"));
        if (r != 0) {
            boolean t = truthy(r);
            m.decref(r);
            return t;
        }
        return !builtinEq(a, b, classOf(a), classOf(b));
    }

    /** The built-ins' equality of a and b, the classes' own {@code __eq__} left out. */
    boolean builtinEq(long a, long b, PyClass ca, PyClass cb) {
        if (ca.kind == K_DICT && cb.kind == K_DICT) {
            if (m.len(a) != m.len(b)) {
                return false;
            }
            for (long k : m.dictKeys(a)) {
                long vb = m.dictGet(b, k);
                if (vb == 0 || !eq(m.dictGet(a, k), vb)) {
                    return false;
                }
            }
            return true;
        }
        if ((ca.kind == K_LIST && cb.kind == K_LIST) || (ca.kind == K_TUPLE && cb.kind == K_TUPLE)) {
            long n = m.len(a);
            if (n != m.len(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                long x = ca.kind == K_LIST ? m.listGet(a, i) : m.tupleGet(a, i);
                long y = ca.kind == K_LIST ? m.listGet(b, i) : m.tupleGet(b, i);
                if (!eq(x, y)) {
                    return false;
                }
            }
            return true;
        }
        if (ca.kind == K_RANGE && cb.kind == K_RANGE) {
            return repr(a).equals(repr(b));
        }
        if (ca.kind == K_MEMORYVIEW || cb.kind == K_MEMORYVIEW) {
            return MemoryViews.equal(this, a, b);
        }
        if (ca.kind == K_BYTEARRAY || cb.kind == K_BYTEARRAY) {
            // bytearray_richcompare: equal contents of any two buffers (bytes or bytearray)
            byte[] x = ByteArrays.buffer(this, a);
            byte[] y = ByteArrays.buffer(this, b);
            return x != null && y != null && java.util.Arrays.equals(x, y);
        }
        if (ca.kind == K_DICTVIEW || cb.kind == K_DICTVIEW) {
            Boolean r = DictViews.compare(this, org.pymemlab.frontend.ast.Ops.CmpOpKind.EQ, a, b);
            return r != null && r; // a values view, or an operand it cannot compare with: identity, not equal
        }
        if (ca.kind == K_MAPPINGPROXY || cb.kind == K_MAPPINGPROXY) {
            // mappingproxy_richcompare: the mapping compared
            return operatorEq(ca.kind == K_MAPPINGPROXY ? MappingProxies.mapping(this, a) : a,
                    cb.kind == K_MAPPINGPROXY ? MappingProxies.mapping(this, b) : b);
        }
        if (ca.kind == K_SLICE && cb.kind == K_SLICE) {
            // slice_richcompare: as the tuples of their bounds
            for (int i = 0; i < 3; i++) {
                if (!eq(os.hostSlot(a, i), os.hostSlot(b, i))) {
                    return false;
                }
            }
            return true;
        }
        if (ca.kind == K_WEAKREF && cb.kind == K_WEAKREF) {
            // weakref_richcompare: two live references compare their referents, else they are equal if the same
            long ra = m.weakrefGet(a);
            long rb = m.weakrefGet(b);
            return ra != 0 && ra != none && rb != 0 && rb != none ? eq(ra, rb) : a == b;
        }
        if (ca.kind >= K_TYPE || cb.kind >= K_TYPE) {
            return false;
        }
        // a built-in's subclass that left __eq__ alone compares as the built-in (the runtime would ask eq again)
        return ca.builtinSubclass || cb.builtinSubclass ? os.builtinEqual(a, b) : m.equal(a, b);
    }

    /** A user-defined rich comparison, or 0 when neither side defines it (or both return NotImplemented). */
    private long richUser(long a, long b, long op, long reflected) {
        PyClass ca = classOf(a);
        long r = ca.user ? callIfImplemented(ca, op, a, b) : 0;
        if (r != 0) {
            return r;
        }
        PyClass cb = classOf(b);
        return cb.user ? callIfImplemented(cb, reflected, b, a) : 0;
    }

    /**
     * {@code self.name(other)} for a binary method the class may define (an operator, a comparison): its result,
     * a new reference, or 0 when the class has no such method or it returns NotImplemented.
     */
    long callIfImplemented(PyClass cls, long name, long self, long other) {
        long fn = lookup(cls, name);
        if (fn == 0) {
            return 0;
        }
        long r = callMethod(fn, self, other);
        if (r != m.notImplemented()) {
            return r;
        }
        m.decref(r);
        return 0;
    }

    /** {@code hash(v)}: the runtime's, which asks {@link UserKeys} for instances. */
    long hash(long v) {
        int k = kind(v);
        if (k == K_GENERICALIAS) {
            return GenericAliases.hash(this, v);
        }
        if (k == K_METHOD) { // meth_hash: the instance's pointer hash ^ the function's hash
            long x = Long.rotateRight(os.hostSlot(v, 1), 4) ^ hash(os.hostSlot(v, 0));
            return x == -1 ? -2 : x;
        }
        try {
            return m.hash(v);
        } catch (PyException e) {
            throw convert(e);
        }
    }

    /**
     * The built-in value types, whose methods {@link Methods} implements: the kinds below type's, bytearray and
     * memoryview (numbered after them, added later).
     */
    static boolean isValueKind(int kind) {
        return kind < K_TYPE || kind == K_BYTEARRAY || kind == K_MEMORYVIEW;
    }

    /**
     * PyNumber_Index: an int (or bool) as it is, another object through its class's __index__ (which must return
     * an int). New reference, or 0 when the object has no __index__ (the caller words the TypeError).
     */
    long indexOrZero(long v) {
        int k = kind(v);
        if (k == K_INT || k == K_BOOL) {
            return incref(v);
        }
        long fn = k == K_INSTANCE || classOf(v).builtinSubclass ? lookup(classOf(v), internStr("__index__")) : 0;
        if (fn == 0) {
            return 0;
        }
        long r = callMethod(fn, v);
        int kr = kind(r);
        if (kr != K_INT && kr != K_BOOL) {
            String type = classOf(r).name;
            m.decref(r);
            throw typeError("__index__ returned non-int (type " + type + ")");
        }
        return r;
    }

    /** The value of an integer argument taken through __index__, or the TypeError wording given. */
    long indexValue(long v, String message) {
        long i = indexOrZero(v);
        if (i == 0) {
            throw typeError(message);
        }
        try {
            return m.intValue(i);
        } finally {
            m.decref(i);
        }
    }

    /** The module sys.modules holds under name, or 0. Borrowed. */
    long module(String name) {
        return m.dictGet(sysModules, internStr(name));
    }

    /** Puts a module in sys.modules (which takes its own reference). */
    void registerModule(String name, long module) {
        m.dictSet(sysModules, internStr(name), module);
    }

    /** Takes a module out of sys.modules, if it is there. */
    void unregisterModule(String name) {
        if (module(name) != 0) {
            m.dictDel(sysModules, internStr(name));
        }
    }

    /** The referent of a weakref.proxy. Borrowed. Raises ReferenceError once it is dead. */
    long proxyTarget(long proxy) {
        long target = m.weakrefGet(proxy);
        if (target == none) {
            throw error("ReferenceError", "weakly-referenced object no longer exists");
        }
        return target;
    }

    /** callable(v): whether its type can be called. */
    boolean isCallable(long v) {
        PyClass c = classOf(v);
        int k = c.kind;
        return k == K_FUNCTION || k == K_BUILTIN || k == K_METHOD || k == K_TYPE || k == K_WEAKREF || k == K_GENERICALIAS
                || k == K_PROXY && c.address == tCallableProxy
                || (k == K_INSTANCE || c.builtinSubclass) && lookup(c, sCall) != 0;
    }

    /** The runtime's dicts and sets hash and compare instances through their class's __hash__ and __eq__. */
    private final class UserKeys implements InstanceKeys {

        @Override
        public long hash(long instance, long identityHash) {
            PyClass c = classOf(instance);
            if (c.kind == K_SLICE) {
                return Operators.sliceHash(Interp.this, instance);
            }
            if (c.kind == K_MAPPINGPROXY) {
                if (minor < 12) {
                    throw typeError("unhashable type: 'mappingproxy'");
                }
                return Interp.this.hash(MappingProxies.mapping(Interp.this, instance)); // mappingproxy_hash, new in 3.12
            }
            if (c.kind == K_BYTEARRAY) {
                throw typeError("unhashable type: 'bytearray'");
            }
            if (c.kind == K_MEMORYVIEW) {
                return MemoryViews.hash(Interp.this, instance);
            }
            if (c.kind == K_DICTVIEW) {
                if (DictViews.setLike(Interp.this, instance)) {
                    throw typeError("unhashable type: '" + c.name + "'");
                }
                return identityHash;
            }
            long fn = lookup(c, sHash);
            if (fn == 0) {
                return identityHash;
            }
            if (fn == none) {
                throw typeError("unhashable type: '" + c.name + "'");
            }
            long r = callMethod(fn, instance);
            try {
                int k = kind(r);
                if (k != K_INT && k != K_BOOL) {
                    throw typeError("__hash__ method should return an integer");
                }
                // slot_tp_hash: the value itself when it fits, else the int's own hash
                long h = os.intFitsLong(r) ? os.intValue(r) : m.hash(r);
                return h == -1 ? -2 : h;
            } finally {
                m.decref(r);
            }
        }

        @Override
        public boolean equal(long a, long b) {
            return eq(a, b);
        }
    }

    // ---- text forms ----

    String str(long v) {
        PyClass c = classOf(v);
        if (c.builtinSubclass) {
            long fn = lookup(c, internStr("__str__"));
            if (fn != 0) {
                return callForText(fn, v);
            }
            if (c.kind == K_STR) {
                return m.strValue(v);
            }
            // bytes.__str__ is bytes' repr; the others have object's __str__, which calls the class's __repr__
            return c.kind == K_BYTES ? m.repr(v) : repr(v); // bytearray_str, too, is its repr
        }
        switch (c.kind) {
            case K_STR:
                return m.strValue(v);
            case K_PROXY:
                return str(proxyTarget(v));
            case K_MAPPINGPROXY:
                return str(MappingProxies.mapping(this, v)); // mappingproxy_str
            case K_INSTANCE: {
                long fn = lookup(c, internStr("__str__"));
                if (fn != 0) {
                    long r = callMethod(fn, v);
                    try {
                        if (kind(r) != K_STR) {
                            throw typeError("__str__ returned non-string (type " + classOf(r).name + ")");
                        }
                        return m.strValue(r);
                    } finally {
                        m.decref(r);
                    }
                }
                if (c.exception) {
                    return exceptionMessage(v);
                }
                return repr(v);
            }
            default:
                return repr(v);
        }
    }

    private final IdentityHashMap<Long, Boolean> reprActive = new IdentityHashMap<>();
    private final java.util.HashSet<Long> reprBusy = new java.util.HashSet<>();

    /** Calls a text method ({@code __repr__}, {@code __str__}) of v and returns its result as Java text. */
    private String callForText(long fn, long v) {
        long r = callMethod(fn, v);
        try {
            return m.strValue(r);
        } finally {
            m.decref(r);
        }
    }

    String repr(long v) {
        PyClass c = classOf(v);
        if (c.builtinSubclass) {
            long fn = lookup(c, internStr("__repr__"));
            if (fn != 0) {
                return callForText(fn, v);
            }
        }
        switch (c.kind) {
            case K_NONE:
                return "None";
            case K_BOOL:
                return v == trueObj ? "True" : "False";
            case K_INT:
                return intToDecimal(m.bigIntValue(v));
            case K_FLOAT:
                return Formats.floatRepr(m.floatValue(v));
            case K_STR:
                return strRepr(m.strValue(v));
            case K_BYTES:
                return m.repr(v);
            case K_BYTEARRAY:
                return ByteArrays.repr(this, v);
            case K_MEMORYVIEW:
                return MemoryViews.repr(this, v);
            case K_TUPLE, K_LIST, K_DICT, K_SET, K_FROZENSET: {
                if (!reprBusy.add(v)) {
                    return c.kind == K_LIST ? "[...]" : c.kind == K_DICT ? "{...}" : "...";
                }
                try {
                    return containerRepr(v, c.kind);
                } finally {
                    reprBusy.remove(v);
                }
            }
            case K_INSTANCE: {
                long fn = lookup(c, internStr("__repr__"));
                if (fn != 0) {
                    return callForText(fn, v);
                }
                if (c.exception) {
                    long args = m.getAttr(v, "args");
                    String inner = args == 0 ? "" : repr(args);
                    if (args != 0 && m.len(args) == 1) {
                        inner = inner.substring(1, inner.length() - 2);
                    } else if (args != 0) {
                        inner = inner.substring(1, inner.length() - 1);
                    }
                    return c.name + "(" + inner + ")";
                }
                return "<" + c.module + "." + c.name + " object at " + hexAddress(v) + ">";
            }
            case K_TYPE: {
                PyClass t = classOfType(v);
                if (t == null) {
                    return "<class '?'>";
                }
                long metaRepr = c.user ? lookup(c, internStr("__repr__")) : 0;
                if (metaRepr != 0) {
                    return callForText(metaRepr, v);
                }
                return !t.module.equals("builtins") ? "<class '" + t.module + "." + t.name + "'>" : "<class '" + t.name + "'>";
            }
            case K_FUNCTION:
                long qualname = functionQualname(v);
                try {
                    return "<function " + m.strValue(qualname) + " at " + hexAddress(v) + ">";
                } finally {
                    m.decref(qualname);
                }
            case K_BUILTIN: {
                BuiltinBox b = (BuiltinBox) os.payload(v);
                long self = os.hostSlot(v, 0);
                if (c.address == tWrapperDescriptor) {
                    return "<slot wrapper '" + b.name() + "' of '" + b.owner() + "' objects>";
                }
                if (c.address == tMethodDescriptor) {
                    return "<method '" + b.name() + "' of '" + b.owner() + "' objects>";
                }
                if (c.address == tMethodWrapper) {
                    return "<method-wrapper '" + b.name() + "' of " + classOf(self).name + " object at " + hexAddress(self) + ">";
                }
                return self == 0 || kind(self) == K_MODULE ? "<built-in function " + b.name() + ">"
                        : "<built-in method " + b.name() + " of " + classOf(self).name + " object at " + hexAddress(self) + ">";
            }
            case K_METHOD: {
                long fn = os.hostSlot(v, 0);
                return "<bound method " + ((Code) os.payload(fn)).qualname + " of " + repr(os.hostSlot(v, 1)) + ">";
            }
            case K_MODULE: {
                long file = m.dictGet(os.hostSlot(v, 0), internStr("__file__"));
                return file != 0 && kind(file) == K_STR ? "<module '" + os.payload(v) + "' from '" + m.strValue(file) + "'>"
                        : "<module '" + os.payload(v) + "' (built-in)>";
            }
            case K_RANGE: {
                long step = os.hostSlot(v, 2);
                String s = "range(" + repr(os.hostSlot(v, 0)) + ", " + repr(os.hostSlot(v, 1));
                return m.intValue(step) == 1 ? s + ")" : s + ", " + repr(step) + ")";
            }
            case K_CODE:
                return Codes.repr(this, v);
            case K_FRAME:
                return frames.repr(v);
            case K_MAPPINGPROXY:
                return "mappingproxy(" + repr(MappingProxies.mapping(this, v)) + ")";
            case K_DICTVIEW: {
                if (!reprBusy.add(v)) {
                    return "...";
                }
                try {
                    return DictViews.repr(this, v);
                } finally {
                    reprBusy.remove(v);
                }
            }
            case K_SLICE:
                return "slice(" + repr(os.hostSlot(v, 0)) + ", " + repr(os.hostSlot(v, 1)) + ", " + repr(os.hostSlot(v, 2)) + ")";
            case K_WEAKREF: {
                long target = m.weakrefGet(v);
                if (target == none) {
                    return "<weakref at " + hexAddress(v) + "; dead>";
                }
                return "<weakref at " + hexAddress(v) + "; to '" + classOf(target).module + "." + classOf(target).name
                        + "' at " + hexAddress(target) + ">";
            }
            case K_PROXY: {
                long target = m.weakrefGet(v);
                if (minor >= 13) {
                    return target == none ? "<weakproxy at " + hexAddress(v) + "; dead>"
                            : "<weakproxy at " + hexAddress(v) + "; to '" + classOf(target).name + "' at " + hexAddress(target) + ">";
                }
                return "<weakproxy at " + hexAddress(v) + " to " + classOf(target).name + " at " + hexAddress(target) + ">";
            }
            case K_WEAKVALUEDICT, K_WEAKKEYDICT:
                return "<" + c.name + " at " + hexAddress(v) + ">";
            case K_CELL:
                return "<cell at " + hexAddress(v) + ">";
            case K_GENERICALIAS:
                return GenericAliases.repr(this, v);
            case K_DESCRIPTOR:
                return "<" + (os.typeOf(v) == tGetSetDescriptor ? "attribute '" : "member '") + m.strValue(os.hostSlot(v, 1))
                        + "' of '" + classOfType(os.hostSlot(v, 0)).name + "' objects>";
            case K_ITER:
                if (os.payload(v) instanceof Generator g) {
                    return "<" + g.kind().typeName + " object " + g.qualname() + " at " + hexAddress(v) + ">";
                }
                return "<" + c.name + " object at " + hexAddress(v) + ">";
            default:
                if (v == m.ellipsis()) {
                    return "Ellipsis";
                }
                if (v == m.notImplemented()) {
                    return "NotImplemented";
                }
                return "<" + c.name + " object at " + hexAddress(v) + ">";
        }
    }

    /** The built-in list/dict/set text of a container (a subclass's own __repr__ left out). */
    String containerText(long v, int kind) {
        if (!reprBusy.add(v)) {
            return kind == K_LIST ? "[...]" : kind == K_DICT ? "{...}" : "...";
        }
        try {
            return containerRepr(v, kind);
        } finally {
            reprBusy.remove(v);
        }
    }

    static String hexAddress(long v) {
        return "0x" + String.format("%012x", v);
    }

    String reprOf(long v) {
        return repr(v);
    }

    private String containerRepr(long v, int k) {
        StringBuilder sb = new StringBuilder();
        switch (k) {
            case K_LIST, K_TUPLE -> {
                long n = m.len(v);
                sb.append(k == K_LIST ? '[' : '(');
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append(repr(k == K_LIST ? m.listGet(v, i) : m.tupleGet(v, i)));
                }
                if (k == K_TUPLE && n == 1) {
                    sb.append(',');
                }
                sb.append(k == K_LIST ? ']' : ')');
            }
            case K_DICT -> {
                sb.append('{');
                boolean[] first = {true};
                os.dictForEach(v, (key, val) -> {
                    if (!first[0]) {
                        sb.append(", ");
                    }
                    first[0] = false;
                    sb.append(repr(key)).append(": ").append(repr(val));
                });
                sb.append('}');
            }
            default -> {
                List<Long> items = m.setItems(v);
                // a set subclass shows its class name, as frozenset does: St({1, 2})
                PyClass c = classOf(v);
                String named = c.builtinSubclass ? c.name : k == K_SET ? null : "frozenset";
                if (items.isEmpty()) {
                    return named == null ? "set()" : named + "()";
                }
                sb.append(named == null ? "{" : named + "({");
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append(repr(items.get(i)));
                }
                sb.append(named == null ? "}" : "})");
            }
        }
        return sb.toString();
    }

    /** Whether str.isprintable() holds for a character of this Unicode category (not Cc Cf Cs Co Cn Zl Zp Zs). */
    private static boolean printable(int type) {
        return switch (type) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    static String strRepr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp >= 0x80 && cp < 0xa0 || cp == 0xad) {
                sb.append(String.format("\\x%02x", cp));
            } else if (!Character.isDefined(cp) || cp != ' ' && !printable(Character.getType(cp))) {
                org.pymemlab.frontend.ast.AstDump.appendHexEscape(sb, cp);
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.append(q).toString();
    }

    /** Payload of a builtin_function_or_method. */
    record BuiltinBox(String name, BuiltinFn fn, String owner) {
    }

    // ---- callables ----

    /** A builtin_function_or_method bound to self (borrowed, 0 for none). New reference. */
    long newBuiltin(String name, long self, BuiltinFn fn) {
        return newBuiltin(tBuiltin, name, null, self, fn);
    }

    /**
     * A callable of a built-in type's: {@code type} is tBuiltin or one of the descriptor types (their text names
     * the owner type, e.g. {@code <slot wrapper '__add__' of 'int' objects>}); self borrowed, 0 for none.
     */
    long newBuiltin(long type, String name, String owner, long self, BuiltinFn fn) {
        long b = os.newHostObject(type);
        os.setPayload(b, new BuiltinBox(name, fn, owner));
        if (self != 0) {
            os.setHostSlot(b, 0, self);
        }
        return b;
    }

    /** A bound method (func and self borrowed). New reference. */
    long newMethod(long func, long self) {
        long b = os.newHostObject(tMethod);
        os.setHostSlot(b, 0, func);
        os.setHostSlot(b, 1, self);
        return b;
    }

    /**
     * Calls {@code callable} with {@code args}, which it consumes (each an owned reference); the last
     * {@code kwnames.length} are keyword arguments. New reference.
     */
    long call(long callable, long[] args, String[] kwnames) {
        PyClass c = classOf(callable);
        switch (c.kind) {
            case K_FUNCTION:
                return callFunction(callable, args, kwnames);
            case K_METHOD: {
                long[] full = new long[args.length + 1];
                full[0] = incref(os.hostSlot(callable, 1));
                System.arraycopy(args, 0, full, 1, args.length);
                long fn = os.hostSlot(callable, 0);
                return call(fn, full, kwnames);
            }
            case K_BUILTIN: {
                BuiltinBox b = (BuiltinBox) os.payload(callable);
                try {
                    return b.fn().call(this, os.hostSlot(callable, 0), args, kwnames);
                } catch (PyException e) {
                    throw convert(e);
                } finally {
                    release(args);
                }
            }
            case K_TYPE:
                if (c.user) {
                    // a metaclass's __call__ makes the instances of its classes
                    long fn = lookup(c, sCall);
                    if (fn != 0) {
                        long[] full = new long[args.length + 1];
                        full[0] = incref(callable);
                        System.arraycopy(args, 0, full, 1, args.length);
                        return call(fn, full, kwnames);
                    }
                }
                try {
                    PyClass type = classOfType(callable);
                    if (!type.user) { // a subclass's construction hands its keywords to its own __init__ instead
                        BuiltinSignatures.checkConstructor(this, type.name, args, kwnames);
                    }
                    return Builtins.construct(this, callable, args, kwnames);
                } finally {
                    release(args);
                }
            case K_WEAKREF: {
                release(args);
                return incref(m.weakrefGet(callable));
            }
            case K_GENERICALIAS:
                return GenericAliases.call(this, callable, args, kwnames);
            case K_PROXY: {
                if (!isCallable(callable)) {
                    break;
                }
                long target;
                try {
                    target = proxyTarget(callable);
                } catch (PyRaise e) {
                    release(args);
                    throw e;
                }
                return call(target, args, kwnames);
            }
            case K_STATICMETHOD:
                return call(os.hostSlot(callable, 0), args, kwnames);
            default:
                break;
        }
        // an instance, or a built-in's subclass, whose class defines __call__
        long fn = c.user ? lookup(c, sCall) : 0;
        if (fn != 0) {
            long[] full = new long[args.length + 1];
            full[0] = incref(callable);
            System.arraycopy(args, 0, full, 1, args.length);
            return call(fn, full, kwnames);
        }
        release(args);
        throw typeError("'" + c.name + "' object is not callable");
    }

    void release(long[] args) {
        for (long a : args) {
            if (a != 0) {
                m.decref(a);
            }
        }
    }

    /** Calls a class made by the program (type.__call__): __new__, then __init__. Args consumed. New reference. */
    long instantiate(long cls, long[] args, String[] kwnames) {
        return Classes.typeCall(this, cls, args, kwnames);
    }

    /** Calls a Python function: binds the arguments (consumed) into a new frame and runs the body. */
    long callFunction(long fn, long[] args, String[] kwnames) {
        Code code = (Code) os.payload(fn);
        long[] locals = new long[code.nlocals];
        try {
            bind(fn, code, locals, args, kwnames);
        } catch (PyRaise e) {
            for (long l : locals) {
                if (l != 0) {
                    m.decref(l);
                }
            }
            throw e;
        }
        long[] cells = null;
        int ncell = code.ncells + code.nfrees;
        if (ncell > 0) {
            cells = new long[ncell];
            for (int i = 0; i < code.ncells; i++) {
                long cell = os.newHostObject(tCell);
                int from = code.cellFromArg[i];
                if (from >= 0 && locals[from] != 0) {
                    os.setHostSlot(cell, 0, locals[from]);
                    m.decref(locals[from]);
                    locals[from] = 0;
                }
                cells[i] = cell;
            }
            long closure = os.hostSlot(fn, 3);
            for (int j = 0; j < code.nfrees; j++) {
                cells[code.ncells + j] = incref(m.tupleGet(closure, j));
            }
        }
        Frame f = new Frame(code, locals, cells, os.hostSlot(fn, 0), 0, current);
        f.line = code.firstLine;
        // CPython's frame holds its function (f_funcobj) with the reference the caller's stack had: borrowed here
        // from the caller, who holds it for the call; a generator's frame outlives the call and takes its own
        f.function = fn;
        if (code.generator || code.coroutine) {
            Generator.Kind kind = !code.coroutine ? Generator.Kind.GENERATOR
                    : code.generator ? Generator.Kind.ASYNC_GENERATOR : Generator.Kind.COROUTINE;
            f.ownsFunction = true;
            incref(fn);
            long gen = os.newHostObject(iterTypes.get(kind.typeName));
            os.setPayload(gen, new Generator(this, f, kind));
            return gen;
        }
        return run(f);
    }

    /** Runs a frame to completion; releases its locals. New reference (the return value). */
    long run(Frame f) {
        Code code = f.code;
        if (depth >= Math.min(recursionLimit, MAX_EFFECTIVE_RECURSION_LIMIT)) {
            releaseFrame(f);
            throw error("RecursionError", "maximum recursion depth exceeded");
        }
        depth++;
        Frame saved = current;
        current = f;
        try {
            if (code.isLambda) {
                return code.expr.eval(f);
            }
            int r = code.body.exec(f);
            if (r == Code.RETURN) {
                return f.retval;
            }
            return none;
        } catch (PyRaise e) {
            tracebacks.record(e, f);
            throw e;
        } catch (StackOverflowError so) {
            PyRaise e = error("RecursionError", "maximum recursion depth exceeded");
            tracebacks.record(e, f);
            throw e;
        } catch (PyException e) {
            PyRaise r = convert(e);
            tracebacks.record(r, f);
            throw r;
        } finally {
            current = saved;
            depth--;
            releaseFrame(f);
        }
    }

    void releaseFrame(Frame f) {
        f.returned = true;
        // a frame object that lives on takes the locals over (and its own reference to the function)
        if (f.frameObject == 0 || !frames.exit(f)) {
            releaseLocals(f);
        }
        long localsDict = f.localsDict;
        if (localsDict != 0) {
            f.localsDict = 0;
            m.decref(localsDict); // _PyFrame_ClearExceptCode: f_locals after the locals
        }
        long fn = f.function;
        f.function = 0;
        if (f.ownsFunction) {
            f.ownsFunction = false;
            m.decref(fn);
        }
    }

    /** Empties a frame's locals and cells, releasing their references. */
    private void releaseLocals(Frame f) {
        empty(f.locals);
        if (f.cells != null) {
            empty(f.cells);
        }
    }

    /** Empties an array of owned references, each slot before its release (whose deaths may run code that reads it). */
    void empty(long[] refs) {
        for (int i = 0; i < refs.length; i++) {
            long v = refs[i];
            if (v != 0) {
                refs[i] = 0;
                m.decref(v);
            }
        }
    }

    private void bind(long fn, Code code, long[] locals, long[] args, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        int posCount = code.posCount;
        int varargsSlot = posCount + code.kwOnlyCount;
        int kwargsSlot = varargsSlot + (code.hasVarargs ? 1 : 0);
        int consumed = 0;
        try {
            if (npos > posCount && !code.hasVarargs) {
                throw typeError(code.qualname + "() takes " + posCount + " positional argument" + (posCount == 1 ? "" : "s")
                        + " but " + npos + (npos == 1 ? " was" : " were") + " given");
            }
            int direct = Math.min(npos, posCount);
            for (int i = 0; i < direct; i++) {
                locals[i] = args[i];
                args[i] = 0;
            }
            if (code.hasVarargs) {
                long[] extra = new long[Math.max(0, npos - posCount)];
                for (int i = 0; i < extra.length; i++) {
                    extra[i] = args[posCount + i];
                }
                locals[varargsSlot] = m.newTuple(extra);
                for (int i = 0; i < extra.length; i++) {
                    m.decref(extra[i]);
                    args[posCount + i] = 0;
                }
            }
            long kwdict = 0;
            if (code.hasKwargs) {
                kwdict = m.newDict();
                locals[kwargsSlot] = kwdict;
            }
            for (int k = 0; k < nkw; k++) {
                String name = kwnames[k];
                int slot = -1;
                for (int i = code.posOnlyCount; i < posCount + code.kwOnlyCount; i++) { // positional-only: no keyword
                    if (code.argNames[i].equals(name)) {
                        slot = i;
                        break;
                    }
                }
                long v = args[npos + k];
                if (slot < 0) {
                    if (kwdict == 0) {
                        throw unexpectedKeyword(code, name, kwnames);
                    }
                    m.dictSet(kwdict, internStr(name), v);
                    m.decref(v);
                } else {
                    if (locals[slot] != 0) {
                        throw typeError(code.qualname + "() got multiple values for argument '" + name + "'");
                    }
                    locals[slot] = v;
                }
                args[npos + k] = 0;
            }
            long defaults = os.hostSlot(fn, 1);
            int ndef = defaults == 0 ? 0 : (int) m.len(defaults);
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < posCount; i++) {
                if (locals[i] == 0) {
                    int di = i - (posCount - ndef);
                    if (di >= 0) {
                        locals[i] = incref(m.tupleGet(defaults, di));
                    } else {
                        missing.add(code.argNames[i]);
                    }
                }
            }
            if (!missing.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < missing.size(); i++) {
                    if (i > 0) {
                        sb.append(missing.size() == 2 ? " and " : i == missing.size() - 1 ? ", and " : ", ");
                    }
                    sb.append('\'').append(missing.get(i)).append('\'');
                }
                throw typeError(code.qualname + "() missing " + missing.size() + " required positional argument"
                        + (missing.size() == 1 ? "" : "s") + ": " + sb);
            }
            long kwdefaults = os.hostSlot(fn, 2);
            for (int i = posCount; i < posCount + code.kwOnlyCount; i++) {
                if (locals[i] == 0) {
                    long d = kwdefaults == 0 ? 0 : m.dictGet(kwdefaults, internStr(code.argNames[i]));
                    if (d == 0) {
                        throw typeError(code.qualname + "() missing 1 required keyword-only argument: '" + code.argNames[i] + "'");
                    }
                    locals[i] = incref(d);
                }
            }
            consumed = args.length;
        } finally {
            if (consumed != args.length) {
                release(args);
            }
        }
    }

    /**
     * func_get_annotations: the dict, made from the names-and-values tuple MAKE_FUNCTION stored (or empty) the
     * first time it is read, and kept in its place. New reference.
     */
    private long functionAnnotations(long fn) {
        long held = os.hostSlot(fn, Compiler.FUNCTION_ANNOTATIONS);
        if (held != 0 && kind(held) == K_DICT) {
            return incref(held);
        }
        long d = m.newDict();
        for (int i = 0; held != 0 && i + 1 < m.len(held); i += 2) {
            m.dictSet(d, m.tupleGet(held, i), m.tupleGet(held, i + 1));
        }
        os.setHostSlot(fn, Compiler.FUNCTION_ANNOTATIONS, d);
        return d;
    }

    /**
     * A keyword no parameter takes (initialize_locals): positional-only names passed as keywords are named all
     * together; otherwise the unknown one, with 3.13's suggestion from the parameters.
     */
    private PyRaise unexpectedKeyword(Code code, String name, String[] kwnames) {
        List<String> posOnlyGiven = new ArrayList<>();
        for (int i = 0; i < code.posOnlyCount; i++) {
            if (java.util.Arrays.asList(kwnames).contains(code.argNames[i])) {
                posOnlyGiven.add(code.argNames[i]);
            }
        }
        if (!posOnlyGiven.isEmpty()) {
            return typeError(code.qualname + "() got some positional-only arguments passed as keyword arguments: '"
                    + String.join(", ", posOnlyGiven) + "'");
        }
        return KeywordErrors.function(this, code.qualname, name,
                java.util.Arrays.asList(code.argNames).subList(code.posOnlyCount, code.posCount + code.kwOnlyCount));
    }

    // ---- attributes ----

    long getattr(long obj, String name) {
        return getattr(obj, name, internStr(name));
    }

    long getattr(long obj, String name, long nameStr) {
        long r;
        try {
            r = lookupAttribute(obj, name, nameStr, true);
        } catch (PyRaise e) {
            throw withAttributeContext(e, obj, name);
        }
        if (r == 0) {
            PyClass c = classOf(obj);
            if (c.kind == K_PROXY) {
                c = classOf(proxyTarget(obj));
            }
            String msg;
            if (c.kind == K_TYPE) {
                PyClass t = classOfType(obj);
                msg = "type object '" + (t == null ? "?" : t.name) + "' has no attribute '" + name + "'";
            } else if (c.kind == K_MODULE) {
                msg = "module '" + os.payload(obj) + "' has no attribute '" + name + "'";
            } else {
                msg = "'" + c.name + "' object has no attribute '" + name + "'";
            }
            throw withAttributeContext(error("AttributeError", msg), obj, name);
        }
        return r;
    }

    /**
     * The class's __getattr__(name) for an attribute found nowhere else, or 0 (none, or an AttributeError it
     * raised when {@code hookRaises} is false: hasattr and getattr with a default swallow it, a plain lookup
     * propagates it).
     */
    private long getattrHook(long obj, PyClass c, String name, boolean hookRaises) {
        long fallback = lookup(c, internStr("__getattr__"));
        if (fallback == 0) {
            return 0;
        }
        long n = newStr(name);
        try {
            return callMethod(fallback, obj, n);
        } catch (PyRaise e) {
            if (!hookRaises && isInstance(e.exc, "AttributeError")) {
                m.decref(e.exc);
                return 0;
            }
            throw e;
        } finally {
            m.decref(n);
        }
    }

    /** getattr, or 0 when there is no such attribute. New reference. */
    long getattrOrZero(long obj, String name) {
        return getattrOrZero(obj, name, internStr(name));
    }

    long getattrOrZero(long obj, String name, long nameStr) {
        return lookupAttribute(obj, name, nameStr, false);
    }

    /** getattrOrZero, with an AttributeError of the class's __getattr__ propagated when {@code hookRaises}. */
    private long lookupAttribute(long obj, String name, long nameStr, boolean hookRaises) {
        PyClass c = classOf(obj);
        if (c.user && withHooks(c).getattributeHook != 0) {
            return hookedGetattr(obj, c, name, nameStr, hookRaises);
        }
        return genericGetattr(obj, name, nameStr, true, hookRaises);
    }

    /**
     * The attribute through the class's own {@code __getattribute__}; its AttributeError goes to the class's
     * {@code __getattr__}, or gives 0. New reference.
     */
    private long hookedGetattr(long obj, PyClass c, String name, long nameStr, boolean hookRaises) {
        try {
            return callMethod(c.getattributeHook, obj, nameStr);
        } catch (PyRaise e) {
            if (!isInstance(e.exc, "AttributeError")) {
                throw e;
            }
            m.decref(e.exc);
            return getattrHook(obj, c, name, hookRaises);
        }
    }

    /**
     * object.__getattribute__ (PyObject_GenericGetAttr): the class's descriptors, the instance's __dict__, the
     * class's attributes; the class's {@code __getattr__} is not asked. New reference or 0.
     */
    long genericGetattr(long obj, String name, long nameStr) {
        return genericGetattr(obj, name, nameStr, false, false);
    }

    /**
     * As {@link #genericGetattr(long, String, long)}, then the class's {@code __getattr__} when {@code fallback},
     * whose AttributeError propagates when {@code hookRaises}.
     */
    private long genericGetattr(long obj, String name, long nameStr, boolean fallback, boolean hookRaises) {
        PyClass c = classOf(obj);
        if (c.builtinSubclass) {
            // the class and the instance's __dict__, the built-in's attributes, then the class's __getattr__
            long v = Classes.subclassInstanceAttr(this, obj, c, name, nameStr);
            if (v == 0 && Classes.builtinMayHave(c.kind, name)) {
                v = kindAttrOrZero(obj, c, name, nameStr, fallback, hookRaises);
            }
            return v != 0 || !fallback ? v : getattrHook(obj, c, name, hookRaises);
        }
        return kindAttrOrZero(obj, c, name, nameStr, fallback, hookRaises);
    }

    /** The attribute as the object's kind has it (an instance's through its class), or 0. New reference. */
    private long kindAttrOrZero(long obj, PyClass c, String name, long nameStr, boolean fallback, boolean hookRaises) {
        switch (c.kind) {
            case K_INSTANCE: {
                long classAttr = lookup(c, nameStr);
                int attrKind = classAttr == 0 ? -1 : kind(classAttr);
                if (attrKind == K_PROPERTY) {
                    long getter = os.hostSlot(classAttr, 0);
                    return callMethod(getter, obj);
                }
                if (attrKind == K_DESCRIPTOR) {
                    return Classes.descriptorGet(this, classAttr, obj);
                }
                // a descriptor the program wrote: an instance of its class (functions, the common case, are not)
                PyClass descriptorClass = attrKind == K_INSTANCE
                        || classAttr != 0 && attrKind != K_FUNCTION && classOf(classAttr).builtinSubclass
                        ? classOf(classAttr) : null;
                long get = descriptorClass == null ? 0 : lookup(descriptorClass, sDunderGet);
                if (get != 0 && isDataDescriptor(descriptorClass)) { // a data descriptor comes before the instance
                    return call(get, new long[] {incref(classAttr), incref(obj), incref(c.address)}, null);
                }
                long v = m.getAttr(obj, name);
                if (v != 0) {
                    return incref(v);
                }
                if (get != 0) {
                    return call(get, new long[] {incref(classAttr), incref(obj), incref(c.address)}, null);
                }
                if (classAttr != 0) {
                    return bindClassAttr(classAttr, obj, c.address);
                }
                if (name.equals("__class__")) {
                    return incref(c.address);
                }
                if (name.equals("__dict__")) {
                    long dict = os.instanceDict(obj);
                    if (dict != 0) {
                        return dict;
                    }
                }
                if (c.exception) {
                    long method = ExceptionObjects.method(this, obj, c, name);
                    if (method != 0) {
                        return method;
                    }
                }
                if (!c.exception || Dunders.isExceptionSafe(name)) {
                    long slot = Dunders.instanceAttr(this, obj, c, name); // object's __eq__, __setattr__ ...
                    if (slot != 0) {
                        return slot;
                    }
                }
                return fallback ? getattrHook(obj, c, name, hookRaises) : 0;
            }
            case K_TYPE:
                return Classes.classAttr(this, obj, c, name, nameStr);
            case K_SLICE:
                return Operators.sliceAttribute(this, obj, name);
            case K_DICTVIEW:
                return DictViews.attribute(this, obj, name);
            case K_MAPPINGPROXY:
                return MappingProxies.attribute(this, obj, name);
            case K_ITER: {
                if (AsyncGenerators.of(this, obj) != null) {
                    long method = AsyncGenerators.attribute(this, obj, name);
                    if (method != 0) {
                        return method;
                    }
                } else if (AsyncGenerators.isAwaitable(this, obj) && os.payload(obj) instanceof GeneratorLike aw) {
                    long method = AsyncGenerators.awaitableAttribute(this, obj, aw, name);
                    if (method != 0) {
                        return method;
                    }
                }
                if (os.payload(obj) instanceof Generator g) {
                    long field = g.attribute(name);
                    if (field != 0) {
                        return field;
                    }
                }
                return name.equals("__class__") ? incref(c.address) : 0;
            }
            case K_MODULE: {
                long d = os.hostSlot(obj, 0);
                long v = m.dictGet(d, nameStr);
                if (v == 0 && name.equals("__dict__")) {
                    return incref(d);
                }
                if (v == 0 && name.equals("garbage") && "gc".equals(os.payload(obj))) {
                    return Modules.gcGarbage(this);
                }
                if (v == 0 && !name.equals("__getattr__")) {
                    // PEP 562: the module's own __getattr__ for a name its dict lacks; its AttributeError is the
                    // error of a plain lookup, and "absent" to hasattr and getattr with a default
                    long hook = m.dictGet(d, internStr("__getattr__"));
                    if (hook != 0) {
                        try {
                            return call(hook, new long[] {incref(nameStr)}, null);
                        } catch (PyRaise e) {
                            if (hookRaises || !exceptionMatches(e.exc, exceptions.get("AttributeError"))) {
                                throw e;
                            }
                            m.decref(e.exc);
                            return 0;
                        }
                    }
                }
                return v == 0 ? 0 : incref(v);
            }
            case K_FUNCTION:
                return switch (name) {
                    case "__name__" -> incref(os.hostSlot(obj, 4));
                    case "__qualname__" -> functionQualname(obj);
                    case "__defaults__" -> incref(os.hostSlot(obj, 1) == 0 ? none : os.hostSlot(obj, 1));
                    case "__closure__" -> incref(os.hostSlot(obj, 3) == 0 ? none : os.hostSlot(obj, 3));
                    case "__globals__" -> incref(os.hostSlot(obj, 0));
                    case "__annotations__" -> functionAnnotations(obj);
                    case "__module__" -> { // func_module: the globals' __name__ when the function was made, unless set
                        long d = os.hostSlot(obj, 6);
                        long own = d == 0 ? 0 : m.dictGet(d, nameStr);
                        long module = own != 0 ? own : m.dictGet(os.hostSlot(obj, 0), internStr("__name__"));
                        yield incref(module != 0 ? module : none);
                    }
                    case "__doc__" -> incref(os.hostSlot(obj, Compiler.FUNCTION_DOC) == 0 ? none
                            : os.hostSlot(obj, Compiler.FUNCTION_DOC));
                    case "__dict__" -> {
                        if (os.hostSlot(obj, 6) == 0) {
                            long d = m.newDict();
                            os.setHostSlot(obj, 6, d);
                            m.decref(d);
                        }
                        yield incref(os.hostSlot(obj, 6));
                    }
                    default -> {
                        long d = os.hostSlot(obj, 6);
                        long v = d == 0 ? 0 : m.dictGet(d, internStr(name));
                        yield v == 0 ? 0 : incref(v);
                    }
                };
            case K_METHOD:
                return switch (name) {
                    case "__self__" -> incref(os.hostSlot(obj, 1));
                    case "__func__" -> incref(os.hostSlot(obj, 0));
                    default -> getattrOrZero(os.hostSlot(obj, 0), name);
                };
            case K_BUILTIN:
                return switch (name) {
                    case "__name__" -> newStr(((BuiltinBox) os.payload(obj)).name());
                    case "__class__" -> incref(c.address);
                    default -> 0;
                };
            case K_CELL:
                if (name.equals("cell_contents")) {
                    long v = os.hostSlot(obj, 0);
                    if (v == 0) {
                        throw error("ValueError", "Cell is empty");
                    }
                    return incref(v);
                }
                return 0;
            case K_SUPER:
                return Classes.superAttr(this, obj, name);
            case K_PROXY:
                return lookupAttribute(proxyTarget(obj), name, nameStr, hookRaises);
            case K_GENERICALIAS:
                return GenericAliases.attribute(this, obj, name);
            case K_TRACEBACK:
                return tracebacks.tracebackAttribute(obj, name);
            case K_FRAME:
                return frames.attribute(obj, name);
            case K_CODE:
                return Codes.attribute(this, obj, name);
            case K_PROPERTY:
                if (name.equals("setter") || name.equals("getter") || name.equals("deleter")) {
                    return newBuiltin(name, obj, (in, self, a, kw) -> {
                        long p = os.newHostObject(tProperty);
                        for (int i = 0; i < 3; i++) {
                            os.setHostSlot(p, i, os.hostSlot(self, i));
                        }
                        os.setHostSlot(p, name.equals("getter") ? 0 : name.equals("setter") ? 1 : 2, a[0]);
                        return p;
                    });
                }
                if (name.equals("fget")) {
                    return incref(os.hostSlot(obj, 0));
                }
                return 0;
            default: {
                if (c.exception || c.kind == K_INSTANCE) {
                    return 0;
                }
                long v = Builtins.methodObject(this, obj, c, name);
                if (v == 0 && name.equals("__class__")) {
                    return incref(c.address); // object's __class__, on iterators and the other host objects too
                }
                return v != 0 || !isValueKind(c.kind) ? v : Dunders.instanceAttr(this, obj, c, name);
            }
        }
    }

    long bindClassAttr(long attr, long obj, long cls) {
        int k = kind(attr);
        if (k == K_FUNCTION) {
            return newMethod(attr, obj);
        }
        if (k == K_STATICMETHOD) {
            return incref(os.hostSlot(attr, 0));
        }
        if (k == K_CLASSMETHOD) {
            return newMethod(os.hostSlot(attr, 0), cls);
        }
        return incref(attr);
    }

    /**
     * {@code obj.name(args)}: no bound method is made for a function found on the class (LOAD_METHOD); the
     * reference to obj (consumed, as the evaluation stack's is) becomes the callee's self.
     */
    long callAttr(long obj, String name, long[] args, String[] kwnames) {
        return callAttr(obj, name, internStr(name), args, kwnames);
    }

    long callAttr(long obj, String name, long nameStr, long[] args, String[] kwnames) {
        PyClass c = classOf(obj);
        if (c.builtinSubclass && lookup(c, nameStr) != 0) {
            // a method the subclass defines (or overrides) over the built-in's
            long classAttr = lookup(c, nameStr);
            if (kind(classAttr) == K_FUNCTION && (!c.hasDict || m.getAttr(obj, name) == 0)) {
                long[] full = new long[args.length + 1];
                full[0] = obj;
                System.arraycopy(args, 0, full, 1, args.length);
                return callFunction(classAttr, full, kwnames);
            }
        } else if (c.kind == K_INSTANCE && withHooks(c).getattributeHook == 0) {
            long classAttr = lookup(c, nameStr);
            if (classAttr != 0 && kind(classAttr) == K_FUNCTION && m.getAttr(obj, name) == 0) {
                long[] full = new long[args.length + 1];
                full[0] = obj;
                System.arraycopy(args, 0, full, 1, args.length);
                return callFunction(classAttr, full, kwnames);
            }
        } else if (c.kind == K_ITER && os.payload(obj) instanceof Generator g && g.kind() != Generator.Kind.ASYNC_GENERATOR
                && (name.equals("send") || name.equals("close") || name.equals("throw"))) {
            try {
                return switch (name) {
                    case "close" -> {
                        if (args.length != 0) {
                            throw typeError(g.kindName() + ".close() takes no arguments (" + args.length + " given)");
                        }
                        g.close();
                        yield none;
                    }
                    case "send" -> {
                        if (args.length != 1) {
                            throw typeError(g.kindName() + ".send() takes exactly one argument (" + args.length + " given)");
                        }
                        yield g.sendRaising(args[0], obj);
                    }
                    default -> {
                        if (args.length != 1) { // the (type, value, traceback) form is deprecated, and not run here
                            throw typeError(args.length == 0 ? "throw expected at least 1 argument, got 0"
                                    : "throw() with more than one argument is not supported by PyMem Lab's frontend");
                        }
                        yield g.throwInto(new PyRaise(asException(incref(args[0]))), obj);
                    }
                };
            } finally {
                release(args);
                m.decref(obj);
            }
        } else if (c.kind == K_WEAKVALUEDICT || c.kind == K_WEAKKEYDICT) {
            PyRaise missing;
            try {
                long r = c.kind == K_WEAKVALUEDICT ? WeakValueDict.of(this, obj).call(name, args)
                        : WeakKeyDict.of(this, obj).call(name, args);
                if (r != 0) {
                    return r;
                }
                // made while the object is still held: the error keeps it as its obj
                missing = withAttributeContext(error("AttributeError", "'" + c.name + "' object has no attribute '" + name + "'"), obj, name);
            } catch (PyException e) {
                throw convert(e);
            } finally {
                release(args);
                m.decref(obj);
            }
            throw lookupFailure(missing);
        } else if (c.kind == K_PROXY) {
            long target;
            try {
                target = incref(proxyTarget(obj));
            } catch (PyRaise e) {
                release(args);
                throw e;
            } finally {
                m.decref(obj);
            }
            return callAttr(target, name, nameStr, args, kwnames);
        } else if (isValueKind(c.kind) && !(c.builtinSubclass && c.hasDict && m.getAttr(obj, name) != 0)) {
            // (an attribute in a built-in subclass's instance __dict__ comes before the built-in's methods)
            long slot = 0;
            PyRaise missing = null;
            try {
                long r = Builtins.callMethod(this, obj, c, name, args, kwnames);
                if (r != 0) {
                    return r;
                }
                slot = Dunders.instanceAttr(this, obj, c, name); // (1).__add__(2), [].__len__()
                if (slot == 0) {
                    // made while the object is still held: the error keeps it as its obj
                    missing = withAttributeContext(error("AttributeError", "'" + c.name + "' object has no attribute '"
                            + name + "'"), obj, name);
                }
            } catch (PyException e) {
                throw convert(e);
            } finally {
                if (slot == 0) {
                    release(args);
                }
                m.decref(obj);
            }
            if (slot == 0) {
                throw lookupFailure(missing);
            }
            try {
                return call(slot, args, kwnames);
            } finally {
                m.decref(slot);
            }
        }
        long fn;
        try {
            fn = getattr(obj, name, nameStr);
        } catch (PyRaise e) {
            release(args);
            throw lookupFailure(e);
        } finally {
            m.decref(obj);
        }
        try {
            return call(fn, args, kwnames);
        } finally {
            m.decref(fn);
        }
    }

    private static PyRaise lookupFailure(PyRaise e) {
        e.attributeLookup = true;
        return e;
    }

    void setattr(long obj, String name, long value) {
        setattr(obj, name, internStr(name), value);
    }

    void setattr(long obj, String name, long nameStr, long value) {
        PyClass c = classOf(obj);
        if (c.user && withHooks(c).setattrHook != 0) {
            m.decref(callMethod(c.setattrHook, obj, nameStr, value));
            return;
        }
        genericSetattr(obj, name, nameStr, value);
    }

    /**
     * The function's own fields that a program may set (func_set_name, func_set_qualname, func_set_defaults …),
     * with CPython's TypeErrors; false for any other name, which goes to the function's __dict__.
     */
    private boolean setFunctionField(long fn, String name, long value) {
        switch (name) {
            case "__name__", "__qualname__" -> {
                if (kind(value) != K_STR) {
                    throw typeError(name + " must be set to a string object");
                }
                os.setHostSlot(fn, name.equals("__name__") ? 4 : Compiler.FUNCTION_QUALNAME, value);
            }
            case "__doc__" -> os.setHostSlot(fn, Compiler.FUNCTION_DOC, value == none ? 0 : value);
            case "__defaults__" -> {
                if (value != none && kind(value) != K_TUPLE) {
                    throw typeError("__defaults__ must be set to a tuple object");
                }
                os.setHostSlot(fn, 1, value == none || m.len(value) == 0 ? 0 : value);
            }
            case "__annotations__" -> {
                if (value != none && kind(value) != K_DICT) {
                    throw typeError("__annotations__ must be set to a dict object");
                }
                os.setHostSlot(fn, Compiler.FUNCTION_ANNOTATIONS, value == none ? 0 : value);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A function's __qualname__: the one a program set, else its code's. New reference. */
    long functionQualname(long fn) {
        long own = os.hostSlot(fn, Compiler.FUNCTION_QUALNAME);
        return own != 0 ? incref(own) : newStr(((Code) os.payload(fn)).qualname);
    }

    /** The class of a descriptor the program wrote (an instance of its class defining __get__/__set__/__delete__), or null. */
    private PyClass programDescriptor(long attr) {
        PyClass dc = classOf(attr);
        if (dc.kind != K_INSTANCE && !dc.builtinSubclass) {
            return null;
        }
        return lookup(dc, sDunderGet) != 0 || isDataDescriptor(dc) ? dc : null;
    }

    /** PyDescr_IsData: the descriptor's class defines __set__ or __delete__. */
    private boolean isDataDescriptor(PyClass dc) {
        return lookup(dc, sDunderSet) != 0 || lookup(dc, sDunderDelete) != 0;
    }

    /** object.__setattr__: a property's setter, else the instance's __dict__ or slot; value borrowed. */
    void genericSetattr(long obj, String name, long nameStr, long value) {
        PyClass c = classOf(obj);
        try {
            switch (c.builtinSubclass ? K_INSTANCE : c.kind) {
                case K_INSTANCE -> {
                    long classAttr = lookup(c, nameStr);
                    if (classAttr != 0 && kind(classAttr) == K_PROPERTY) {
                        long setter = os.hostSlot(classAttr, 1);
                        if (setter == 0) {
                            throw error("AttributeError", "property '" + name + "' of '" + c.name + "' object has no setter");
                        }
                        m.decref(callMethod(setter, obj, value));
                        return;
                    }
                    PyClass dc = classAttr == 0 ? null : programDescriptor(classAttr);
                    if (dc != null) {
                        long set = lookup(dc, sDunderSet);
                        if (set != 0) {
                            m.decref(call(set, new long[] {incref(classAttr), incref(obj), incref(value)}, null)); // call borrows the callable
                            return;
                        }
                        if (lookup(dc, sDunderDelete) != 0) {
                            throw error("AttributeError", "__set__");
                        }
                    }
                    if (c.exception && ExceptionObjects.setAttr(this, obj, c, name, value)) {
                        return;
                    }
                    if (nameStr == sDict && c.hasDict) {
                        os.setInstanceDict(obj, requireDictForDunderDict(value));
                        return;
                    }
                    try {
                        m.setAttr(obj, name, value);
                    } catch (PyException e) {
                        if (minor >= 13 && "AttributeError".equals(e.pythonType())) {
                            throw error("AttributeError", "'" + c.name + "' object has no attribute '" + name
                                    + "' and no __dict__ for setting new attributes");
                        }
                        throw e;
                    }
                }
                case K_TYPE -> {
                    PyClass t = classOfType(obj);
                    if (t == null || !t.user) {
                        throw typeError("cannot set '" + name + "' attribute of immutable type '" + (t == null ? "?" : t.name) + "'");
                    }
                    long key = internStr(name);
                    classAttributeChanged(key);
                    m.dictSet(os.classDict(obj), key, value);
                }
                case K_MODULE -> m.dictSet(os.hostSlot(obj, 0), internStr(name), value);
                case K_PROXY -> setattr(proxyTarget(obj), name, nameStr, value);
                case K_FUNCTION -> {
                    if (setFunctionField(obj, name, value)) {
                        return;
                    }
                    if (os.hostSlot(obj, 6) == 0) {
                        long d = m.newDict();
                        os.setHostSlot(obj, 6, d);
                        m.decref(d);
                    }
                    m.dictSet(os.hostSlot(obj, 6), internStr(name), value);
                }
                default -> throw Builtins.cannotSetAttribute(this, obj, c, name, false);
            }
        } catch (PyException e) {
            throw convert(e);
        }
    }

    void delattr(long obj, String name) {
        PyClass c = classOf(obj);
        if (c.user && withHooks(c).delattrHook != 0) {
            long n = newStr(name);
            try {
                m.decref(callMethod(c.delattrHook, obj, n));
            } finally {
                m.decref(n);
            }
            return;
        }
        genericDelattr(obj, name);
    }

    /** object.__delattr__: the instance's attribute removed, or CPython's AttributeError. */
    void genericDelattr(long obj, String name) {
        PyClass c = classOf(obj);
        if (c.kind == K_PROXY) {
            delattr(proxyTarget(obj), name);
            return;
        }
        boolean ok;
        if (c.exception && ExceptionObjects.delAttr(this, obj, c, name)) {
            return;
        }
        if (c.kind == K_INSTANCE || c.builtinSubclass) {
            long classAttr = lookup(c, internStr(name));
            PyClass dc = classAttr == 0 ? null : programDescriptor(classAttr);
            long delete = dc == null ? 0 : lookup(dc, sDunderDelete);
            if (delete != 0) {
                m.decref(call(delete, new long[] {incref(classAttr), incref(obj)}, null)); // call borrows the callable
                return;
            }
            if (dc != null && lookup(dc, sDunderSet) != 0) {
                throw error("AttributeError", "__delete__");
            }
            ok = m.delAttr(obj, name);
        } else if (c.kind == K_TYPE && classOfType(obj).user) {
            long key = internStr(name);
            classAttributeChanged(key);
            ok = m.dictDel(os.classDict(obj), key);
        } else if (c.kind == K_MODULE) {
            ok = m.dictDel(os.hostSlot(obj, 0), internStr(name));
        } else if (c.kind != K_TYPE) {
            throw Builtins.cannotSetAttribute(this, obj, c, name, true);
        } else {
            ok = false;
        }
        if (!ok) {
            throw error("AttributeError", "'" + c.name + "' object has no attribute '" + name + "'");
        }
    }

    // ---- iteration ----

    /** iter(obj). New reference. */
    long iter(long obj) {
        PyClass c = classOf(obj);
        if (c.builtinSubclass || c.metaclass) { // a metaclass's __iter__ iterates its classes

            long fn = lookup(c, internStr("__iter__"));
            if (fn != 0) {
                return callMethod(fn, obj);
            }
        }
        return builtinIter(obj, c);
    }

    /** The built-in's iterator over obj, whatever __iter__ a subclass defines. New reference. */
    long builtinIter(long obj, PyClass c) {
        switch (c.kind) {
            case K_LIST:
                return newIter("list_iterator", obj, new JIter() {
                    int i;

                    @Override
                    public long next(Interp in, long self) {
                        long seq = os.hostSlot(self, 0);
                        if (seq == 0) {
                            return 0;
                        }
                        if (i < m.len(seq)) {
                            return incref(m.listGet(seq, i++));
                        }
                        os.setHostSlot(self, 0, 0);
                        return 0;
                    }
                });
            case K_TUPLE:
                return newIter("tuple_iterator", obj, new JIter() {
                    int i;

                    @Override
                    public long next(Interp in, long self) {
                        long seq = os.hostSlot(self, 0);
                        if (seq == 0) {
                            return 0;
                        }
                        if (i < m.len(seq)) {
                            return incref(m.tupleGet(seq, i++));
                        }
                        os.setHostSlot(self, 0, 0);
                        return 0;
                    }
                });
            case K_STR: {
                String s = m.strValue(obj);
                return newIter("str_ascii_iterator", obj, new JIter() {
                    int i;

                    @Override
                    public long next(Interp in, long self) {
                        if (i >= s.length()) {
                            return 0;
                        }
                        int cp = s.codePointAt(i);
                        i += Character.charCount(cp);
                        return newStr(new String(Character.toChars(cp)));
                    }
                });
            }
            case K_BYTEARRAY:
                return ByteArrays.iterator(this, obj);
            case K_MEMORYVIEW:
                return MemoryViews.iterator(this, obj);
            case K_BYTES: {
                byte[] b = m.bytesValue(obj);
                return newIter("bytes_iterator", obj, new JIter() {
                    int i;

                    @Override
                    public long next(Interp in, long self) {
                        if (i < b.length) {
                            return newInt(b[i++] & 0xff);
                        }
                        os.setHostSlot(self, 0, 0); // striter_next lets the bytes go
                        return 0;
                    }
                });
            }
            case K_RANGE: {
                BigInteger start = m.bigIntValue(os.hostSlot(obj, 0));
                BigInteger step = m.bigIntValue(os.hostSlot(obj, 2));
                long n = rangeLen(obj);
                long s0 = start.longValue();
                long st = step.longValue();
                return newIter("range_iterator", 0, new RangeIter(m, s0, st, n));
            }
            case K_DICT:
                return dictIter(obj, 0, false);
            case K_DICTVIEW:
                return DictViews.iter(this, obj);
            case K_MAPPINGPROXY:
                return iter(MappingProxies.mapping(this, obj));
            case K_SET, K_FROZENSET: {
                List<Long> items = m.setItems(obj);
                long size = items.size();
                return newIter("set_iterator", obj, new JIter() {
                    int i;

                    @Override
                    public long next(Interp in, long self) {
                        long seq = os.hostSlot(self, 0);
                        if (seq == 0) {
                            return 0;
                        }
                        if (m.len(seq) != size) {
                            throw error("RuntimeError", "Set changed size during iteration");
                        }
                        if (i < items.size()) {
                            return incref(items.get(i++));
                        }
                        os.setHostSlot(self, 0, 0);
                        return 0;
                    }
                });
            }
            case K_ITER:
                if (c.address == tCoroutine || AsyncGenerators.of(this, obj) != null) {
                    throw typeError("'" + c.name + "' object is not iterable");
                }
                return incref(obj);
            case K_WEAKVALUEDICT: {
                List<Long> keys = WeakValueDict.of(this, obj).liveKeys();
                return Builtins.listIter(this, "list_iterator", obj, keys);
            }
            case K_WEAKKEYDICT: {
                List<Long> keys = WeakKeyDict.of(this, obj).liveKeys();
                return Builtins.listIter(this, "list_iterator", obj, keys);
            }
            case K_PROXY:
                return iter(proxyTarget(obj));
            case K_INSTANCE: {
                long fn = lookup(c, internStr("__iter__"));
                if (fn != 0) {
                    return callMethod(fn, obj);
                }
                long gi = lookup(c, internStr("__getitem__"));
                if (gi != 0) {
                    return newIter("iterator", obj, new JIter() {
                        int i;

                        @Override
                        public long next(Interp in, long self) {
                            long idx = newInt(i++);
                            try {
                                return callMethod(gi, obj, idx);
                            } catch (PyRaise e) {
                                if (isInstance(e.exc, "IndexError") || isInstance(e.exc, "StopIteration")) {
                                    m.decref(e.exc);
                                    return 0;
                                }
                                throw e;
                            } finally {
                                m.decref(idx);
                            }
                        }
                    });
                }
                break;
            }
            default:
                break;
        }
        throw typeError("'" + c.name + "' object is not iterable");
    }

    /** Dict iteration, from the end for reversed(): what = 0 keys, 1 values, 2 items. */
    long dictIter(long dict, int what, boolean reverse) {
        List<Long> keys = m.dictKeys(dict);
        if (reverse) {
            java.util.Collections.reverse(keys);
        }
        long size = keys.size();
        String name = "dict_" + (reverse ? "reverse" : "") + (what == 0 ? "key" : what == 1 ? "value" : "item") + "iterator";
        return newIter(name, dict, new JIter() {
            int i;

            @Override
            public long next(Interp in, long self) {
                long d = os.hostSlot(self, 0);
                if (d == 0) {
                    return 0;
                }
                if (m.len(d) != size) {
                    i = keys.size();
                    throw error("RuntimeError", "dictionary changed size during iteration");
                }
                if (i >= keys.size()) {
                    os.setHostSlot(self, 0, 0);
                    return 0;
                }
                long k = keys.get(i++);
                return switch (what) {
                    case 0 -> incref(k);
                    case 1 -> incref(m.dictGet(d, k));
                    default -> m.newTuple(k, m.dictGet(d, k));
                };
            }
        });
    }

    /** An iterator object of the named type over seq (borrowed, may be 0). New reference. */
    long newIter(String type, long seq, JIter state) {
        long it = os.newHostObject(iterTypes.get(type));
        if (seq != 0) {
            os.setHostSlot(it, 0, seq);
        }
        os.setPayload(it, state);
        return it;
    }

    /** A range_iterator's state: the i-th of n values from start by step. */
    static final class RangeIter implements JIter {
        private final Mutator m;
        private final long start;
        private final long step;
        private final long n;
        private long i;

        RangeIter(Mutator m, long start, long step, long n) {
            this.m = m;
            this.start = start;
            this.step = step;
            this.n = n;
        }

        @Override
        public long next(Interp in, long self) {
            return i < n ? m.newMediumInt(start + step * i++) : 0;
        }
    }

    /**
     * The Java state behind a built-in iterator, to call directly in a loop, or null for any other object
     * (an instance with {@code __next__}). An iterator's state is set once, when it is made.
     */
    JIter iterState(long it) {
        return classOf(it).kind == K_ITER ? (JIter) os.payload(it) : null;
    }

    /**
     * next(it) for a loop that fetched the iterator's state once ({@link #iterState}): a range's is called
     * directly (a type check), other states through their interface, any other iterator as {@link #next(long)}.
     */
    long next(long it, JIter state) {
        if (state instanceof RangeIter range) {
            return range.next(this, it);
        }
        return state != null ? state.next(this, it) : next(it);
    }

    /** next(it): a new reference, or 0 at the end. */
    long next(long it) {
        PyClass c = classOf(it);
        if (c.kind == K_ITER) {
            return ((JIter) os.payload(it)).next(this, it);
        }
        if (c.kind == K_INSTANCE) {
            long fn = lookup(c, internStr("__next__"));
            if (fn == 0) {
                throw typeError("'" + c.name + "' object is not an iterator");
            }
            try {
                return callMethod(fn, it);
            } catch (PyRaise e) {
                if (isInstance(e.exc, "StopIteration")) {
                    m.decref(e.exc);
                    return 0;
                }
                throw e;
            }
        }
        throw typeError("'" + c.name + "' object is not an iterator");
    }

    boolean isInstance(long obj, String excName) {
        Long cls = exceptions.get(excName);
        return cls != null && isSubclass(classOf(obj), classOfType(cls));
    }

    long rangeLen(long r) {
        BigInteger start = m.bigIntValue(os.hostSlot(r, 0));
        BigInteger stop = m.bigIntValue(os.hostSlot(r, 1));
        BigInteger step = m.bigIntValue(os.hostSlot(r, 2));
        BigInteger n;
        if (step.signum() > 0) {
            n = stop.subtract(start).add(step).subtract(BigInteger.ONE).divide(step);
        } else {
            n = start.subtract(stop).subtract(step).subtract(BigInteger.ONE).divide(step.negate());
        }
        return Math.max(0, n.longValue());
    }

    /** Collects an iterable's items as owned references. */
    List<Long> toList(long iterable) {
        List<Long> items = new ArrayList<>();
        long it = iter(iterable);
        try {
            for (long x = next(it); x != 0; x = next(it)) {
                items.add(x);
            }
        } catch (PyRaise e) {
            for (long x : items) {
                m.decref(x);
            }
            throw e;
        } finally {
            m.decref(it);
        }
        return items;
    }

    /** {@code obj.__dict__ = value}: CPython's TypeError unless value is a dict; the value otherwise. */
    long requireDictForDunderDict(long value) {
        if (kind(value) != K_DICT) {
            throw typeError("__dict__ must be set to a dictionary, not a '" + classOf(value).name + "'");
        }
        return value;
    }

    /** sys.get_int_max_str_digits(): the most decimal digits an int may have as a str, or 0 for no limit. */
    int maxStrDigits = 4300;

    /** str() of an int: CPython's ValueError beyond the limit (checked before any conversion, as it is). */
    String intToDecimal(BigInteger v) {
        // below 3 bits a digit the number is short enough; above 4 bits a digit it is too long, unconverted
        String text = maxStrDigits > 0 && v.bitLength() > 4 * maxStrDigits ? null : v.toString();
        int digits = text == null ? Integer.MAX_VALUE : text.length() - (v.signum() < 0 ? 1 : 0);
        if (maxStrDigits > 0 && digits > maxStrDigits) {
            throw error("ValueError", "Exceeds the limit (" + maxStrDigits + " digits) for integer string conversion; "
                    + "use sys.set_int_max_str_digits() to increase the limit");
        }
        return text;
    }

    /** format() of an int: decimal presentations are held to the same limit as str(). */
    String formatInt(BigInteger v, String spec) {
        char type = spec.isEmpty() ? 0 : spec.charAt(spec.length() - 1);
        if ("bcoxXeEfFgG%".indexOf(type) < 0) {
            intToDecimal(v);
        }
        return Formats.formatInt(v, spec);
    }

    /**
     * {@code list.extend(iterable)} (borrowed), sized as list_extend sizes it: an exact list or tuple (and in 3.13 a
     * dict, a set or a dict view) by one resize, anything else by its length hint then a trim.
     */
    void listExtend(long list, long iterable) {
        PyClass c = classOf(iterable);
        int k = c.kind;
        boolean exact = !c.builtinSubclass;
        long[] items = toArray(toList(iterable));
        try {
            if (exact && (k == K_LIST || k == K_TUPLE)) {
                os.listExtendSequence(list, true, items);
            } else if (exact && minor >= 13 && (k == K_DICT || k == K_SET || k == K_FROZENSET || k == K_DICTVIEW)) {
                os.listExtendSequence(list, false, items); // list_extend_dict, _set, _dictitems: list_resize
            } else {
                boolean hinted = k == K_DICT || k == K_SET || k == K_FROZENSET || k == K_STR || k == K_BYTES
                        || k == K_RANGE || k == K_LIST || k == K_TUPLE || k == K_DICTVIEW || c.lengthHint;
                os.listExtendIterated(list, hinted ? items.length : 8, items);
            }
        } finally {
            release(items);
        }
    }

    static long[] toArray(List<Long> items) {
        long[] a = new long[items.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = items.get(i);
        }
        return a;
    }

    // ---- operators ----

    long binary(BinOpKind op, long a, long b) {
        return Operators.binary(this, op, a, b, false);
    }

    boolean compare(CmpOpKind op, long a, long b) {
        return Operators.compare(this, op, a, b);
    }

    /** Exceptions being handled by except clauses, innermost last (borrowed; the handler owns them). */
    final List<Long> handling = new ArrayList<>();
    List<String> argv = List.of("");
    /** Where the program was started: relative file names and sys.path entries are resolved against it. */
    java.nio.file.Path workingDirectory = java.nio.file.Path.of("").toAbsolutePath();
    /** sys.path[0]: the main script's directory, or '' for code given on the command line. */
    String mainDirectory = "";
    long gcCallbacks;
    org.pymemlab.runtime.gc.GcModule.CallbackRegistration gcRegistration;

    /** The object of a raise statement: an exception instance, or a class to instantiate (v consumed). */
    long asException(long v) {
        int k = kind(v);
        if (k == K_TYPE) {
            PyClass c = classOfType(v);
            if (c != null && c.exception) {
                long inst = instantiate(v, new long[0], null);
                m.decref(v);
                return inst;
            }
        } else if (classOf(v).exception) {
            return v;
        }
        m.decref(v);
        throw typeError("exceptions must derive from BaseException");
    }

    /** Whether an exception matches an except clause's class or tuple of classes (borrowed). */
    boolean exceptionMatches(long exc, long type) {
        int k = kind(type);
        if (k == K_TUPLE) {
            long n = m.len(type);
            for (int i = 0; i < n; i++) {
                if (exceptionMatches(exc, m.tupleGet(type, i))) {
                    return true;
                }
            }
            return false;
        }
        if (k != K_TYPE) {
            throw typeError("catching classes that do not inherit from BaseException is not allowed");
        }
        PyClass c = classOfType(type);
        return c != null && isSubclass(classOf(exc), c);
    }
}
