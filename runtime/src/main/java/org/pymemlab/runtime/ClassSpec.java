package org.pymemlab.runtime;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link Mutator#newClass} builds: a class with a name, and either a {@code __dict__} (no slots) or the
 * given {@code __slots__}, optionally with a finalizer ({@code __del__}).
 *
 * @param name the class name
 * @param slots the {@code __slots__} names, or null for a class whose instances have a {@code __dict__}
 *     and accept weak references
 * @param finalizer the {@code __del__} of the class, or null
 * @param struct for a class that stands for a built-in type laid out as a C struct (the exceptions), its
 *     fields; null for a class laid out as type_new lays it out
 */
public record ClassSpec(String name, List<String> slots, ObjectFinalizer finalizer, Struct struct, boolean weakrefSlot,
        boolean dictSlot) {

    public ClassSpec {
        requireNonNull(name, "name is null");
        slots = slots == null ? null : List.copyOf(slots);
    }

    public ClassSpec(String name, List<String> slots, ObjectFinalizer finalizer) {
        this(name, slots, finalizer, null, false, false);
    }

    public ClassSpec(String name, List<String> slots, ObjectFinalizer finalizer, Struct struct) {
        this(name, slots, finalizer, struct, false, false);
    }

    /**
     * This class with {@code __weakref__} among its {@code __slots__}: its instances take weak references, with
     * the list head after the slots (3.11) or in the pre-header (3.12+), as type_new adds it.
     */
    public ClassSpec withWeakrefSlot() {
        return new ClassSpec(name, slots, finalizer, struct, true, dictSlot);
    }

    /**
     * This class with {@code __dict__} among its {@code __slots__}: its instances have a (managed) dict besides
     * the slots, and no weak reference list unless {@code __weakref__} is a slot too.
     */
    public ClassSpec withDictSlot() {
        return new ClassSpec(name, slots, finalizer, struct, weakrefSlot, true);
    }

    /**
     * The C struct of a built-in type whose instances have a {@code __dict__} pointer inside the object (a
     * positive tp_dictoffset) and reference fields, as {@code PyBaseExceptionObject}: with no base, the dict
     * pointer follows the object header and the fields follow it; with a base made from a struct, the fields
     * follow the base's {@code basicsize}. Bytes up to {@code basicsize} after the fields are the type's raw
     * data (zeroed). The dict is a plain dict made on first use; instances take no weak references. tp_traverse
     * and tp_clear take a struct's own fields before its base's, the root's dict first; the class, which stands
     * for a static type, is not visited (a class derived from a struct class visits itself, as subtype_traverse
     * does, after its own slots).
     *
     * @param fields names of the reference fields, in struct order; a name the program can spell is read and
     *     written as an attribute by {@link Mutator#getAttr}/{@link Mutator#setAttr}
     * @param basicsize tp_basicsize
     * @param visitOrder the fields in the order tp_traverse visits them (each once), or null for struct order
     */
    public record Struct(List<String> fields, int basicsize, List<String> visitOrder) {

        public Struct {
            fields = List.copyOf(fields);
            visitOrder = visitOrder == null ? fields : List.copyOf(visitOrder);
            if (!new java.util.HashSet<>(visitOrder).equals(new java.util.HashSet<>(fields)) || visitOrder.size() != fields.size()) {
                throw new IllegalArgumentException("visitOrder must list each field once: " + visitOrder);
            }
        }

        public Struct(List<String> fields, int basicsize) {
            this(fields, basicsize, null);
        }
    }

    /** A class standing for a built-in type laid out as {@code struct}. */
    public static ClassSpec struct(String name, Struct struct) {
        return new ClassSpec(name, List.of(), null, requireNonNull(struct, "struct is null"));
    }

    /** {@code class NAME: pass}. */
    public static ClassSpec plain(String name) {
        return new ClassSpec(name, null, null);
    }

    /** {@code class NAME: __slots__ = (...)}. */
    public static ClassSpec withSlots(String name, String... slots) {
        return new ClassSpec(name, List.of(slots), null);
    }

    /** This class with a {@code __del__}. */
    public ClassSpec withFinalizer(ObjectFinalizer finalizer) {
        return new ClassSpec(name, slots, requireNonNull(finalizer, "finalizer is null"), struct, weakrefSlot, dictSlot);
    }

    public boolean hasDict() {
        return slots == null || struct != null || dictSlot;
    }
}
