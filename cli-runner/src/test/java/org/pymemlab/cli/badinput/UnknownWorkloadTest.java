package org.pymemlab.cli.badinput;

import static org.pymemlab.cli.badinput.Pymem.assertRejected;

import org.junit.jupiter.api.Test;

/** An unknown workload: the value and every workload there is. */
class UnknownWorkloadTest {

    /** The built-in workloads and the failing one of this module's tests, sorted. */
    private static final String KNOWN = "btree, cache-churn, gc-collect, gc-traversal, json-like, list-growth,"
            + " mixed-small, string-dedup, temporaries, test-failing-workload";

    @Test
    void run() {
        assertRejected("--workload = nope: one of " + KNOWN, "run", "--workload", "nope");
    }

    @Test
    void compare() {
        assertRejected("--workload = nope: one of " + KNOWN, "compare", "--workload", "mixed-small,nope", "--no-fork", "-q");
    }
}
