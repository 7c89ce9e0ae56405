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
 */
public record ClassSpec(String name, List<String> slots, ObjectFinalizer finalizer) {

    public ClassSpec {
        requireNonNull(name, "name is null");
        slots = slots == null ? null : List.copyOf(slots);
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
        return new ClassSpec(name, slots, requireNonNull(finalizer, "finalizer is null"));
    }

    public boolean hasDict() {
        return slots == null;
    }
}
