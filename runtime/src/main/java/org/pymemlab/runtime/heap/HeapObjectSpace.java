package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getInt;
import static org.pymemlab.api.memory.NativeMemory.getLong;

import java.io.PrintStream;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.ObjectSpace;
import org.pymemlab.runtime.PyException;

/** The {@link ObjectSpace} over a {@link Heap}. */
final class HeapObjectSpace implements ObjectSpace {

    private final Heap heap;

    HeapObjectSpace(Heap heap) {
        this.heap = heap;
    }

    @Override
    public long newHostType(String name, ObjectKind kind, boolean gc, int basicsize, int slots) {
        return heap.hosts.newType(name, kind, gc, basicsize, slots).address;
    }

    @Override
    public void immortalizeInterned(long str) {
        if (!heap.interner.isInterned(str)) {
            throw new IllegalArgumentException("not an interned str: " + heap.typeOf(str).name);
        }
        if (heap.profile.immortality() && !heap.isStatic(str)) {
            heap.strs.markInternedImmortal(str);
            heap.makeStatic(str);
        }
    }

    @Override
    public int bytesItem(long bytes, long index) {
        return heap.bytes.item(bytes, index);
    }

    @Override
    public byte[] bytesRange(long bytes, long start, long end) {
        return heap.bytes.range(bytes, start, end);
    }

    @Override
    public int strCodePointAt(long str, long index) {
        return heap.strs.codePointAt(str, index);
    }

    @Override
    public String strSubstring(long str, long start, long end) {
        return heap.strs.substring(str, start, end);
    }

    @Override
    public void keyByValue(long hostType) {
        hostType(hostType, false).keyedByValue = true;
    }

    @Override
    public long newHostObject(long type) {
        return heap.hosts.newObject(hostType(type, true));
    }

    @Override
    public long newUntrackedHostObject(long type) {
        return heap.hosts.newUntrackedObject(hostType(type, true));
    }

    /** The type made by newHostType at that address; else a TypeError (instances asked) or an IllegalArgumentException. */
    private PyType hostType(long type, boolean forInstance) {
        PyType t = heap.typeByAddress(type);
        if (t.hostSlots < 0) {
            String message = "'" + t.name + "' is not a host type";
            throw forInstance ? PyException.typeError(message) : new IllegalArgumentException(message);
        }
        return t;
    }

    @Override
    public void trackHostObject(long object) {
        heap.hosts.track(object);
    }

    @Override
    public void holdsPayloadReferents(long hostType) {
        hostType(hostType, false).payloadReferents = true;
    }

    @Override
    public void setHostFinalizer(long hostType, org.pymemlab.runtime.ObjectFinalizer finalizer) {
        hostType(hostType, false).finalizer = finalizer;
    }

    @Override
    public void makeHostWeakrefable(long hostType) {
        PyType t = hostType(hostType, false);
        int offset = t.basicsize - 16;
        if (offset < HostObjects.FIRST_SLOT + 8 * t.hostSlots) {
            throw new IllegalArgumentException("'" + t.name + "' has no free word for weak references");
        }
        t.hostWeaklistOffset = offset;
    }

    @Override
    public long hostSlot(long object, int i) {
        return heap.hosts.slot(object, i);
    }

    @Override
    public void setHostSlot(long object, int i, long value) {
        heap.hosts.setSlot(object, i, value);
    }

    @Override
    public Object payload(long object) {
        return heap.hosts.payload(object);
    }

    @Override
    public void setPayload(long object, Object payload) {
        heap.hosts.setPayload(object, payload);
    }

    @Override
    public long newWeakProxy(long target, boolean callable, org.pymemlab.runtime.WeakrefCallback callback) {
        return heap.weakrefs.newProxy(target, callable, callback);
    }

    @Override
    public void forEachWeakref(long target, java.util.function.LongConsumer action) {
        heap.weakrefs.forEach(target, action);
    }

    @Override
    public void setInstanceKeys(org.pymemlab.runtime.InstanceKeys keys) {
        heap.equality.instanceKeys = keys;
    }

    @Override
    public long typeOf(long object) {
        return getLong(object + Heap.OB_TYPE);
    }

    @Override
    public int typeIndex(long object) {
        return getInt(getLong(object + Heap.OB_TYPE) + Heap.OB_SIZE);
    }

    @Override
    public int typeIndexOfType(long type) {
        return getInt(type + Heap.OB_SIZE);
    }

    @Override
    public ObjectKind kindOf(long object) {
        return heap.typeOf(object).kind;
    }

    @Override
    public long builtinType(String name) {
        BuiltinTypes b = heap.builtins;
        PyType t = switch (name) {
            case "type" -> b.type;
            case "NoneType" -> b.none;
            case "bool" -> b.bool;
            case "int" -> b.int_;
            case "float" -> b.float_;
            case "str" -> b.str;
            case "bytes" -> b.bytes;
            case "bytearray" -> b.bytearray;
            case "tuple" -> b.tuple;
            case "list" -> b.list;
            case "dict" -> b.dict;
            case "set" -> b.set;
            case "frozenset" -> b.frozenset;
            case "weakref", "weakref.ReferenceType" -> b.weakref;
            case "weakref.ProxyType" -> b.weakProxy;
            case "weakref.CallableProxyType" -> b.weakCallableProxy;
            case "ellipsis" -> b.ellipsis;
            case "NotImplementedType" -> b.notImplemented;
            default -> null;
        };
        return t == null ? 0 : t.address;
    }

    @Override
    public long newClass(ClassSpec spec, long metatype, long base, long bases, long namespace) {
        if (base != 0 && !isUserClass(base) && base != heap.builtins.type.address
                && !isSubclassableBuiltin(base)) {
            throw PyException.typeError("base is not type, a built-in that may be subclassed or a class made by newClass");
        }
        if (metatype != 0 && !(isUserClass(metatype) && heap.typeByAddress(metatype).kind == ObjectKind.TYPE)) {
            throw PyException.typeError("metatype is not a metaclass made by newClass");
        }
        return heap.instances.newClass(spec, metatype, base, bases, namespace);
    }

    private boolean isSubclassableBuiltin(long type) {
        var b = heap.builtins;
        for (PyType t : new PyType[] {b.list, b.dict, b.set, b.frozenset, b.int_, b.float_, b.str, b.bytes, b.tuple}) {
            if (t.address == type) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long newContainerInstance(long cls) {
        if (!isUserClass(cls)) {
            throw PyException.typeError("not a class made by newClass");
        }
        return heap.instances.newContainerInstance(cls);
    }

    @Override
    public long newValueInstance(long cls, long value) {
        if (!isUserClass(cls) || !heap.typeByAddress(cls).builtinBase) {
            throw PyException.typeError("not a class made by newClass from a built-in");
        }
        ObjectKind kind = heap.typeByAddress(cls).kind;
        if (heap.typeOf(value).kind != kind) {
            throw PyException.typeError("the value is not of the class's built-in kind " + kind);
        }
        return heap.instances.newValueInstance(cls, value);
    }

    @Override
    public boolean setUpdateFrom(long set, long source) {
        requireSet(set);
        return heap.sets.updateFrom(set, source);
    }

    @Override
    public boolean setMergeable(long source) {
        return heap.sets.mergeable(source);
    }

    @Override
    public void setClear(long set) {
        requireSet(set);
        heap.sets.clear(set);
    }

    private void requireSet(long set) {
        ObjectKind kind = heap.typeOf(set).kind;
        if (kind != ObjectKind.SET && kind != ObjectKind.FROZENSET) {
            throw PyException.typeError("expected a set or frozenset, got '" + heap.typeOf(set).name + "'");
        }
    }

    @Override
    public long newFrozenSetInstance(long cls, long... items) {
        if (!isUserClass(cls) || heap.typeByAddress(cls).kind != ObjectKind.FROZENSET) {
            throw PyException.typeError("not a class made by newClass from frozenset");
        }
        return heap.sets.newSubtypeFrozenSet(heap.typeByAddress(cls), items);
    }

    @Override
    public boolean builtinEqual(long a, long b) {
        return heap.equality.builtinEqual(a, b);
    }

    @Override
    public void listInitPreallocated(long list, long... items) {
        if (heap.typeOf(list).kind != ObjectKind.LIST) {
            throw PyException.typeError("not a list");
        }
        heap.lists.initPreallocated(list, items);
    }

    @Override
    public void setClassMro(long cls, long mro) {
        heap.instances.setMro(cls, mro);
    }

    @Override
    public long classMro(long cls) {
        return heap.typeByAddress(cls).mroTuple;
    }

    @Override
    public long classBases(long cls) {
        return heap.typeByAddress(cls).basesTuple;
    }

    @Override
    public long classDict(long cls) {
        return heap.typeByAddress(cls).classDict;
    }

    @Override
    public long dictVersion(long dict) {
        return heap.dicts.version(dict);
    }

    @Override
    public long newFreshStr(String value) {
        return heap.strs.create(value);
    }

    @Override
    public long newFreshBytes(byte[] value) {
        return heap.bytes.create(value);
    }

    @Override
    public long newByteArray(byte[] value) {
        return heap.bytearrays.create(value);
    }

    @Override
    public byte[] byteArrayValue(long bytearray) {
        return heap.bytearrays.value(bytearray);
    }

    @Override
    public int byteArrayItem(long bytearray, long i) {
        return heap.bytearrays.get(bytearray, i);
    }

    @Override
    public void setByteArrayItem(long bytearray, long i, int value) {
        heap.bytearrays.set(bytearray, i, value);
    }

    @Override
    public void byteArrayWrite(long bytearray, long at, byte[] src) {
        heap.bytearrays.write(bytearray, at, src);
    }

    @Override
    public void byteArrayResize(long bytearray, long size) {
        heap.bytearrays.resize(bytearray, size);
    }

    @Override
    public void byteArraySetSlice(long bytearray, long lo, long hi, byte[] src) {
        heap.bytearrays.setSlice(bytearray, lo, hi, src);
    }

    @Override
    public void byteArrayDeleteExtended(long bytearray, long start, long step, long count) {
        heap.bytearrays.deleteExtended(bytearray, start, step, count);
    }

    @Override
    public void byteArrayDeleteAt(long bytearray, long index) {
        heap.bytearrays.deleteAt(bytearray, index);
    }

    @Override
    public void byteArrayExport(long bytearray, int delta) {
        heap.bytearrays.export(bytearray, delta);
    }

    @Override
    public long byteArrayAllocated(long bytearray) {
        return heap.bytearrays.allocated(bytearray);
    }

    @Override
    public long instanceDict(long instance) {
        return heap.instances.instanceDict(instance);
    }

    @Override
    public void setInstanceDict(long instance, long dict) {
        heap.instances.setInstanceDict(instance, dict);
    }

    @Override
    public long dictCopy(long dict) {
        return heap.dicts.copy(dict);
    }

    @Override
    public void dictMerge(long target, long source) {
        heap.dicts.merge(target, source);
    }

    @Override
    public void dictPresize(long dict, long n, boolean unicode) {
        heap.dicts.presize(dict, n, unicode);
    }

    @Override
    public long dictPopItem(long dict) {
        long[] item = heap.dicts.popItem(dict);
        if (item == null) {
            return 0;
        }
        try {
            return heap.tuples.newTuple(item);
        } finally {
            heap.decref(item[0]);
            heap.decref(item[1]);
        }
    }

    @Override
    public boolean buildingSetAdd(long setOrFrozenSet, long key) {
        return heap.sets.add(setOrFrozenSet, key);
    }

    @Override
    public boolean buildingSetDiscard(long setOrFrozenSet, long key) {
        return heap.sets.discard(setOrFrozenSet, key);
    }

    @Override
    public void setResizeAwayDummies(long set) {
        heap.sets.resizeAwayDummies(set);
    }

    @Override
    public long newListWithRoom(long capacity, long... items) {
        return heap.lists.newListWithRoom((int) capacity, items);
    }

    @Override
    public void listExtendSequence(long list, boolean preallocateWhenEmpty, long... items) {
        heap.lists.extendSequence(list, items, preallocateWhenEmpty);
    }

    @Override
    public void listExtendIterated(long list, long lengthHint, long... items) {
        heap.lists.extendIterated(list, lengthHint, items);
    }

    @Override
    public long classBase(long cls) {
        return heap.typeByAddress(cls).baseClass;
    }

    @Override
    public boolean isUserClass(long cls) {
        return heap.typeOf(cls).kind == ObjectKind.TYPE && heap.typeByAddress(cls).heapType;
    }

    @Override
    public String typeName(long type) {
        return heap.typeByAddress(type).name;
    }

    @Override
    public long refcount(long object) {
        return heap.refcount(object);
    }

    @Override
    public boolean isImmortal(long object) {
        return heap.isImmortal(object);
    }

    @Override
    public boolean isLive(long object) {
        return heap.misuse(object) == null;
    }

    @Override
    public void dictForEach(long dict, DictVisitor visitor) {
        heap.dicts.forEachEntry(dict, visitor::visit);
    }

    @Override
    public void setErrors(PrintStream errors) {
        heap.setErrors(errors);
    }

    @Override
    public boolean intFitsLong(long intObject) {
        return heap.ints.fitsLong(intObject);
    }

    @Override
    public long intValue(long intObject) {
        return heap.ints.longValue(intObject);
    }

    @Override
    public String pythonVersion() {
        return heap.profile.pythonVersion();
    }

    @Override
    public long allocatedBlocks() {
        return heap.allocator.stats().liveBlocks();
    }

    @Override
    public java.util.Optional<String> allocatorDebugStats() {
        return heap.allocator.debugStats();
    }

    @Override
    public void traceBlocks(org.pymemlab.runtime.trace.BlockTraces traces) {
        heap.traces = traces;
    }

    @Override
    public long blockOf(long object) {
        return heap.blockOf(object);
    }

    @Override
    public long preheaderSize(long object) {
        return heap.typeOf(object).preheader;
    }

    @Override
    public void traverse(long object, java.util.function.LongConsumer visitor) {
        heap.traverse(object, visitor::accept);
    }

    @Override
    public int structByte(long object, int offset) {
        return org.pymemlab.api.memory.NativeMemory.getByte(object + structOffset(object, offset)) & 0xFF;
    }

    @Override
    public void setStructByte(long object, int offset, int value) {
        org.pymemlab.api.memory.NativeMemory.putByte(object + structOffset(object, offset), (byte) value);
    }

    @Override
    public void setStructDict(long object, long dict) {
        PyType type = heap.typeOf(object);
        if (type.dictOffset == 0 || heap.typeOf(dict).kind != ObjectKind.DICT) {
            throw new IllegalArgumentException("not a struct instance and a dict: " + type.name);
        }
        long address = object + type.dictOffset;
        long old = org.pymemlab.api.memory.NativeMemory.getLong(address);
        heap.incref(dict);
        org.pymemlab.api.memory.NativeMemory.putLong(address, dict);
        heap.xdecref(old);
    }

    @Override
    public long structLong(long object, int offset) {
        return org.pymemlab.api.memory.NativeMemory.getLong(object + structOffset(object, offset, 8));
    }

    @Override
    public void setStructLong(long object, int offset, long value) {
        org.pymemlab.api.memory.NativeMemory.putLong(object + structOffset(object, offset, 8), value);
    }

    private int structOffset(long object, int offset) {
        return structOffset(object, offset, 1);
    }

    /** An offset of {@code width} bytes inside the fixed part of a struct class's instance, past its header, or an error. */
    private int structOffset(long object, int offset, int width) {
        PyType type = heap.typeOf(object);
        if (type.dictOffset == 0 || offset < 16 || offset + width > type.basicsize) {
            throw new IllegalArgumentException("offset " + offset + " is not inside a " + type.name + " struct");
        }
        return offset;
    }
}
