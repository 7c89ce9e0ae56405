package org.pymemlab.cli.badinput;

import static org.pymemlab.cli.badinput.Pymem.assertRejected;

import org.junit.jupiter.api.Test;

/** A setting of the wrong type: the key, the value as written, and what is allowed. */
class WrongTypeTest {

    @Test
    void stringForAnInteger() {
        assertRejected("pymem.hash-seed = \"abc\": an integer from 0 to 4294967295",
                "run", "--workload", "mixed-small", "--set", "pymem.hash-seed=abc");
    }

    @Test
    void listForAnInteger() {
        assertRejected("pymem.workloads.mixed-small.rounds = [1]: an integer from 0 to 2147483647",
                "run", "--workload", "mixed-small", "--set", "pymem.workloads.mixed-small.rounds=[1]");
    }

    @Test
    void booleanForAMemorySize() {
        assertRejected("pymem.obmalloc.pool-size = true: a memory size such as 16 KiB",
                "run", "--workload", "mixed-small", "--set", "pymem.obmalloc.pool-size=true");
    }
}
