package org.pymemlab.cli.badinput;

import static org.pymemlab.cli.badinput.Pymem.assertRejected;

import org.junit.jupiter.api.Test;

/** An unknown plugin id on any axis: the key, the value, and the ids there are. */
class UnknownPluginIdTest {

    @Test
    void unknownAllocator() {
        assertRejected("pymem.allocator = jemalloc: one of obmalloc, system",
                "run", "--workload", "mixed-small", "--allocator", "jemalloc");
    }

    @Test
    void unknownCollector() {
        assertRejected("pymem.collector = nope: one of generational, refcount-only",
                "run", "--workload", "mixed-small", "--collector", "nope");
    }

    @Test
    void unknownInterningThroughSet() {
        assertRejected("pymem.interning = big: one of cpython, none",
                "run", "--workload", "mixed-small", "--set", "pymem.interning=big");
    }

    @Test
    void unknownAllocatorInACompareList() {
        assertRejected("pymem.allocator = nope: one of obmalloc, system",
                "compare", "--workload", "mixed-small", "--allocator", "obmalloc,nope", "--no-fork", "-q");
    }
}
