package org.pymemlab.cli.badinput;

import static org.pymemlab.cli.badinput.Pymem.assertRejected;

import org.junit.jupiter.api.Test;

/** Values of the right type that cannot work: negative, too small for their neighbours, not a size. */
class ImpossibleValueTest {

    @Test
    void negativeThreshold() {
        assertRejected("pymem.generational.thresholds = [700, -1, 10]: a list of 3 integers from 0 to 2147483647",
                "run", "--workload", "mixed-small", "--set", "pymem.generational.thresholds=[700,-1,10]");
    }

    @Test
    void arenaSmallerThanAPool() {
        assertRejected("pymem.obmalloc.arena-size = 8 KiB: a power of two from 32768 bytes (2 pools, pool-size = 16384)"
                        + " to 1 GiB (CPython: 1 MiB)",
                "run", "--workload", "mixed-small", "--set", "pymem.obmalloc.arena-size=8 KiB");
    }

    @Test
    void heapLimitThatIsNotASize() {
        assertRejected("pymem.heap.limit = \"12 parsecs\": a size from 0 to 9223372036854775807 bytes, such as 256 KiB",
                "run", "--workload", "mixed-small", "--set", "pymem.heap.limit=12 parsecs");
    }

    @Test
    void negativeHeapLimit() {
        assertRejected("pymem.heap.limit = -1: a size from 0 to 9223372036854775807 bytes, such as 256 KiB",
                "run", "--workload", "mixed-small", "--set", "pymem.heap.limit=-1");
    }

    @Test
    void negativeWorkloadParameter() {
        assertRejected("pymem.workloads.mixed-small.rounds = -3: an integer from 0 to 2147483647",
                "run", "--workload", "mixed-small", "--set", "pymem.workloads.mixed-small.rounds=-3");
    }
}
