package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.putLong;

import org.pymemlab.api.collector.ObjectKind;

/**
 * The built-in type objects, statically allocated: {@code [ob_refcnt][ob_type][ob_size = type index]
 * [tp_name][tp_basicsize][tp_itemsize]}. Their ob_type is {@code type}.
 */
final class BuiltinTypes {

    private static final int TYPE_OBJECT_SIZE = 48;

    final PyType type;
    final PyType none;
    final PyType bool;
    final PyType int_;
    final PyType float_;
    final PyType str;
    final PyType bytes;
    final PyType tuple;
    final PyType list;
    final PyType dict;
    final PyType set;
    final PyType frozenset;
    final PyType weakref;
    final PyType ellipsis;
    final PyType notImplemented;
    /** weakref.proxy's two types: the same object as a weakref, forwarding to its referent. */
    final PyType weakProxy;
    final PyType weakCallableProxy;
    final PyType bytearray;

    BuiltinTypes(Heap heap) {
        var l = heap.layout;
        type = add(heap, "type", ObjectKind.TYPE, true, l.heapTypeSize(), 0);
        none = add(heap, "NoneType", ObjectKind.NONE, false, 16, 0);
        bool = add(heap, "bool", ObjectKind.BOOL, false, l.intHeader(), 4);
        int_ = add(heap, "int", ObjectKind.INT, false, l.intHeader(), 4);
        float_ = add(heap, "float", ObjectKind.FLOAT, false, l.floatSize(), 0);
        str = add(heap, "str", ObjectKind.STR, false, l.strAsciiHeader(), 0);
        bytes = add(heap, "bytes", ObjectKind.BYTES, false, l.bytesHeader() + 1, 1);
        tuple = add(heap, "tuple", ObjectKind.TUPLE, true, l.tupleHeader(), 8);
        list = add(heap, "list", ObjectKind.LIST, true, l.listSize(), 0);
        dict = add(heap, "dict", ObjectKind.DICT, true, l.dictSize(), 0);
        set = add(heap, "set", ObjectKind.SET, true, l.setSize(), 0);
        frozenset = add(heap, "frozenset", ObjectKind.FROZENSET, true, l.setSize(), 0);
        weakref = add(heap, "weakref.ReferenceType", ObjectKind.WEAKREF, true, l.weakrefSize(), 0);
        ellipsis = add(heap, "ellipsis", ObjectKind.OTHER, false, 16, 0);
        notImplemented = add(heap, "NotImplementedType", ObjectKind.OTHER, false, 16, 0);
        weakProxy = add(heap, "weakref.ProxyType", ObjectKind.WEAKREF, true, l.weakrefSize(), 0);
        weakCallableProxy = add(heap, "weakref.CallableProxyType", ObjectKind.WEAKREF, true, l.weakrefSize(), 0);
        bytearray = add(heap, "bytearray", ObjectKind.OTHER, false, ByteArrayObjects.SIZE, 0);
        bytearray.keyedByValue = true; // unhashable: the interpreter's InstanceKeys raise its TypeError
        // every type object's ob_type is `type`, `type` included
        for (PyType t : new PyType[] {type, none, bool, int_, float_, str, bytes, tuple, list, dict, set, frozenset,
                weakref, ellipsis, notImplemented, weakProxy, weakCallableProxy, bytearray}) {
            heap.initStatic(t.address, type);
        }
    }

    private static PyType add(Heap heap, String name, ObjectKind kind, boolean gc, int basicsize, int itemsize) {
        PyType t = PyType.builtin(heap.nextTypeIndex(), name, kind, gc, basicsize);
        long address = heap.allocateStatic(TYPE_OBJECT_SIZE);
        heap.registerType(t, address);
        putLong(address + 32, basicsize);
        putLong(address + 40, itemsize);
        return t;
    }
}
