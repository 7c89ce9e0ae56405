package org.pymemlab.runtime.heap;

import org.pymemlab.api.collections.LongHashSet;

import static org.pymemlab.api.memory.NativeMemory.getInt;
import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.api.memory.NativeMemory;
import org.pymemlab.runtime.HeapStats;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.hash.HashSecret;
import org.pymemlab.runtime.hash.PyHash;
import org.pymemlab.runtime.PyException;
import org.pymemlab.runtime.profile.Profile;
import org.pymemlab.runtime.trace.BlockTraces;

/**
 * The object heap: allocation of objects through the configured allocator, reference counting with the
 * profile's immortality rule, and deallocation at zero (to a free list or back to the allocator).
 *
 * <p>Every object is {@code [pre-header][GC header if its type is a GC type][ob_refcnt][ob_type][data]};
 * the GC header's size is the collector's. Built-in type objects, singletons and other statically
 * allocated objects live in a static region of native memory owned by the heap, not the allocator, as
 * CPython's static objects live in the interpreter's data segment.
 */
public final class Heap implements AutoCloseable {

    static final int OB_REFCNT = 0;
    static final int OB_TYPE = 8;
    static final int OB_SIZE = 16;
    /**
     * In a type object, the high half of the ob_size word (the low half holds the type's index): CPython's
     * {@code tp_flags} bits that collectors ask for on every reference they visit, so that {@link #isGcType}
     * is two dependent reads, as {@code _PyObject_IS_GC} is.
     */
    static final int TYPE_FLAGS = 20;
    /** {@code Py_TPFLAGS_HAVE_GC}. */
    static final int TPFLAGS_HAVE_GC = 1 << 14;
    /** Deallocation nested deeper than this is queued and finished iteratively (CPython's trashcan). */
    private static final int MAX_DEALLOC_DEPTH = 50;

    final Profile profile;
    final Profile.Layout layout;
    final Allocator allocator;
    final Collector collector;
    final Interner interner;
    final int gcHeader;
    final PyHash hashing;
    final Equality equality;

    private final Arena staticArena = Arena.ofShared();
    /** Types by index (the index sits in each type object's ob_size word); a plain array for the hot path. */
    private PyType[] types = new PyType[64];
    private int typeCount;
    private final LiveObjectSet live = new LiveObjectSet();
    private final LongHashSet finalized = new LongHashSet(16);
    private final LongHashSet staticObjects = new LongHashSet(1024);
    private final LongStack pendingDealloc = new LongStack();
    private int deallocDepth;
    /** tracemalloc's tables while tracing, else null: the one check the allocation paths pay when it is off. */
    BlockTraces traces;

    final BuiltinTypes builtins;
    final IntObjects ints;
    final FloatObjects floats;
    final StrObjects strs;
    final BytesObjects bytes;
    final ByteArrayObjects bytearrays;
    final TupleObjects tuples;
    final ListObjects lists;
    final DictValues dictValues;
    final DictObjects dicts;
    final SetObjects sets;
    final InstanceObjects instances;
    final WeakrefObjects weakrefs;
    final Singletons singletons;
    final HostObjects hosts;

    long objectsAllocated;
    long objectsFreed;
    long increfs;
    long decrefs;
    long freeListHits;

    public Heap(Profile profile, Allocator allocator, Collector collector, Interner interner, long hashSeed) {
        this.profile = profile;
        this.layout = profile.layout();
        this.allocator = allocator;
        this.collector = collector;
        this.interner = interner;
        this.gcHeader = collector.headerSize();
        this.hashing = new PyHash(HashSecret.fromSeed(hashSeed));
        this.builtins = new BuiltinTypes(this);
        this.singletons = new Singletons(this);
        this.ints = new IntObjects(this);
        this.floats = new FloatObjects(this);
        this.strs = new StrObjects(this);
        this.bytes = new BytesObjects(this);
        this.bytearrays = new ByteArrayObjects(this);
        this.tuples = new TupleObjects(this);
        this.lists = new ListObjects(this);
        this.dictValues = new DictValues(this, layout.instanceValuesInline());
        this.dicts = new DictObjects(this);
        this.sets = new SetObjects(this);
        this.instances = new InstanceObjects(this);
        this.weakrefs = new WeakrefObjects(this);
        this.equality = new Equality(this);
        this.hosts = new HostObjects(this);
    }

    // ---- types ----

    PyType registerType(PyType type, long address) {
        type.address = address;
        NativeMemory.putInt(address + OB_SIZE, type.index);
        NativeMemory.putInt(address + TYPE_FLAGS, type.gc ? TPFLAGS_HAVE_GC : 0);
        if (typeCount == types.length) {
            types = java.util.Arrays.copyOf(types, typeCount * 2);
        }
        types[typeCount++] = type;
        return type;
    }

    int nextTypeIndex() {
        return typeCount;
    }

    /** The Java descriptor of an object's type: two reads, no lookup. */
    PyType typeOf(long op) {
        return types[getInt(getLong(op + OB_TYPE) + OB_SIZE)];
    }

    /** {@code _PyObject_IS_GC} (the type's HAVE_GC flag), without the Java descriptor. */
    boolean isGcType(long op) {
        return (getInt(getLong(op + OB_TYPE) + TYPE_FLAGS) & TPFLAGS_HAVE_GC) != 0;
    }

    PyType typeByAddress(long typeAddress) {
        return types[getInt(typeAddress + OB_SIZE)];
    }

    // ---- static memory ----

    /** Zeroed static memory, 16-byte aligned, freed only when the heap closes. */
    long allocateStatic(long size) {
        MemorySegment segment = staticArena.allocate(size, 16);
        return segment.address();
    }

    /** Initialises a statically allocated object's header; static objects are immortal or start high. */
    void initStatic(long op, PyType type) {
        putLong(op + OB_REFCNT, profile.immortality() ? profile.immortalRefcount() : profile.staticRefcount());
        putLong(op + OB_TYPE, type.address);
    }

    /** CPython's treatment of static objects: immortal in 3.12+, a high starting refcount in 3.11. */
    void makeStatic(long op) {
        putLong(op + OB_REFCNT, profile.immortality() ? profile.immortalRefcount() : profile.staticRefcount());
        staticObjects.add(op);
    }

    boolean isStatic(long op) {
        return staticObjects.contains(op);
    }

    // ---- misuse checks (pymem.debug.checks) ----

    /** Types of recently freed objects by address, kept only while misuse checks are on. */
    private java.util.Map<Long, String> recentlyFreed;

    /** Remembers the types of freed objects, so a later use can be named; see {@link #misuse}. */
    public void trackFreedObjects() {
        recentlyFreed = new java.util.LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Long, String> eldest) {
                return size() > 65_536;
            }
        };
    }

    private void noteFreed(long op, PyType type) {
        if (recentlyFreed != null) {
            recentlyFreed.put(op, type.name);
        }
    }

    /**
     * Null when {@code op} is an object of this heap that may be used (live, static, a singleton or a built-in
     * type); otherwise what is wrong with it, naming the address and, for a recently freed object, its type.
     */
    public String misuse(long op) {
        if (op == 0) {
            return "NULL (0) passed where an object is expected";
        }
        if (live.contains(op) || staticObjects.contains(op) || op == singletons.none || op == singletons.true_
                || op == singletons.false_ || op == singletons.ellipsis || op == singletons.notImplemented
                || isBuiltinTypeObject(op)) {
            return null;
        }
        String freed = recentlyFreed == null ? null : recentlyFreed.get(op);
        return freed != null
                ? String.format("use of a freed %s object at 0x%x", freed, op)
                : String.format("0x%x is not a live object of this heap (freed, never allocated, or another runtime's)", op);
    }

    private boolean isBuiltinTypeObject(long op) {
        for (int i = 0; i < typeCount; i++) {
            PyType type = types[i];
            if (type.address == op && !type.heapType) {
                return true;
            }
        }
        return false;
    }

    /** Objects made static after allocation (the interner's caches): roots for leak detection. */
    void forEachStatic(java.util.function.LongConsumer action) {
        staticObjects.forEach(action);
    }

    // ---- allocation ----

    /**
     * Allocates an object of {@code type} whose data part is {@code size} bytes (ob_refcnt included), with
     * room for the pre-header and the collector's header. ob_refcnt = 1, ob_type set, the rest zeroed.
     * GC-type allocations are reported to the collector once the memory is had (it may collect there, as
     * 3.11 does).
     */
    long allocObject(PyType type, long size) {
        long before = type.preheader + (type.gc ? gcHeader : 0);
        long block = malloc(MemoryDomain.OBJECT, before + size);
        NativeMemory.fill(block, before + size, (byte) 0);
        if (type.gc) {
            // gc_alloc counts the object once its memory is had (a failed malloc counts nothing); 3.11 may
            // collect right here, before the new object is initialised or tracked
            collector.allocated();
        }
        long op = block + before;
        putLong(op + OB_REFCNT, 1);
        putLong(op + OB_TYPE, type.address);
        if (type.heapType) {
            incref(type.address);
        }
        live.add(op);
        objectsAllocated++;
        return op;
    }

    /** A raw buffer (a list's items, a dict's keys): the allocator's, or MemoryError. */
    long malloc(MemoryDomain domain, long size) {
        long address = allocator.malloc(domain, size);
        if (address == 0) {
            throw PyException.memoryError(size);
        }
        if (traces != null) {
            traces.allocated(address, size);
        }
        return address;
    }

    long realloc(MemoryDomain domain, long address, long size) {
        long moved = allocator.realloc(domain, address, size);
        if (moved == 0) {
            throw PyException.memoryError(size);
        }
        if (traces != null) {
            traces.resized(address, moved, size);
        }
        return moved;
    }

    void free(MemoryDomain domain, long address) {
        if (traces != null) {
            traces.freed(address);
        }
        allocator.free(domain, address);
    }

    /** The allocator block an object lives in: its address less the pre-header and the GC header. */
    long blockOf(long op) {
        return blockOf(op, typeOf(op));
    }

    private long blockOf(long op, PyType type) {
        return op - type.preheader - (type.gc ? gcHeader : 0);
    }

    /** Reuses an object from a free list: it is alive again with ob_refcnt = 1. */
    void revive(long op) {
        if (traces != null) {
            // _Py_NewReference: a traced block is attributed to where the object is made anew
            traces.renewed(blockOf(op));
        }
        putLong(op + OB_REFCNT, 1);
        live.add(op);
        objectsAllocated++;
        freeListHits++;
    }

    /** An object goes to a free list: dead to the program, its memory kept by the runtime. */
    void retire(long op, PyType type) {
        noteFreed(op, type);
        if (type.gc) {
            collector.untrack(op);
        }
        live.remove(op);
        forgetFinalized(op);
        objectsFreed++;
    }

    /** Returns an object's memory to the allocator. */
    void freeObject(long op, PyType type) {
        noteFreed(op, type);
        if (type.gc) {
            collector.deallocated(op);
        }
        if (live.remove(op)) {
            objectsFreed++;
        }
        forgetFinalized(op);
        free(MemoryDomain.OBJECT, blockOf(op, type));
        if (type.heapType) {
            decref(type.address);
        }
    }

    /** Frees an object that sat on a free list (it is no longer live). */
    void freeRetired(long op, PyType type) {
        if (type.gc) {
            collector.deallocated(op);
        }
        free(MemoryDomain.OBJECT, blockOf(op, type));
    }

    // ---- reference counting ----

    long refcount(long op) {
        return getLong(op + OB_REFCNT);
    }

    boolean isImmortal(long op) {
        return profile.immortality() && (int) getLong(op + OB_REFCNT) < 0;
    }

    /** Py_INCREF: in 3.12+ the low 32 bits saturate, and an object whose low half is negative is immortal. */
    void incref(long op) {
        long rc = getLong(op + OB_REFCNT);
        if (profile.immortality()) {
            int low = (int) rc;
            if (low < 0) {
                return;
            }
            putLong(op + OB_REFCNT, (rc & 0xFFFF_FFFF_0000_0000L) | ((low + 1) & 0xFFFF_FFFFL));
        } else {
            putLong(op + OB_REFCNT, rc + 1);
        }
        increfs++;
    }

    /** Py_XINCREF. */
    void xincref(long op) {
        if (op != 0) {
            incref(op);
        }
    }

    /** Py_DECREF: deallocates at zero. */
    void decref(long op) {
        long rc = getLong(op + OB_REFCNT);
        if (profile.immortality() && (int) rc < 0) {
            return;
        }
        if (rc <= 0) {
            throw decrefOfDead(op, rc);
        }
        decrefs++;
        putLong(op + OB_REFCNT, rc - 1);
        if (rc == 1) {
            dealloc(op);
        }
    }

    // Out of line: decref runs for every reference dropped and must stay small enough to inline.
    private IllegalStateException decrefOfDead(long op, long rc) {
        String freed = recentlyFreed == null ? null : recentlyFreed.get(op);
        return new IllegalStateException(String.format("decref of %s with refcount %d at 0x%x (freed or never owned)",
                freed != null ? "a freed " + freed + " object" : "an object", rc, op));
    }

    /** Py_XDECREF. */
    void xdecref(long op) {
        if (op != 0) {
            decref(op);
        }
    }

    // ---- deallocation ----

    private void dealloc(long op) {
        if (deallocDepth >= MAX_DEALLOC_DEPTH) {
            pendingDealloc.push(op);
            return;
        }
        deallocDepth++;
        try {
            deallocOne(op);
        } finally {
            deallocDepth--;
        }
        if (deallocDepth == 0) {
            while (!pendingDealloc.isEmpty()) {
                long next = pendingDealloc.pop();
                deallocDepth++;
                try {
                    deallocOne(next);
                } finally {
                    deallocDepth--;
                }
            }
        }
    }

    private void deallocOne(long op) {
        PyType type = typeOf(op);
        if (type.hostSlots < 0 && type.kind == ObjectKind.INSTANCE) {
            instances.dealloc(op, type);
            return;
        }
        deallocOther(op, type);
    }

    private void deallocOther(long op, PyType type) {
        if (type.hostSlots >= 0) {
            hosts.dealloc(op, type);
            return;
        }
        if (type.builtinBase) {
            instances.deallocSubtypeInstance(op, type);
            return;
        }
        switch (type.kind) {
            case INT, BOOL -> ints.dealloc(op, type);
            case FLOAT -> floats.dealloc(op, type);
            case STR -> strs.dealloc(op, type);
            case BYTES -> bytes.dealloc(op, type);
            case TUPLE -> tuples.dealloc(op, type);
            case LIST -> lists.dealloc(op, type);
            case DICT -> dicts.dealloc(op, type);
            case SET, FROZENSET -> sets.dealloc(op, type);
            case INSTANCE -> instances.dealloc(op, type);
            case WEAKREF -> weakrefs.dealloc(op, type);
            case TYPE -> instances.deallocClass(op, type);
            default -> {
                // bytearray is the one OTHER-kind built-in with instances: asked last, off the common kinds' path
                if (type != builtins.bytearray) {
                    throw new IllegalStateException("cannot deallocate a static " + type.name + " object");
                }
                bytearrays.dealloc(op, type);
            }
        }
    }

    // ---- finalizers ----

    boolean isFinalized(long op) {
        return finalized.contains(op);
    }

    void markFinalized(long op) {
        finalized.add(op);
    }

    /** Every free asks; almost always nothing is finalized, and then it costs one field read. */
    private void forgetFinalized(long op) {
        if (finalized.size() != 0) {
            finalized.remove(op);
        }
    }

    // ---- the protocol every kind implements ----

    /**
     * tp_traverse. Collectors call this once per object of a collection: the common kinds are tested first
     * and the rest is a method of its own, so that this one stays small enough for C2 to inline.
     */
    void traverse(long op, org.pymemlab.api.collector.ReferentVisitor visitor) {
        PyType type = typeOf(op);
        if (type.hostSlots < 0) {
            ObjectKind kind = type.kind;
            if (kind == ObjectKind.INSTANCE) {
                instances.traverse(op, type, visitor);
                return;
            }
            if (kind == ObjectKind.LIST && !type.heapType) { // a list subclass's __dict__ is visited below
                lists.traverse(op, visitor);
                return;
            }
        }
        traverseOther(op, type, visitor);
    }

    private void traverseOther(long op, PyType type, org.pymemlab.api.collector.ReferentVisitor visitor) {
        if (type.hostSlots >= 0) {
            hosts.traverse(op, type, visitor);
            return;
        }
        switch (type.kind) {
            case LIST -> lists.traverse(op, visitor); // a list subclass's items (plain lists take the fast path)
            case TUPLE -> tuples.traverse(op, visitor);
            case DICT -> dicts.traverse(op, visitor);
            case SET, FROZENSET -> sets.traverse(op, visitor);
            case TYPE -> instances.traverseClass(op, visitor);
            default -> {
            }
        }
        if (type.builtinBase) {
            instances.traverseSubtypeExtras(op, type, visitor);
        }
    }

    /** {@link #traverse} into a buffer ({@code HeapView.referents}): the common kinds directly, the rest through traverse. */
    int referents(long op, long[] buffer) {
        PyType type = typeOf(op);
        if (type.hostSlots < 0) {
            ObjectKind kind = type.kind;
            if (kind == ObjectKind.INSTANCE) {
                return instances.referents(op, type, buffer);
            }
            if (kind == ObjectKind.LIST && !type.heapType) {
                return lists.referents(op, buffer);
            }
        }
        return referentsThroughTraverse(op, type, buffer);
    }

    /** {@code HeapView.referentArray}: a plain list's item array; no other kind (tuples are visited first to last). */
    boolean referentArray(long op, long[] span) {
        PyType type = typeOf(op);
        if (type.kind == ObjectKind.LIST && !type.heapType && type.hostSlots < 0) {
            lists.itemArray(op, span);
            return true;
        }
        return false;
    }

    private int referentsThroughTraverse(long op, PyType type, long[] buffer) {
        bufferFill.buffer = buffer;
        bufferFill.count = 0;
        traverseOther(op, type, bufferFill);
        bufferFill.buffer = null;
        return bufferFill.count;
    }

    /** The visitor {@link #referentsThroughTraverse} reuses (a traversal never nests another). */
    private static final class BufferFill implements org.pymemlab.api.collector.ReferentVisitor {
        long[] buffer;
        int count;

        @Override
        public void visit(long referent) {
            if (count < buffer.length) {
                buffer[count] = referent;
            }
            count++;
        }
    }

    private final BufferFill bufferFill = new BufferFill();

    /** Every reference the object holds, str keys of dicts included (tp_traverse skips those). */
    void referents(long op, org.pymemlab.api.collector.ReferentVisitor visitor) {
        ObjectKind kind = typeOf(op).kind;
        if (kind == ObjectKind.DICT) {
            dicts.traverse(op, visitor, true);
            PyType type = typeOf(op);
            if (type.heapType) {
                instances.traverseSubtypeExtras(op, type, visitor);
            }
        } else if (kind == ObjectKind.TYPE) {
            instances.classReferents(op, visitor);
        } else {
            PyType type = typeOf(op);
            if (kind == ObjectKind.INSTANCE && type.hostSlots < 0) {
                instances.ownedReferents(op, type, visitor);
            } else {
                traverse(op, visitor);
            }
        }
    }

    /** tp_clear; split like {@link #traverse}, for the same reason. */
    void clear(long op) {
        PyType type = typeOf(op);
        if (type.hostSlots < 0 && type.kind == ObjectKind.INSTANCE) {
            instances.clear(op, type);
            return;
        }
        clearOther(op, type);
    }

    private void clearOther(long op, PyType type) {
        if (type.hostSlots >= 0) {
            hosts.collectorClear(op, type);
            return;
        }
        switch (type.kind) {
            case LIST -> lists.clear(op);
            case DICT -> dicts.clear(op);
            case SET, FROZENSET -> sets.clear(op);
            case INSTANCE -> instances.clear(op, type);
            case WEAKREF -> weakrefs.clearReference(op);
            case TYPE -> instances.clearClass(op);
            default -> {
                // tuples have no tp_clear in CPython: the other members of a cycle break it
            }
        }
        if (type.builtinBase) {
            instances.clear(op, type); // subtype_clear: the __dict__ too
        }
    }

    /** sys.getsizeof: __sizeof__ plus CPython's GC header (and pre-header) for GC types. */
    long sizeOf(long op) {
        PyType type = typeOf(op);
        long base = switch (type.kind) {
            case INT, BOOL -> ints.sizeOf(op);
            case FLOAT -> layout.floatSize();
            case STR -> strs.sizeOf(op);
            case BYTES -> bytes.sizeOf(op);
            case TUPLE -> tuples.sizeOf(op);
            case LIST -> lists.sizeOf(op);
            case DICT -> dicts.sizeOf(op);
            case SET, FROZENSET -> sets.sizeOf(op);
            case INSTANCE -> type.basicsize;
            case WEAKREF -> layout.weakrefSize();
            case TYPE -> instances.classSizeOf(op, type);
            default -> type == builtins.bytearray ? bytearrays.sizeOf(op) : type.hostSlots >= 0 ? type.basicsize : 16;
        };
        if (type.builtinBase && type.kind != ObjectKind.INT && type.kind != ObjectKind.STR) {
            // __sizeof__ of these built-ins starts from the type's basicsize (a subclass's may be larger); int's
            // and str's count their own structure only
            base += type.basicsize - builtinOf(type.kind).basicsize;
        }
        return type.gc ? base + layout.gcHeader() + type.preheader : base;
    }

    private PyType builtinOf(ObjectKind kind) {
        return switch (kind) {
            case LIST -> builtins.list;
            case DICT -> builtins.dict;
            case SET -> builtins.set;
            case FROZENSET -> builtins.frozenset;
            case FLOAT -> builtins.float_;
            case BYTES -> builtins.bytes;
            case TUPLE -> builtins.tuple;
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }

    // ---- live objects ----

    void forEachLive(java.util.function.LongConsumer action) {
        live.forEach(action);
    }

    boolean isLive(long op) {
        return live.contains(op);
    }

    /** Objects allocated and not yet freed: one field read, unlike {@link #stats()}, which walks them. */
    public long liveCount() {
        return live.size();
    }

    public HeapStats stats() {
        long[] bytesAlive = new long[1];
        live.forEach(op -> bytesAlive[0] += sizeOf(op));
        return new HeapStats(objectsAllocated, objectsFreed, live.size(), bytesAlive[0], increfs, decrefs,
                freeListHits);
    }

    /** Empties every free list (a full collection does this). */
    void clearFreeLists() {
        floats.clearFreeList();
        tuples.clearFreeLists();
        lists.clearFreeList();
        dicts.clearFreeLists();
    }

    // ---- user code run by the heap ----

    private Mutator mutator;
    private java.io.PrintStream errors = System.err;

    /** The mutator that finalizers and weakref callbacks receive. */
    Mutator mutator() {
        return mutator;
    }


    /** Where finalizer and callback errors, and debug output, go from now on (the program's stderr). */
    void setErrors(java.io.PrintStream errors) {
        this.errors = errors;
    }

    java.io.PrintStream errors() {
        return errors;
    }

    /** Runs a class's __del__ once; marks the object finalized first, as CPython sets the flag before calling. */
    void runFinalizer(long op, PyType type) {
        markFinalized(op);
        try {
            type.finalizer.finalize(mutator, op);
        } catch (RuntimeException e) {
            reportIgnored("__del__ of " + type.name, op, e);
        }
    }

    /** PyErr_WriteUnraisable: an error in a finalizer or callback is printed and otherwise ignored. */
    void reportIgnored(String where, long op, RuntimeException e) {
        errors.printf("Exception ignored in: %s at 0x%x%n%s%n", where, op, e.getMessage());
    }

    /** _PyObject_GC_MAY_BE_TRACKED: a GC object, and for tuples one that is tracked. */
    boolean mayBeTracked(long op) {
        PyType type = typeOf(op);
        if (!type.gc) {
            return false;
        }
        return type.kind != ObjectKind.TUPLE || collector.isTracked(op);
    }

    ObjectKind kindOf(long op) {
        return typeOf(op).kind;
    }

    // ---- life cycle ----

    private HeapMutator heapMutator;

    /**
     * Starts the heap: binds the collectors' view, lets the interning policy build its caches, and creates
     * the mutator (and its globals). Call once, before anything else.
     */
    public Mutator start(HeapViewAdapter view, java.io.PrintStream errors) {
        view.bind(this);
        this.errors = errors;
        interner.initialize(new InternContextAdapter(this));
        heapMutator = new HeapMutator(this);
        mutator = heapMutator;
        return heapMutator;
    }

    /** The runtime's own mutator (under any checking wrapper): it counts the calls made to it. */
    public HeapMutator heapMutator() {
        return heapMutator;
    }

    /** Objects allocated and unreachable from the roots, the interner's caches and the collector's garbage. */
    public org.pymemlab.runtime.LeakReport leaks() {
        return LeakFinder.find(this, heapMutator.globals());
    }

    /** Releases the roots, the interner's references and the free lists. The allocator is closed by its owner. */
    public void shutdown() {
        if (heapMutator != null) {
            dicts.clear(heapMutator.globals());
            decref(heapMutator.globals());
        }
        interner.release();
        clearFreeLists();
    }

    @Override
    public void close() {
        staticArena.close();
    }
}
