package org.pymemlab.runtime;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Objects still allocated but unreachable from the roots (and from the references the interner, the
 * collector's {@code garbage} and the runtime's singletons hold): cyclic garbage under a collector that does
 * not collect cycles, or references a program forgot to release.
 *
 * @param objects how many objects
 * @param bytes their {@code sys.getsizeof}, summed
 * @param byType object counts per type name
 */
public record LeakReport(long objects, long bytes, Map<String, Long> byType) {

    public LeakReport {
        byType = Map.copyOf(requireNonNull(byType, "byType is null"));
    }
}
