package org.pymemlab.runtime;

import java.io.PrintStream;
import org.pymemlab.api.collector.ObjectKind;

/**
 * What an interpreter needs beyond {@link Mutator}: types of its own (function, cell, method, module,
 * iterators …) whose instances hold reference slots, classes with a base and a namespace dict, the raw
 * refcount, and a cheap way to tell an object's type. Same ownership rules as {@link Mutator}: "new
 * reference" results must be released, arguments are borrowed. One thread at a time.
 */
public interface ObjectSpace {

    /** The object space of a runtime's mutator. */
    static ObjectSpace of(Mutator mutator) {
        return mutator.objectSpace();
    }

    /**
     * A new statically allocated (immortal) type whose instances are {@code basicsize} bytes (CPython's
     * {@code tp_basicsize}) and hold {@code slots} owned references right after the object header. GC types are
     * tracked from creation. Returns the type object's address.
     */
    long newHostType(String name, ObjectKind kind, boolean gc, int basicsize, int slots);

    /**
     * Makes {@code str}, an interned string, immortal on profiles with immortal objects (3.12+), as CPython's
     * parser does with every identifier of a program ({@code _PyUnicode_InternImmortal} in 3.13); on 3.11 it
     * does nothing. An interned string that was mortal stays in the intern table for good.
     */
    void immortalizeInterned(long str);

    /**
     * Makes a type made by {@link #newHostType} hashed and compared by value through the
     * {@link InstanceKeys} (a slice from 3.12 is a dict key equal to another slice of equal bounds).
     */
    void keyByValue(long hostType);

    /** The code point at index i of a str (0 <= i < its length), read in place: O(1), no copy of the text. */
    int strCodePointAt(long str, long index);

    /** The byte at index i of a bytes (0 <= i < its length), read in place: no copy of the content. */
    int bytesItem(long bytes, long index);

    /** The bytes [start, end) of a bytes object (within its length), without copying the rest. */
    byte[] bytesRange(long bytes, long start, long end);

    /** The code points [start, end) of a str (within its length) as Java text, without copying the rest. */
    String strSubstring(long str, long start, long end);

    /** An instance of a type made by {@link #newHostType}, every slot empty. New reference. */
    long newHostObject(long type);

    /**
     * As {@link #newHostObject}, but not tracked by the collector until {@link #trackHostObject}: a frame object
     * stays untracked while its frame runs, as CPython's does. New reference.
     */
    long newUntrackedHostObject(long type);

    /** Starts tracking a host object of a GC type made by {@link #newUntrackedHostObject}; nothing if it is. */
    void trackHostObject(long object);

    /**
     * Makes the payloads of a host type's instances own references beyond the slots ({@link PayloadReferents}):
     * the collector visits and clears them with the slots, and they are released when the object dies.
     */
    void holdsPayloadReferents(long hostType);

    /**
     * Gives a host type a finalizer (tp_finalize): the cycle collector calls it once for an unreachable
     * instance before clearing anything, as for a class with {@code __del__} (a suspended generator closes).
     */
    void setHostFinalizer(long hostType, ObjectFinalizer finalizer);

    /**
     * Lets a host type's instances be weakly referenced (a function's func_weakreflist): their weak references
     * are cleared, callbacks called, when they die or the collector finds them garbage. The list head takes the
     * word before the payload handle, which must be free of slots.
     */
    void makeHostWeakrefable(long hostType);

    /** Slot {@code i} of a host object, or 0 when empty. Borrowed. */
    long hostSlot(long object, int i);

    /** Stores {@code value} (0 to empty it) in slot {@code i}; the object takes its own reference. */
    void setHostSlot(long object, int i, long value);

    /** The Java state kept beside a host object (its code, its position), or null. */
    Object payload(long object);

    /** Sets the Java state kept beside a host object; dropped when the object dies. */
    void setPayload(long object, Object payload);

    /** The address of the object's type ({@code type(obj)}). Borrowed. */
    long typeOf(long object);

    /** A small number naming the object's type, stable for the runtime's life (two reads). */
    int typeIndex(long object);

    /** The type index of a type object. */
    int typeIndexOfType(long type);

    /** The kind of the object's type. */
    ObjectKind kindOf(long object);

    /** A built-in type by name ({@code "int"}, {@code "str"}, {@code "type"} …), or 0. Borrowed. */
    long builtinType(String name);

    /** A class with a base (0 for {@code object}) and a namespace dict (may be 0). New reference. */
    default long newClass(ClassSpec spec, long base, long namespace) {
        return newClass(spec, 0, base, 0, namespace);
    }

    /**
     * A class whose type is {@code metatype} (0 for {@code type}, else a metaclass made here), with the base its
     * instances are laid out from (0 for {@code object}; {@code type} or a metaclass makes a metaclass; list,
     * dict or set a container subclass; frozenset, int, float, str, bytes or tuple a value subclass), its
     * {@code __bases__} tuple (may be 0) and namespace dict (may be 0). New reference.
     */
    long newClass(ClassSpec spec, long metatype, long base, long bases, long namespace);

    /**
     * An empty instance of a class derived from list, dict or set (made by {@link #newClass} with such a base):
     * the built-in's object with the class's {@code __dict__} and weakref room. New reference.
     */
    long newContainerInstance(long cls);

    /**
     * An instance of a class derived from int, float, str, bytes or tuple holding a copy of {@code value}
     * (borrowed, an object of that built-in): the built-in's object of that class with the class's
     * {@code __dict__} room. New reference.
     */
    long newValueInstance(long cls, long value);

    /**
     * {@code a == b} as the built-ins compare (by kind and contents), whatever {@code __eq__} a subclass of a
     * built-in defines.
     */
    boolean builtinEqual(long a, long b);

    /**
     * An instance of a class derived from frozenset holding the items (borrowed), added in their order as
     * frozenset's constructor adds an iterable's. New reference.
     */
    long newFrozenSetInstance(long cls, long... items);

    /**
     * set_update_internal's fast paths, for a set or frozenset (of any class: a set being built, such as a new
     * frozenset) and a source that is a set, a frozenset (or a subclass of either) or an exact dict: the table
     * is resized once to twice the items, then the source's entries are copied or inserted with the hashes
     * it keeps (set_merge), as {@code set(s)}, {@code frozenset(d)}, {@code s.copy()} and {@code s.update(t)}
     * do. Returns false, with nothing changed, for any other source: the caller adds its items one by one.
     */
    boolean setUpdateFrom(long set, long source);

    /** Whether {@link #setUpdateFrom} merges this source (so a set can be made for it knowing it will be filled). */
    boolean setMergeable(long source);

    /** set.clear() (set_clear_internal): back to the small table, the keys released, a larger table freed. */
    void setClear(long set);

    /**
     * The end of {@code set_difference_update_internal}: when more than a quarter of the table are dummies left
     * by discards, the table is rebuilt for the items left (as {@code -=} and {@code difference} do).
     */
    void setResizeAwayDummies(long set);

    /**
     * {@code set_add_entry} on a set or on a frozenset still being built (CPython builds a frozenset result of
     * {@code |}, {@code ^}, {@code -} … in place before anyone sees it); true when added.
     */
    boolean buildingSetAdd(long setOrFrozenSet, long key);

    /** {@code set_discard_entry} on a set or on a frozenset still being built; true when it was there. */
    boolean buildingSetDiscard(long setOrFrozenSet, long key);

    /**
     * list.__init__(self, iterable) when the iterable has a length: the list is emptied, then gets room for
     * exactly the items (rounded up to even, as list_preallocate_exact) and the items (borrowed).
     */
    void listInitPreallocated(long list, long... items);

    /** Sets a class's {@code __mro__} tuple (the class keeps a reference; the tuple normally holds the class). */
    void setClassMro(long cls, long mro);

    /** A class's {@code __mro__} tuple, or 0. Borrowed. */
    long classMro(long cls);

    /** A class's {@code __bases__} tuple, or 0. Borrowed. */
    long classBases(long cls);

    /**
     * A new str object even where the one-character cache holds an equal one: what CPython's int-to-decimal
     * conversion ({@code str(7)}, {@code repr(7)}, {@code f"{7}"}) makes. New reference.
     */
    long newFreshStr(String value);

    /**
     * A new bytes object even where the one-byte cache holds an equal one: what CPython makes when it fills a
     * buffer it allocated ({@code PyBytes_FromStringAndSize(NULL, n)}, as {@code bytes.upper} does). New reference.
     */
    long newFreshBytes(byte[] value);

    /**
     * bytearray ({@code PyByteArray_FromStringAndSize}): a copy of value, its buffer exactly the content and a
     * NUL (none when empty). New reference. The other bytearray operations below take a bytearray, borrowed, and
     * indices already checked against its length.
     */
    long newByteArray(byte[] value);

    /** A copy of a bytearray's content. */
    byte[] byteArrayValue(long bytearray);

    /** The byte at index i. */
    int byteArrayItem(long bytearray, long i);

    /** Sets the byte at index i to value (0–255). */
    void setByteArrayItem(long bytearray, long i, int value);

    /** Copies src over the content from index at (at + src.length within the length). */
    void byteArrayWrite(long bytearray, long at, byte[] src);

    /** {@code PyByteArray_Resize}: the length becomes size, the buffer grown or shrunk by CPython's rules. */
    void byteArrayResize(long bytearray, long size);

    /** {@code bytearray_setslice_linear}: the content [lo, hi) replaced by src (lo <= hi <= length). */
    void byteArraySetSlice(long bytearray, long lo, long hi, byte[] src);

    /** Deletes count bytes at start, start + step … (step > 1), as an extended slice deletion does. */
    void byteArrayDeleteExtended(long bytearray, long start, long step, long count);

    /** pop and remove: the byte at index deleted by moving the rest down, then one resize. */
    void byteArrayDeleteAt(long bytearray, long index);

    /**
     * ob_exports += delta, for a buffer view taken (+1) or released (−1): while it is above 0, every operation
     * that would resize the bytearray raises BufferError.
     */
    void byteArrayExport(long bytearray, int delta);

    /** ob_alloc: the bytes its buffer holds ({@code bytearray.__alloc__()}). */
    long byteArrayAllocated(long bytearray);

    /**
     * A dict's ma_version_tag: heap-unique, renewed whenever the dict's contents change, so an unchanged version
     * means unchanged contents (what CPython's LOAD_GLOBAL caches rely on).
     */
    long dictVersion(long dict);

    /** A class's namespace dict, or 0. Borrowed. */
    long classDict(long cls);

    /**
     * An instance's {@code __dict__} (new reference), materialised from its shared-keys values on first use as
     * CPython does; 0 when its class has none ({@code __slots__}).
     */
    long instanceDict(long instance);

    /**
     * {@code instance.__dict__ = dict}: the instance's attributes become the dict's (the instance takes a reference
     * to it); the attributes it had are released, or stay with the split dict it had.
     */
    void setInstanceDict(long instance, long dict);

    /** {@code dict.copy()} as {@code PyDict_Copy} makes it: an instance's split dict copies as a split dict. New reference. */
    long dictCopy(long dict);

    /**
     * {@code target.update(source)} of two dicts, as {@code dict_merge}: a compact source cloned into an empty
     * target, else one resize for both and the entries set in order with their stored hashes.
     */
    void dictMerge(long target, long source);

    /**
     * Resizes a dict's table for {@code n} entries (dictresize to estimate_log2_keysize), str-only when
     * {@code unicode} and the dict's keys allow it: {@code dict.fromkeys} of a dict or a set.
     */
    void dictPresize(long dict, long n, boolean unicode);

    /** {@code dict.popitem()}: a new (key, value) tuple of the last entry, or 0 when the dict is empty. */
    long dictPopItem(long dict);

    /**
     * A list as {@code PyList_New(capacity)} filled by stringlib's split: the first {@code capacity} items (borrowed)
     * in place, the rest appended. New reference.
     */
    long newListWithRoom(long capacity, long... items);

    /**
     * {@code list.extend(seq)} of a list or tuple (items borrowed): exact room rounded to even on an empty list
     * when {@code preallocateWhenEmpty} (list_preallocate_exact), else list_resize to the new size (also 3.13's
     * dict and set paths, which resize either way).
     */
    void listExtendSequence(long list, boolean preallocateWhenEmpty, long... items);

    /**
     * {@code list.extend(iterable)} of another iterable (items borrowed, as it produced them): room for the
     * iterable's length hint ({@code 8} when it has none) first, then the items, then trimmed if that was too much.
     */
    void listExtendIterated(long list, long lengthHint, long... items);

    /** A class's base class, or 0 for {@code object}. Borrowed. */
    long classBase(long cls);

    /** Whether {@code cls} is a class made by {@link #newClass} (a metaclass included). */
    boolean isUserClass(long cls);

    /** The class name of a type object. */
    String typeName(long type);

    /** {@code ob_refcnt} as stored (the immortal value for immortal objects). */
    long refcount(long object);

    /** Immortal under the profile's rule. */
    boolean isImmortal(long object);

    /** Whether the object is alive on this heap (allocated and not freed), or static. */
    boolean isLive(long object);

    /** Calls {@code visitor} with each (key, value) of a dict in order; the pair is borrowed. */
    void dictForEach(long dict, DictVisitor visitor);

    /**
     * {@code weakref.proxy(target, callback)}: a weak reference of type {@code weakref.ProxyType}, or
     * {@code weakref.CallableProxyType} when {@code callable}; read its target with {@link Mutator#weakrefGet}.
     * Without a callback the target's existing one is shared. New reference.
     */
    long newWeakProxy(long target, boolean callable, WeakrefCallback callback);

    /** Calls {@code action} with each live weak reference and proxy to {@code target}, in list order (borrowed). */
    void forEachWeakref(long target, java.util.function.LongConsumer action);

    /** Dicts and sets hash and compare instances through {@code keys} from now on (null: by identity). */
    void setInstanceKeys(InstanceKeys keys);

    /** Where finalizer errors, weakref callback errors and collector debug output go from now on. */
    void setErrors(PrintStream errors);

    /** Whether an int (or bool) object's value fits a Java long (then {@link Mutator#intValue} is exact). */
    boolean intFitsLong(long intObject);

    /** The value of an int (or bool) that {@link #intFitsLong fits a long}; no checks. */
    long intValue(long intObject);

    /** The profile's CPython version, e.g. {@code "3.12.1"} ({@code sys.version_info}). */
    String pythonVersion();

    /** The allocator's live blocks ({@code sys.getallocatedblocks()}). */
    long allocatedBlocks();

    /** The allocator's {@code sys._debugmallocstats()} text, when it has one. */
    java.util.Optional<String> allocatorDebugStats();

    /**
     * Traces every allocator block of this heap in {@code traces} from now on (tracemalloc), or stops tracing
     * when null. Blocks allocated before stay unknown to the tables.
     */
    void traceBlocks(org.pymemlab.runtime.trace.BlockTraces traces);

    /** The allocator block an object lives in (its address less the pre-header and the GC header). */
    long blockOf(long object);

    /** Bytes of an object's pre-header, before its GC header (the managed dict and weakref words), often 0. */
    long preheaderSize(long object);

    /**
     * A byte of the raw data of an instance of a struct class ({@link ClassSpec.Struct}, or a class derived from
     * one), {@code offset} bytes from the object's start: a char field such as an exception's
     * {@code suppress_context}.
     */
    int structByte(long object, int offset);

    /** Stores a byte of a struct instance's raw data (see {@link #structByte}). */
    void setStructByte(long object, int offset, int value);

    /** An 8-byte word of a struct instance's raw data (a Py_ssize_t field such as OSError's written). */
    long structLong(long object, int offset);

    /** Stores an 8-byte word of a struct instance's raw data (see {@link #structLong}). */
    void setStructLong(long object, int offset, long value);

    /**
     * Replaces the {@code __dict__} of an instance of a struct class (or a class derived from one) with
     * {@code dict} (borrowed; the instance takes a reference), as assigning {@code __dict__} does.
     */
    void setStructDict(long object, long dict);

    /** The references an object holds (tp_traverse). */
    void traverse(long object, java.util.function.LongConsumer visitor);

    /**
     * A host object's payload that wants to know when its object dies (a suspended generator closes its
     * frame): called during deallocation, before the slots are released; it may run Python code.
     */
    interface DeallocListener {
        void deallocating(long object);
    }

    /**
     * A payload told when the cycle collector clears its object (tp_clear), before the object's slots are
     * emptied: what the object must give back while it still holds its references.
     */
    interface ClearListener {
        void clearing(long object);
    }

    /**
     * The payload of a host type marked by {@link #holdsPayloadReferents}: references it owns outside the slots
     * (a frame object's locals once its frame has returned), for tp_traverse and tp_clear.
     */
    interface PayloadReferents {
        void visitReferents(org.pymemlab.api.collector.ReferentVisitor visitor);

        /** Releases every reference the payload owns; it owns none afterwards. */
        void clearReferents();
    }

    /** A visitor of dict entries. */
    @FunctionalInterface
    interface DictVisitor {
        void visit(long key, long value);
    }
}
