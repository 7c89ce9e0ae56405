package org.pymemlab.runtime.property;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a random program should have done to the heap, computed without looking at the heap: the objects the
 * program made (by address), the references between them, their reference counts, and so what is garbage. Cached
 * objects (small ints, one-character strings …) are recognised by CPython's rules, not by asking the interner.
 *
 * <p>Objects made inside the runtime that the program never sees (an instance's {@code __dict__}, attribute-name
 * strings, root-name strings) are not modelled; the property checks them as "reachable only from what the model
 * calls garbage".
 */
final class HeapModel {

    enum Kind {
        INT, FLOAT, STR, BYTES, TUPLE, LIST, DICT, SET, FROZENSET, PLAIN_INSTANCE, SLOTS_INSTANCE, CLASS, WEAKREF;

        boolean weakrefable() {
            return this == SET || this == FROZENSET || this == PLAIN_INSTANCE;
        }

        /** list, dict and set: hash() raises TypeError. */
        boolean unhashable() {
            return this == LIST || this == DICT || this == SET;
        }

        /** Hashable kinds whose equality the model knows: used as dict keys and set items. */
        boolean modelKey() {
            return this == INT || this == STR || this == BYTES || this == PLAIN_INSTANCE || this == SLOTS_INSTANCE;
        }

        boolean instance() {
            return this == PLAIN_INSTANCE || this == SLOTS_INSTANCE;
        }

        String typeName(String plainClass, String slotsClass) {
            return switch (this) {
                case INT -> "int";
                case FLOAT -> "float";
                case STR -> "str";
                case BYTES -> "bytes";
                case TUPLE -> "tuple";
                case LIST -> "list";
                case DICT -> "dict";
                case SET -> "set";
                case FROZENSET -> "frozenset";
                case PLAIN_INSTANCE -> plainClass;
                case SLOTS_INSTANCE -> slotsClass;
                case CLASS -> "type";
                case WEAKREF -> "weakref";
            };
        }
    }

    /** Equality of dict keys and set items as Python has it for the model's key kinds. */
    record Key(Kind group, Object value) {
    }

    static final class Node {
        final long address;
        final Kind kind;
        final Object value;
        boolean isStatic;
        long rc;
        boolean dead;
        boolean internerHeld;
        final List<Node> items = new ArrayList<>();
        final LinkedHashMap<Key, Node[]> entries = new LinkedHashMap<>();
        final LinkedHashMap<Key, Node> members = new LinkedHashMap<>();
        final LinkedHashMap<String, Node> attrs = new LinkedHashMap<>();
        Node cls;
        Node target;
        boolean callback;
        final List<Node> weakrefs = new ArrayList<>();

        Node(long address, Kind kind, Object value, boolean isStatic) {
            this.address = address;
            this.kind = kind;
            this.value = value;
            this.isStatic = isStatic;
            this.rc = isStatic ? 0 : 1;
        }

        Key key() {
            return switch (kind) {
                case INT, STR, BYTES -> new Key(kind, value);
                default -> new Key(Kind.CLASS, this); // identity
            };
        }

        void forEachChild(java.util.function.Consumer<Node> action) {
            items.forEach(action);
            for (Node[] kv : entries.values()) {
                action.accept(kv[0]);
                action.accept(kv[1]);
            }
            members.values().forEach(action);
            attrs.values().forEach(action);
            if (cls != null) {
                action.accept(cls);
            }
        }

        @Override
        public String toString() {
            return String.format("%s@0x%x%s", kind, address, value == null ? "" : "(" + value + ")");
        }
    }

    private final boolean cpythonInterning;
    private final boolean internedImmortal;
    /** The profile's startup-interned-chars: one-character strings 3.11/3.12 intern at start-up as objects of their own. */
    private final String startupInternedChars;
    private final Map<Long, Node> byAddress = new HashMap<>();
    private final Map<String, Node> internTable = new HashMap<>();
    /** Weakrefs whose target died since the last {@link #takeClearedWeakrefs()}. */
    private final List<Node> clearedWeakrefs = new ArrayList<>();

    HeapModel(boolean cpythonInterning, boolean internedImmortal, String startupInternedChars) {
        this.cpythonInterning = cpythonInterning;
        this.internedImmortal = internedImmortal;
        this.startupInternedChars = startupInternedChars;
    }

    /** CPython's caches (pycore_global_objects.h): small ints, '' and latin-1 characters, b'' and single bytes, (). */
    boolean cachedByRule(Kind kind, Object value) {
        if (!cpythonInterning) {
            return false;
        }
        return switch (kind) {
            case INT -> ((BigInteger) value).compareTo(BigInteger.valueOf(-5)) >= 0
                    && ((BigInteger) value).compareTo(BigInteger.valueOf(256)) <= 0;
            case STR -> {
                String s = (String) value;
                yield s.isEmpty() || (s.codePointCount(0, s.length()) == 1 && s.codePointAt(0) < 256);
            }
            case BYTES -> ((String) value).length() <= 1;
            case TUPLE -> Boolean.TRUE.equals(value);
            default -> false;
        };
    }

    Node get(long address) {
        return byAddress.get(address);
    }

    Iterable<Node> nodes() {
        return byAddress.values();
    }

    /**
     * The runtime returned {@code address} as a new reference for a creation of {@code kind}. Returns the node
     * now owning that reference (a cached or reused object's node, or a fresh one).
     *
     * @param mayReuse the runtime may hand out an object the model already knows (cached values, a weakref reused)
     */
    Node created(long address, Kind kind, Object value, boolean mayReuse,
            java.util.function.Supplier<Set<Node>> garbageNow) {
        Node existing = byAddress.get(address);
        if (existing != null) {
            Set<Node> garbage = garbageNow.get();
            if (existing.isStatic || (mayReuse && existing.kind == kind && !garbage.contains(existing))) {
                incRef(existing);
                return existing;
            }
            if (garbage.contains(existing)) {
                // the collector freed it during this step and the runtime reused the memory
                collected(List.of(existing));
            } else {
                throw new AssertionError(String.format("the runtime returned 0x%x for a new %s, but %s is alive there",
                        address, kind, existing));
            }
        }
        Node node = new Node(address, kind, value, cachedByRule(kind, value));
        byAddress.put(address, node);
        return node;
    }

    void incRef(Node n) {
        if (!n.isStatic) {
            n.rc++;
        }
    }

    void decRef(Node n) {
        if (n.isStatic) {
            return;
        }
        if (n.rc <= 0 || n.dead) {
            throw new AssertionError("model: decref of " + n + " with rc " + n.rc);
        }
        n.rc--;
        if (n.rc == 0) {
            free(n);
        }
    }

    private void free(Node n) {
        n.dead = true;
        byAddress.remove(n.address);
        if (n.internerHeld) {
            internTable.remove((String) n.value, n);
        }
        for (Node w : List.copyOf(n.weakrefs)) {
            w.target = null;
            clearedWeakrefs.add(w);
        }
        n.weakrefs.clear();
        if (n.target != null) {
            n.target.weakrefs.remove(n);
            n.target = null;
        }
        List<Node> children = new ArrayList<>();
        n.forEachChild(children::add);
        n.items.clear();
        n.entries.clear();
        n.members.clear();
        n.attrs.clear();
        n.cls = null;
        for (Node c : children) {
            decRef(c);
        }
    }

    /** The collector freed these (garbage) nodes: they die, and what they referred to loses a reference. */
    void collected(List<Node> nodes) {
        List<Node> children = new ArrayList<>();
        for (Node n : nodes) {
            if (n.dead) {
                continue;
            }
            n.dead = true;
            byAddress.remove(n.address);
            for (Node w : List.copyOf(n.weakrefs)) {
                w.target = null;
                clearedWeakrefs.add(w);
            }
            n.weakrefs.clear();
            if (n.target != null) {
                n.target.weakrefs.remove(n);
                n.target = null;
            }
            n.forEachChild(children::add);
            n.items.clear();
            n.entries.clear();
            n.members.clear();
            n.attrs.clear();
            n.cls = null;
        }
        for (Node c : children) {
            if (!c.dead) {
                decRef(c);
            }
        }
    }

    /**
     * sys.intern(s): the canonical string, adopted by the interner the first time (held and immortal in 3.12,
     * uncounted and mortal in 3.11 and 3.13). {@code answer} is
     * the runtime's: the model cannot know the address of an object start-up interned, and learns it from the
     * first answer for that character (later ones must agree).
     */
    Node intern(Node s, long answer) {
        if (!cpythonInterning) {
            return s;
        }
        if (s.isStatic && !s.internerHeld && cachedByRule(Kind.STR, s.value)) {
            String v = (String) s.value;
            if (v.length() == 1 && startupInternedChars.indexOf(v.charAt(0)) >= 0) {
                return internTable.computeIfAbsent(v, k -> startupInterned(answer, s));
            }
            return s;
        }
        Node canonical = internTable.get((String) s.value);
        if (canonical != null) {
            return canonical;
        }
        internTable.put((String) s.value, s);
        s.internerHeld = true;
        if (internedImmortal) {
            s.isStatic = true; // held, counted, and immortal
        } // else mortal: the table's reference is not counted, and the string leaves it when freed
        return s;
    }

    /** The object start-up interned for a singleton's character: static, held by the interner, not the singleton. */
    private Node startupInterned(long address, Node singleton) {
        if (address == singleton.address || byAddress.containsKey(address)) {
            throw new AssertionError(String.format(
                    "intern(%s) gave 0x%x, but start-up interned an object of its own for that character", singleton, address));
        }
        Node n = new Node(address, Kind.STR, singleton.value, true);
        n.internerHeld = true;
        byAddress.put(address, n);
        return n;
    }

    List<Node> takeClearedWeakrefs() {
        List<Node> out = List.copyOf(clearedWeakrefs);
        clearedWeakrefs.clear();
        return out;
    }

    /** Alive, non-static nodes unreachable from the given roots (and from what the interner holds). */
    Set<Node> garbage(Iterable<Node> roots) {
        Set<Node> marked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> work = new ArrayDeque<>();
        for (Node r : roots) {
            if (r != null) {
                work.push(r);
            }
        }
        for (Node n : byAddress.values()) {
            if (n.isStatic) { // statics, and what the interner holds counted (3.12's immortal interned strings)
                work.push(n);
            }
        }
        while (!work.isEmpty()) {
            Node n = work.pop();
            if (marked.add(n)) {
                n.forEachChild(work::push);
            }
        }
        Set<Node> garbage = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : byAddress.values()) {
            if (!marked.contains(n)) {
                garbage.add(n);
            }
        }
        return garbage;
    }

    Set<Long> addresses() {
        return new HashSet<>(byAddress.keySet());
    }
}
