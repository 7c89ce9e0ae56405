package org.pymemlab.testkit;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.HeapView;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.collector.ReferentVisitor;
import org.pymemlab.api.memory.NativeMemory;

/**
 * A hand-written heap for collector tests. Objects live in native memory from an {@link Arena}, with
 * {@link Collector#headerSize()} bytes reserved before each one; the refcount is the object's first
 * 8 bytes. Referents, finalizers and weakrefs are kept on the Java side and scriptable. When a refcount
 * reaches 0 the object is deallocated as CPython's subtype_dealloc would (untrack, finalizer, weakref
 * callbacks, decref referents, {@link Collector#deallocated}) and its address is never used again; any
 * later use of it through this view fails the test.
 *
 * <p>Scripting: {@link #object} makes a tracked instance (refcount 1, the test's reference), {@link #link} and
 * {@link #unlink} add and drop references, {@link #decref} drops the test's own. {@link #events} records
 * {@code "finalize a"}, {@code "callback w"}, {@code "clear a"} and {@code "free a"} in order.
 */
public final class FakeHeap implements HeapView, AutoCloseable {

    /** ob_refcnt and ob_type. */
    private static final long OBJECT_SIZE = 16;

    /** What the fake knows about one object. */
    public static final class Obj {
        final long address;
        final String name;
        final String typeName;
        final ObjectKind kind;
        final boolean gcType;
        final List<Long> referents = new ArrayList<>();
        /** Weakrefs to this object, newest first (CPython's order for callbacks). */
        final List<Long> weakrefs = new ArrayList<>();
        LongConsumer finalizer;
        boolean hasFinalizer;
        boolean legacyFinalizer;
        boolean finalized;
        boolean immortal;
        long weakTarget;
        LongConsumer callback;

        Obj(long address, String name, String typeName, ObjectKind kind, boolean gcType) {
            this.address = address;
            this.name = name;
            this.typeName = typeName;
            this.kind = kind;
            this.gcType = gcType;
        }
    }

    private final Arena arena = Arena.ofConfined();
    private final Map<Long, Obj> objects = new HashMap<>();
    private final Set<Long> freed = new HashSet<>();
    private final ByteArrayOutputStream debugBytes = new ByteArrayOutputStream();
    private final PrintStream debug = new PrintStream(debugBytes, true, StandardCharsets.UTF_8);
    /** What happened, in order: "finalize a", "callback w", "clear a", "free a". */
    public final List<String> events = new ArrayList<>();
    public int freeListClears;
    private Collector collector;
    private int headerSize;

    /** Connects the collector under test; must be called before objects are made. */
    public FakeHeap attach(Collector collector) {
        this.collector = requireNonNull(collector, "collector is null");
        this.headerSize = collector.headerSize();
        return this;
    }

    // ------------------------------------------------------------------ building objects

    /** The collector's header size, as it said when attached. */
    public int headerSize() {
        return headerSize;
    }

    /** A tracked instance of a user class, refcount 1 (the test's reference). */
    public long object(String name) {
        return allocate(name, name, ObjectKind.INSTANCE, true, true);
    }

    /** An object of a non-GC type (an int, say), refcount 1. */
    public long atom(String name) {
        return allocate(name, "int", ObjectKind.INT, false, false);
    }

    /** A tuple holding {@code items} (each gets a reference), tracked as CPython tracks new tuples. */
    public long tuple(String name, long... items) {
        long t = allocate(name, "tuple", ObjectKind.TUPLE, true, false);
        for (long item : items) {
            link(t, item);
        }
        collector.track(t);
        return t;
    }

    /** A dict holding {@code values}, tracked. */
    public long dict(String name, long... values) {
        long d = allocate(name, "dict", ObjectKind.DICT, true, false);
        for (long v : values) {
            link(d, v);
        }
        collector.track(d);
        return d;
    }

    /** A weak reference to {@code target}, tracked, with an optional callback; refcount 1. */
    public long weakref(String name, long target, LongConsumer callback) {
        long w = allocate(name, "weakref", ObjectKind.WEAKREF, true, true);
        Obj o = live(w);
        o.weakTarget = target;
        o.callback = callback;
        live(target).weakrefs.addFirst(w);
        return w;
    }

    public long allocate(String name, String typeName, ObjectKind kind, boolean gcType, boolean track) {
        if (gcType) {
            collector.allocated(); // may collect (3.11 timing) before the object exists
        }
        long reserve = gcType ? headerSize : 0;
        MemorySegment block = arena.allocate(reserve + OBJECT_SIZE, 16); // zeroed, header included
        long address = block.address() + reserve;
        NativeMemory.putLong(address, 1);
        NativeMemory.putLong(address + 8, typeName.hashCode());
        objects.put(address, new Obj(address, name, typeName, kind, gcType));
        if (gcType && track) {
            collector.track(address);
        }
        return address;
    }

    /** {@code from} gets a reference to {@code to}. */
    public void link(long from, long to) {
        live(from).referents.add(to);
        incref(to);
    }

    /** {@code from} drops one reference to {@code to}. */
    public void unlink(long from, long to) {
        if (!live(from).referents.remove(Long.valueOf(to))) {
            throw new AssertionError("no such reference");
        }
        decref(to);
    }

    /** A finalizer ({@code __del__}) running {@code body} with the object's address. */
    public void setFinalizer(long object, LongConsumer body) {
        Obj o = live(object);
        o.hasFinalizer = true;
        o.finalizer = body;
    }

    public void setLegacyFinalizer(long object) {
        live(object).legacyFinalizer = true;
    }

    public void setImmortal(long object) {
        live(object).immortal = true;
    }

    // ------------------------------------------------------------------ inspecting

    public boolean isAlive(long object) {
        return objects.containsKey(object);
    }

    public boolean isFreed(long object) {
        return freed.contains(object);
    }

    public int liveCount() {
        return objects.size();
    }

    /** The weakref's referent, or 0 once cleared. */
    public long weakrefTarget(long weakref) {
        return live(weakref).weakTarget;
    }

    public long count(String eventPrefix) {
        return events.stream().filter(e -> e.startsWith(eventPrefix)).count();
    }

    public String debugText() {
        return debugBytes.toString(StandardCharsets.UTF_8);
    }

    public Obj live(long object) {
        Obj o = objects.get(object);
        if (o == null) {
            throw new AssertionError((freed.contains(object) ? "use of freed object 0x" : "unknown object 0x")
                    + Long.toHexString(object));
        }
        return o;
    }

    // ------------------------------------------------------------------ HeapView

    @Override
    public long refcount(long object) {
        live(object);
        return NativeMemory.getLong(object);
    }

    @Override
    public boolean isImmortal(long object) {
        return live(object).immortal;
    }

    @Override
    public void incref(long object) {
        if (!live(object).immortal) {
            NativeMemory.putLong(object, NativeMemory.getLong(object) + 1);
        }
    }

    @Override
    public void decref(long object) {
        Obj o = live(object);
        if (o.immortal) {
            return;
        }
        long rc = NativeMemory.getLong(object) - 1;
        if (rc < 0) {
            throw new AssertionError("negative refcount: " + o.name);
        }
        NativeMemory.putLong(object, rc);
        if (rc == 0) {
            deallocate(o);
        }
    }

    /** subtype_dealloc, PyObject_ClearWeakRefs, PyObject_GC_Del, in CPython's order. */
    private void deallocate(Obj o) {
        long a = o.address;
        if (o.hasFinalizer && !o.finalized) {
            // PEP 442: tp_finalize on refcount death too, with the object temporarily alive.
            NativeMemory.putLong(a, 1);
            finalize(a);
            long rc = NativeMemory.getLong(a) - 1;
            NativeMemory.putLong(a, rc);
            if (rc > 0) {
                return; // resurrected
            }
        }
        if (o.gcType) {
            collector.untrack(a);
        }
        for (long w : List.copyOf(o.weakrefs)) {
            LongConsumer cb = live(w).callback;
            clearWeakref(w);
            if (cb != null) {
                invokeWeakrefCallback(w);
            }
        }
        if (o.kind == ObjectKind.WEAKREF) {
            clearWeakref(a);
        }
        List<Long> refs = List.copyOf(o.referents);
        o.referents.clear();
        for (long r : refs) {
            decref(r);
        }
        events.add("free " + o.name);
        if (o.gcType) {
            collector.deallocated(a);
        }
        objects.remove(a);
        freed.add(a);
        NativeMemory.fill(a, OBJECT_SIZE, (byte) 0xDB);
    }

    @Override
    public boolean isGcType(long object) {
        return live(object).gcType;
    }

    @Override
    public ObjectKind kind(long object) {
        return live(object).kind;
    }

    @Override
    public String typeName(long object) {
        return live(object).typeName;
    }

    @Override
    public long typeOf(long object) {
        return NativeMemory.getLong(object + 8);
    }

    @Override
    public void traverse(long object, ReferentVisitor visitor) {
        List<Long> refs = live(object).referents;
        for (int i = 0; i < refs.size(); i++) {
            visitor.visit(refs.get(i));
        }
    }

    /** tp_clear: drop every reference; a weakref's clear also drops its callback. */
    @Override
    public void clear(long object) {
        Obj o = live(object);
        events.add("clear " + o.name);
        if (o.kind == ObjectKind.WEAKREF) {
            clearWeakref(object);
            o.callback = null;
        }
        List<Long> refs = List.copyOf(o.referents);
        o.referents.clear();
        for (long r : refs) {
            decref(r);
        }
    }

    @Override
    public boolean hasFinalizer(long object) {
        return live(object).hasFinalizer;
    }

    @Override
    public boolean hasLegacyFinalizer(long object) {
        return live(object).legacyFinalizer;
    }

    @Override
    public boolean isFinalized(long object) {
        return live(object).finalized;
    }

    @Override
    public void finalize(long object) {
        Obj o = live(object);
        if (o.finalized) {
            return;
        }
        o.finalized = true;
        events.add("finalize " + o.name);
        if (o.finalizer != null) {
            o.finalizer.accept(object);
        }
    }

    @Override
    public boolean hasWeakrefs(long object) {
        return !live(object).weakrefs.isEmpty();
    }

    @Override
    public void forEachWeakref(long object, LongConsumer action) {
        for (long w : List.copyOf(live(object).weakrefs)) {
            action.accept(w);
        }
    }

    @Override
    public void clearWeakref(long weakref) {
        Obj w = live(weakref);
        if (w.weakTarget != 0) {
            Obj target = objects.get(w.weakTarget);
            if (target != null) {
                target.weakrefs.remove(Long.valueOf(weakref));
            }
            w.weakTarget = 0;
        }
    }

    @Override
    public boolean weakrefHasCallback(long weakref) {
        return live(weakref).callback != null;
    }

    @Override
    public void invokeWeakrefCallback(long weakref) {
        Obj w = live(weakref);
        events.add("callback " + w.name);
        if (w.callback != null) {
            w.callback.accept(weakref);
        }
    }

    /** _PyTuple_MaybeUntrack / _PyDict_MaybeUntrack: no item could be part of a cycle. */
    @Override
    public boolean mayUntrack(long object) {
        Obj o = live(object);
        if (o.kind != ObjectKind.TUPLE && o.kind != ObjectKind.DICT) {
            return false;
        }
        for (long r : o.referents) {
            if (isGcType(r) && collector.isTracked(r)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void clearFreeLists() {
        freeListClears++;
    }

    @Override
    public long sizeOf(long object) {
        return OBJECT_SIZE + (live(object).gcType ? headerSize : 0);
    }

    @Override
    public String repr(long object) {
        Obj o = live(object);
        return "<" + o.typeName + " object at 0x" + Long.toHexString(object) + ">";
    }

    @Override
    public PrintStream debugOutput() {
        return debug;
    }

    @Override
    public void close() {
        arena.close();
    }
}
