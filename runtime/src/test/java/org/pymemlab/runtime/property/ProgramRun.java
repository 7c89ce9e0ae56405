package org.pymemlab.runtime.property;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyException;
import org.pymemlab.runtime.WeakrefCallback;
import org.pymemlab.runtime.heap.HeapInvariants;
import org.pymemlab.runtime.heap.InspectableRuntime;
import org.pymemlab.runtime.heap.TrackingAllocator;
import org.pymemlab.runtime.property.HeapModel.Kind;
import org.pymemlab.runtime.property.HeapModel.Node;

/**
 * Runs one program on one runtime, step by step, keeping the {@link HeapModel} in step with it and checking the
 * heap against the model and against {@link HeapInvariants} after every step.
 */
final class ProgramRun implements AutoCloseable {

    static final int SLOTS = 6;
    static final int ROOTS = 3;
    static final List<String> ATTRIBUTES = List.of("attr_left", "attr_right", "attr_item", "attr_other");
    /** The __slots__ class has every attribute name but the last. */
    static final List<String> SLOT_NAMES = ATTRIBUTES.subList(0, 3);

    private final Combination combination;
    private final InspectableRuntime rt;
    private final TrackingAllocator tracker;
    private final Mutator m;
    private final HeapModel model;
    private final boolean generational;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    private final Node[] slots = new Node[SLOTS];
    private final Node[] roots = new Node[ROOTS];
    private Node plainClass;
    private Node slotsClass;

    private final Set<Long> baselineLive;
    /** Bytes of the blocks each object alive at start owns then (the globals dict's table may grow). */
    private final Map<Long, Long> baselineBlockBytes = new HashMap<>();

    private final Map<Long, Integer> callbackCalls = new HashMap<>();
    private final List<String> callbackViolations = new ArrayList<>();
    private final WeakrefCallback callback;
    private boolean fullCollection;
    /** A heap found inconsistent is not closed: releasing a corrupted heap could crash the JVM. */
    private boolean failed;
    private int steps;

    ProgramRun(Combination combination) {
        this.combination = combination;
        TrackingAllocator[] holder = new TrackingAllocator[1];
        this.rt = InspectableRuntime.create(combination.config(), a -> holder[0] = new TrackingAllocator(a),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        this.tracker = holder[0];
        this.m = rt.mutator();
        this.generational = combination.collector().equals("generational");
        this.model = new HeapModel(combination.interning().equals("cpython"),
                rt.profile().internedStringsImmortal(),
                combination.config().getString("pymem.cpython-interning.startup-interned-chars"));
        this.callback = (mutator, wr) -> {
            int calls = callbackCalls.merge(wr, 1, Integer::sum);
            if (calls > 1) {
                callbackViolations.add(String.format("callback of weakref 0x%x called %d times", wr, calls));
            }
            if (mutator.weakrefGet(wr) != mutator.none()) {
                callbackViolations.add(String.format("callback of weakref 0x%x called while its target lives", wr));
            }
        };
        HeapInvariants.Snapshot baseline = HeapInvariants.check(rt, tracker, new long[0]);
        this.baselineLive = baseline.live();
        for (long op : baselineLive) {
            baselineBlockBytes.put(op, blockBytes(op));
        }
        if (baseline.unownedBlocks() != 0) {
            throw new AssertionError(baseline.unownedBlocks() + " allocator blocks owned by no object at start");
        }
        long plain = m.newClass(ClassSpec.plain("Plain"));
        plainClass = model.created(plain, Kind.CLASS, null, false, Set::of);
        long slotted = m.newClass(new ClassSpec("Slotted", SLOT_NAMES, null));
        slotsClass = model.created(slotted, Kind.CLASS, null, false, Set::of);
    }

    int steps() {
        return steps;
    }

    // ---- running ----

    void run(List<Step> program) {
        for (int i = 0; i < program.size(); i++) {
            Step step = program.get(i);
            try {
                fullCollection = false;
                step.run(this);
                m.safePoint();
                check();
                steps++;
            } catch (AssertionError | RuntimeException e) {
                failed = true;
                AssertionError failure = new AssertionError(combination + ", step " + i + " " + step + ": "
                        + e.getMessage() + errorOutput(), e);
                throw failure;
            }
        }
        teardown();
    }

    private String errorOutput() {
        String text = errors.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? "" : "\nruntime error output:\n" + text;
    }

    /** Drops everything, collects, empties the free lists: the heap must be back to its baseline. */
    private void teardown() {
        try {
            for (int i = 0; i < SLOTS; i++) {
                drop(i);
            }
            for (int r = 0; r < ROOTS; r++) {
                delRoot(r);
            }
            m.decref(plainClass.address);
            m.decref(slotsClass.address);
            Node p = plainClass;
            Node s = slotsClass;
            plainClass = null;
            slotsClass = null;
            model.decRef(p);
            model.decRef(s);
            collect(2);
            check();
            rt.clearFreeLists();
            HeapInvariants.Snapshot end = HeapInvariants.check(rt, tracker, new long[0]);
            if (end.unownedBlocks() != 0) {
                throw new AssertionError(end.unownedBlocks() + " allocator blocks (" + end.unownedBytes()
                        + " bytes) owned by no live object after the free lists were emptied");
            }
            for (long op : end.live()) {
                if (baselineLive.contains(op)) {
                    continue;
                }
                boolean expected = end.heldByInterner().contains(op)
                        || (!generational && end.unreachable().contains(op));
                if (!expected) {
                    throw new AssertionError(String.format("%s at 0x%x is still alive after teardown",
                            rt.typeName(op), op));
                }
            }
            for (long op : baselineLive) {
                if (!end.live().contains(op)) {
                    throw new AssertionError(String.format("%s at 0x%x, alive at start, was freed",
                            rt.typeName(op), op));
                }
                if (op != rt.globals() && blockBytes(op) != baselineBlockBytes.get(op)) {
                    throw new AssertionError(String.format("%s at 0x%x owned %d bytes of blocks at start, now %d",
                            rt.typeName(op), op, baselineBlockBytes.get(op), blockBytes(op)));
                }
            }
        } catch (AssertionError | RuntimeException e) {
            failed = true;
            throw new AssertionError(combination + ", teardown: " + e.getMessage() + errorOutput(), e);
        }
    }

    private long blockBytes(long op) {
        long[] bytes = {0};
        rt.forEachBlock(op, b -> {
            if (tracker.isLiveBlock(b)) {
                bytes[0] += tracker.block(b).size();
            }
        });
        return bytes[0];
    }

    @Override
    public void close() {
        if (failed) {
            return;
        }
        rt.close();
        if (!tracker.violations().isEmpty()) {
            throw new AssertionError(combination + ", close: " + tracker.violations());
        }
    }

    // ---- checks after every step ----

    private long[] owned() {
        List<Long> out = new ArrayList<>();
        for (Node n : slots) {
            if (n != null) {
                out.add(n.address);
            }
        }
        if (plainClass != null) {
            out.add(plainClass.address);
            out.add(slotsClass.address);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private List<Node> modelRoots() {
        List<Node> out = new ArrayList<>();
        for (Node n : slots) {
            out.add(n);
        }
        for (Node n : roots) {
            out.add(n);
        }
        out.add(plainClass);
        out.add(slotsClass);
        return out;
    }

    private Set<Node> garbage() {
        return model.garbage(modelRoots());
    }

    private static ObjectKind objectKind(Kind kind) {
        return switch (kind) {
            case INT -> ObjectKind.INT;
            case FLOAT -> ObjectKind.FLOAT;
            case STR -> ObjectKind.STR;
            case BYTES -> ObjectKind.BYTES;
            case TUPLE -> ObjectKind.TUPLE;
            case LIST -> ObjectKind.LIST;
            case DICT -> ObjectKind.DICT;
            case SET -> ObjectKind.SET;
            case FROZENSET -> ObjectKind.FROZENSET;
            case PLAIN_INSTANCE, SLOTS_INSTANCE -> ObjectKind.INSTANCE;
            case CLASS -> ObjectKind.TYPE;
            case WEAKREF -> ObjectKind.WEAKREF;
        };
    }

    private boolean aliveInHeap(Node n) {
        return rt.isLive(n.address) && rt.kind(n.address) == objectKind(n.kind);
    }

    private void check() {
        // what the collector freed: must have been garbage in the model
        Set<Node> garbage = garbage();
        List<Node> gone = new ArrayList<>();
        for (Node n : model.nodes()) {
            if (!n.isStatic && !aliveInHeap(n)) {
                gone.add(n);
            }
        }
        for (Node n : gone) {
            if (!generational || !garbage.contains(n)) {
                throw new AssertionError(n + " was freed, but the program still holds " + n.rc + " reference(s)"
                        + (garbage.contains(n) ? " (cyclic garbage; this collector does not collect)" : ""));
            }
        }
        if (!gone.isEmpty()) {
            model.collected(gone);
            garbage = garbage();
        }

        HeapInvariants.Snapshot snapshot = HeapInvariants.check(rt, tracker, owned());

        Set<Long> known = model.addresses();
        Set<Long> garbageAddresses = new HashSet<>();
        for (Node g : garbage) {
            garbageAddresses.add(g.address);
        }
        for (long u : snapshot.unreachable()) {
            if (known.contains(u) && !garbageAddresses.contains(u)) {
                throw new AssertionError(String.format("%s at 0x%x is unreachable in the heap, reachable in the model",
                        rt.typeName(u), u));
            }
        }
        if (!generational) {
            for (long g : garbageAddresses) {
                if (!snapshot.unreachable().contains(g)) {
                    throw new AssertionError(String.format("model garbage %s is not unreachable in the heap",
                            model.get(g)));
                }
            }
        }
        Set<Long> fromGarbage = HeapInvariants.reach(rt, garbageAddresses, snapshot.live(), Set.of());
        for (long u : snapshot.unreachable()) {
            if (!known.contains(u) && !fromGarbage.contains(u)) {
                throw new AssertionError(String.format(
                        "%s at 0x%x is unreachable, and not reachable from the program's garbage: leaked",
                        rt.typeName(u), u));
            }
        }
        if (fullCollection && !snapshot.unreachable().isEmpty()) {
            throw new AssertionError(snapshot.unreachable().size() + " unreachable objects survived a full collection");
        }

        checkContents(garbage);
        checkWeakrefs(garbage);
    }

    /** The containers hold what the model says (only for reachable ones; garbage may be half-collected). */
    private void checkContents(Set<Node> garbage) {
        for (Node n : model.nodes()) {
            if (n.isStatic || garbage.contains(n)) {
                continue;
            }
            switch (n.kind) {
                case LIST, TUPLE -> {
                    check(m.len(n.address) == n.items.size(), "len of %s is %d, model %d", n, m.len(n.address),
                            n.items.size());
                    for (int i = 0; i < n.items.size(); i++) {
                        long item = n.kind == Kind.LIST ? m.listGet(n.address, i) : m.tupleGet(n.address, i);
                        check(item == n.items.get(i).address, "%s[%d] is 0x%x, model %s", n, i, item,
                                n.items.get(i));
                    }
                }
                case DICT -> {
                    check(m.len(n.address) == n.entries.size(), "len of %s is %d, model %d", n, m.len(n.address),
                            n.entries.size());
                    List<Long> keys = m.dictKeys(n.address);
                    List<Long> want = n.entries.values().stream().map(kv -> kv[0].address).toList();
                    check(keys.equals(want), "keys of %s are %s, model %s", n, keys, want);
                }
                case SET, FROZENSET -> check(m.len(n.address) == n.members.size(), "len of %s is %d, model %d", n,
                        m.len(n.address), n.members.size());
                case PLAIN_INSTANCE, SLOTS_INSTANCE -> {
                    for (String name : ATTRIBUTES) {
                        Node want = n.attrs.get(name);
                        long got = m.getAttr(n.address, name);
                        check(got == (want == null ? 0 : want.address), "%s.%s is 0x%x, model %s", n, name, got,
                                want);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void checkWeakrefs(Set<Node> garbage) {
        if (!callbackViolations.isEmpty()) {
            throw new AssertionError(String.join("; ", callbackViolations));
        }
        for (Node w : model.takeClearedWeakrefs()) {
            if (!w.dead && w.callback && !garbage.contains(w)) {
                check(callbackCalls.getOrDefault(w.address, 0) == 1, "callback of %s not called after its target died",
                        w);
            }
        }
        for (Node w : model.nodes()) {
            if (w.kind != Kind.WEAKREF || garbage.contains(w)) {
                continue;
            }
            long got = m.weakrefGet(w.address);
            if (w.target == null) {
                check(got == m.none(), "%s gives 0x%x, model: dead", w, got);
            } else if (!garbage.contains(w.target) || !generational) {
                check(got == w.target.address, "%s gives 0x%x, model %s", w, got, w.target);
            } else {
                check(got == w.target.address || got == m.none(), "%s gives 0x%x, model %s", w, got, w.target);
            }
        }
    }

    private static void check(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new AssertionError(String.format(format, args));
        }
    }

    // ---- helpers ----

    private void store(int dst, Node node) {
        Node old = slots[dst];
        slots[dst] = node;
        if (old != null) {
            m.decref(old.address);
            model.decRef(old);
        }
    }

    private static void expectError(String pythonType, Runnable action) {
        try {
            action.run();
        } catch (PyException e) {
            if (!e.pythonType().equals(pythonType)) {
                throw new AssertionError("expected " + pythonType + ", got " + e.getMessage(), e);
            }
            return;
        }
        throw new AssertionError("expected " + pythonType + ", but the call succeeded");
    }

    private Node created(long address, Kind kind, Object value, boolean mayReuse) {
        return model.created(address, kind, value, mayReuse, this::garbage);
    }

    private List<Node> nodesAt(List<Integer> indexes) {
        List<Node> out = new ArrayList<>();
        for (int i : indexes) {
            if (slots[i] != null) {
                out.add(slots[i]);
            }
        }
        return out;
    }

    private static long[] addresses(List<Node> nodes) {
        return nodes.stream().mapToLong(n -> n.address).toArray();
    }

    private static int normalise(int index, int size) {
        return index < 0 ? index + size : index;
    }

    // ---- the steps ----

    void newInt(int dst, BigInteger value) {
        long op = value.bitLength() < 63 ? m.newInt(value.longValue()) : m.newInt(value);
        store(dst, created(op, Kind.INT, value, false));
    }

    void newFloat(int dst, double value) {
        store(dst, created(m.newFloat(value), Kind.FLOAT, value, false));
    }

    void newStr(int dst, String value) {
        store(dst, created(m.newStr(value), Kind.STR, value, false));
    }

    void newBytes(int dst, String value) {
        store(dst, created(m.newBytes(value.getBytes(StandardCharsets.ISO_8859_1)), Kind.BYTES, value, false));
    }

    void newTuple(int dst, List<Integer> items) {
        List<Node> nodes = nodesAt(items);
        long op = m.newTuple(addresses(nodes));
        Node t = created(op, Kind.TUPLE, nodes.isEmpty() ? Boolean.TRUE : null, false);
        if (!t.isStatic) {
            for (Node n : nodes) {
                t.items.add(n);
                model.incRef(n);
            }
        }
        store(dst, t);
    }

    void newList(int dst, List<Integer> items) {
        List<Node> nodes = nodesAt(items);
        Node l = created(m.newList(addresses(nodes)), Kind.LIST, null, false);
        for (Node n : nodes) {
            l.items.add(n);
            model.incRef(n);
        }
        store(dst, l);
    }

    void newDict(int dst) {
        store(dst, created(m.newDict(), Kind.DICT, null, false));
    }

    void newSet(int dst, List<Integer> items, boolean frozen) {
        List<Node> nodes = new ArrayList<>(nodesAt(items));
        nodes.removeIf(n -> !n.kind.modelKey() && !n.kind.unhashable());
        if (nodes.stream().anyMatch(n -> n.kind.unhashable())) {
            expectError("TypeError", () -> {
                if (frozen) {
                    m.newFrozenSet(addresses(nodes));
                } else {
                    m.newSet(addresses(nodes));
                }
            });
            return;
        }
        long op = frozen ? m.newFrozenSet(addresses(nodes)) : m.newSet(addresses(nodes));
        Node s = created(op, frozen ? Kind.FROZENSET : Kind.SET, null, false);
        for (Node n : nodes) {
            if (s.members.putIfAbsent(n.key(), n) == null) {
                model.incRef(n);
            }
        }
        store(dst, s);
    }

    void newInstance(int dst, boolean withSlots) {
        Node cls = withSlots ? slotsClass : plainClass;
        Node i = created(m.newInstance(cls.address), withSlots ? Kind.SLOTS_INSTANCE : Kind.PLAIN_INSTANCE, null,
                false);
        i.cls = cls;
        model.incRef(cls);
        store(dst, i);
    }

    void newWeakref(int dst, int target, boolean withCallback) {
        Node t = slots[target];
        if (t == null) {
            return;
        }
        if (!t.kind.weakrefable()) {
            expectError("TypeError", () -> m.newWeakref(t.address, withCallback ? callback : null));
            return;
        }
        long op = m.newWeakref(t.address, withCallback ? callback : null);
        if (!withCallback) {
            for (Node w : t.weakrefs) {
                if (!w.callback && w.address == op) {
                    model.incRef(w);
                    store(dst, w);
                    return;
                }
            }
        }
        Node w = created(op, Kind.WEAKREF, null, false);
        w.target = t;
        w.callback = withCallback;
        t.weakrefs.add(w);
        callbackCalls.remove(op);
        store(dst, w);
    }

    void intern(int dst, int src) {
        Node s = slots[src];
        if (s == null) {
            return;
        }
        if (s.kind != Kind.STR) {
            expectError("TypeError", () -> m.intern(s.address));
            return;
        }
        long op = m.intern(s.address);
        Node canonical = model.intern(s, op);
        check(op == canonical.address, "intern(%s) gave 0x%x, model %s", s, op, canonical);
        model.incRef(canonical);
        store(dst, canonical);
    }

    void listAppend(int list, int item) {
        Node l = slots[list];
        Node i = slots[item];
        if (l == null || i == null) {
            return;
        }
        if (l.kind != Kind.LIST) {
            expectError("TypeError", () -> m.listAppend(l.address, i.address));
            return;
        }
        m.listAppend(l.address, i.address);
        l.items.add(i);
        model.incRef(i);
    }

    void listSet(int list, int index, int item) {
        Node l = slots[list];
        Node i = slots[item];
        if (l == null || i == null) {
            return;
        }
        if (l.kind != Kind.LIST) {
            expectError("TypeError", () -> m.listSet(l.address, index, i.address));
            return;
        }
        int j = normalise(index, l.items.size());
        if (j < 0 || j >= l.items.size()) {
            expectError("IndexError", () -> m.listSet(l.address, index, i.address));
            return;
        }
        m.listSet(l.address, index, i.address);
        model.incRef(i);
        Node old = l.items.set(j, i);
        model.decRef(old);
    }

    void listInsert(int list, int index, int item) {
        Node l = slots[list];
        Node i = slots[item];
        if (l == null || i == null) {
            return;
        }
        if (l.kind != Kind.LIST) {
            expectError("TypeError", () -> m.listInsert(l.address, index, i.address));
            return;
        }
        int j = Math.max(0, Math.min(normalise(index, l.items.size()), l.items.size()));
        m.listInsert(l.address, index, i.address);
        l.items.add(j, i);
        model.incRef(i);
    }

    /** The key kinds the model cannot compare (float, tuple, frozenset, weakref) are left out of dicts and sets. */
    private static boolean unmodelledKey(Node key) {
        return !key.kind.modelKey() && !key.kind.unhashable();
    }

    void dictSet(int dict, int key, int value) {
        Node d = slots[dict];
        Node k = slots[key];
        Node v = slots[value];
        if (d == null || k == null || v == null || unmodelledKey(k)) {
            return;
        }
        if (d.kind != Kind.DICT || k.kind.unhashable()) {
            expectError("TypeError", () -> m.dictSet(d.address, k.address, v.address));
            return;
        }
        m.dictSet(d.address, k.address, v.address);
        model.incRef(v);
        Node[] old = d.entries.get(k.key());
        if (old != null) {
            Node oldValue = old[1];
            old[1] = v;
            model.decRef(oldValue);
        } else {
            d.entries.put(k.key(), new Node[] {k, v});
            model.incRef(k);
        }
    }

    void setAdd(int set, int item) {
        Node s = slots[set];
        Node i = slots[item];
        if (s == null || i == null || unmodelledKey(i)) {
            return;
        }
        if (s.kind != Kind.SET || i.kind.unhashable()) {
            expectError("TypeError", () -> m.setAdd(s.address, i.address));
            return;
        }
        boolean added = m.setAdd(s.address, i.address);
        boolean want = !s.members.containsKey(i.key());
        check(added == want, "set.add of %s to %s returned %s", i, s, added);
        if (want) {
            s.members.put(i.key(), i);
            model.incRef(i);
        }
    }

    void setAttr(int object, int name, int value) {
        Node o = slots[object];
        Node v = slots[value];
        if (o == null || v == null) {
            return;
        }
        String attr = ATTRIBUTES.get(name);
        if (!o.kind.instance() || (o.kind == Kind.SLOTS_INSTANCE && !SLOT_NAMES.contains(attr))) {
            expectError("AttributeError", () -> m.setAttr(o.address, attr, v.address));
            return;
        }
        m.setAttr(o.address, attr, v.address);
        model.incRef(v);
        Node old = o.attrs.put(attr, v);
        if (old != null) {
            model.decRef(old);
        }
    }

    void setRoot(int root, int src) {
        Node n = slots[src];
        if (n == null) {
            return;
        }
        m.setRoot("g" + root, n.address);
        model.incRef(n);
        Node old = roots[root];
        roots[root] = n;
        if (old != null) {
            model.decRef(old);
        }
    }

    void loadRoot(int dst, int root) {
        Node n = roots[root];
        long op = m.getRoot("g" + root);
        if (n == null) {
            check(op == 0, "root g%d is 0x%x, model: unbound", root, op);
            return;
        }
        check(op == n.address, "root g%d is 0x%x, model %s", root, op, n);
        m.incref(op);
        model.incRef(n);
        store(dst, n);
    }

    void listGet(int dst, int list, int index) {
        Node l = slots[list];
        if (l == null) {
            return;
        }
        if (l.kind != Kind.LIST) {
            expectError("TypeError", () -> m.listGet(l.address, index));
            return;
        }
        int j = normalise(index, l.items.size());
        if (j < 0 || j >= l.items.size()) {
            expectError("IndexError", () -> m.listGet(l.address, index));
            return;
        }
        long op = m.listGet(l.address, index);
        Node want = l.items.get(j);
        check(op == want.address, "%s[%d] is 0x%x, model %s", l, index, op, want);
        m.incref(op);
        model.incRef(want);
        store(dst, want);
    }

    void dictGet(int dst, int dict, int key) {
        Node d = slots[dict];
        Node k = slots[key];
        if (d == null || k == null || unmodelledKey(k)) {
            return;
        }
        if (d.kind != Kind.DICT || k.kind.unhashable()) {
            expectError("TypeError", () -> m.dictGet(d.address, k.address));
            return;
        }
        long op = m.dictGet(d.address, k.address);
        Node[] entry = d.entries.get(k.key());
        if (entry == null) {
            check(op == 0, "%s[%s] is 0x%x, model: absent", d, k, op);
            return;
        }
        check(op == entry[1].address, "%s[%s] is 0x%x, model %s", d, k, op, entry[1]);
        m.incref(op);
        model.incRef(entry[1]);
        store(dst, entry[1]);
    }

    void getAttr(int dst, int object, int name) {
        Node o = slots[object];
        if (o == null) {
            return;
        }
        String attr = ATTRIBUTES.get(name);
        if (!o.kind.instance()) {
            expectError("AttributeError", () -> m.getAttr(o.address, attr));
            return;
        }
        long op = m.getAttr(o.address, attr);
        Node want = o.attrs.get(attr);
        check(op == (want == null ? 0 : want.address), "%s.%s is 0x%x, model %s", o, attr, op, want);
        if (want != null) {
            m.incref(op);
            model.incRef(want);
            store(dst, want);
        }
    }

    void weakrefGet(int dst, int weakref) {
        Node w = slots[weakref];
        if (w == null) {
            return;
        }
        if (w.kind != Kind.WEAKREF) {
            expectError("TypeError", () -> m.weakrefGet(w.address));
            return;
        }
        long op = m.weakrefGet(w.address);
        if (w.target != null && op == w.target.address) {
            m.incref(op);
            model.incRef(w.target);
            store(dst, w.target);
        }
    }

    void dup(int dst, int src) {
        Node n = slots[src];
        if (n == null) {
            return;
        }
        m.incref(n.address);
        model.incRef(n);
        store(dst, n);
    }

    void drop(int slot) {
        store(slot, null);
    }

    void delRoot(int root) {
        boolean removed = m.delRoot("g" + root);
        Node old = roots[root];
        check(removed == (old != null), "delRoot(g%d) returned %s", root, removed);
        if (old != null) {
            roots[root] = null;
            model.decRef(old);
        }
    }

    void listPop(int dst, int list, int index) {
        Node l = slots[list];
        if (l == null) {
            return;
        }
        if (l.kind != Kind.LIST) {
            expectError("TypeError", () -> m.listPop(l.address, index));
            return;
        }
        int j = normalise(index, l.items.size());
        if (j < 0 || j >= l.items.size()) {
            expectError("IndexError", () -> m.listPop(l.address, index));
            return;
        }
        long op = m.listPop(l.address, index);
        Node item = l.items.remove(j);
        check(op == item.address, "%s.pop(%d) gave 0x%x, model %s", l, index, op, item);
        store(dst, item);
    }

    void listClear(int list) {
        Node l = slots[list];
        if (l == null) {
            return;
        }
        if (l.kind != Kind.LIST) {
            expectError("TypeError", () -> m.listClear(l.address));
            return;
        }
        m.listClear(l.address);
        List<Node> items = new ArrayList<>(l.items);
        l.items.clear();
        for (int i = items.size() - 1; i >= 0; i--) {
            model.decRef(items.get(i));
        }
    }

    void dictDel(int dict, int key) {
        Node d = slots[dict];
        Node k = slots[key];
        if (d == null || k == null || unmodelledKey(k)) {
            return;
        }
        if (d.kind != Kind.DICT || k.kind.unhashable()) {
            expectError("TypeError", () -> m.dictDel(d.address, k.address));
            return;
        }
        boolean removed = m.dictDel(d.address, k.address);
        Node[] entry = d.entries.remove(k.key());
        check(removed == (entry != null), "del %s[%s] returned %s", d, k, removed);
        if (entry != null) {
            model.decRef(entry[0]);
            model.decRef(entry[1]);
        }
    }

    void dictClear(int dict) {
        Node d = slots[dict];
        if (d == null) {
            return;
        }
        if (d.kind != Kind.DICT) {
            expectError("TypeError", () -> m.dictClear(d.address));
            return;
        }
        m.dictClear(d.address);
        List<Node[]> entries = new ArrayList<>(d.entries.values());
        d.entries.clear();
        for (Node[] kv : entries) {
            model.decRef(kv[0]);
            model.decRef(kv[1]);
        }
    }

    void setDiscard(int set, int item) {
        Node s = slots[set];
        Node i = slots[item];
        if (s == null || i == null || unmodelledKey(i)) {
            return;
        }
        if (s.kind != Kind.SET || i.kind.unhashable()) {
            expectError("TypeError", () -> m.setDiscard(s.address, i.address));
            return;
        }
        boolean removed = m.setDiscard(s.address, i.address);
        Node old = s.members.remove(i.key());
        check(removed == (old != null), "%s.discard(%s) returned %s", s, i, removed);
        if (old != null) {
            model.decRef(old);
        }
    }

    void delAttr(int object, int name) {
        Node o = slots[object];
        if (o == null) {
            return;
        }
        String attr = ATTRIBUTES.get(name);
        if (!o.kind.instance()) {
            expectError("AttributeError", () -> m.delAttr(o.address, attr));
            return;
        }
        boolean removed = m.delAttr(o.address, attr);
        Node old = o.attrs.remove(attr);
        check(removed == (old != null), "del %s.%s returned %s", o, attr, removed);
        if (old != null) {
            model.decRef(old);
        }
    }

    void collect(int generation) {
        m.collect(generation);
        fullCollection = generational && generation == 2;
    }
}
