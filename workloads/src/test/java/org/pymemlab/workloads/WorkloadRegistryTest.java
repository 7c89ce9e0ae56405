package org.pymemlab.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.PluginConfigException;

class WorkloadRegistryTest {

    private final WorkloadRegistry registry = WorkloadRegistry.load(getClass().getClassLoader());

    @Test
    void findsTheBuiltInWorkloads() {
        List<String> ids = registry.all().stream().map(Workload::id).toList();
        assertTrue(ids.contains("mixed-small"), ids.toString());
        assertInstanceOf(MixedSmallWorkload.class, registry.get("mixed-small"));
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        var e = assertThrows(PluginConfigException.class, () -> registry.get("nope"));
        assertTrue(e.getMessage().startsWith("--workload = nope: one of "), e.getMessage());
        assertTrue(e.getMessage().contains("mixed-small"), e.getMessage());
        assertEquals("--workload", e.key());
    }
}
