package org.pymemlab.cli.badinput;

import static org.pymemlab.cli.badinput.Pymem.assertRejected;

import org.junit.jupiter.api.Test;

/** An unknown profile: the key, the value, and the profiles there are. */
class UnknownProfileTest {

    private static final String LINE = "pymem.profile = cpython-2.7: one of cpython-3.11, cpython-3.12, cpython-3.13";

    @Test
    void runWithUnknownProfile() {
        assertRejected(LINE, "run", "--workload", "mixed-small", "--profile", "cpython-2.7");
    }

    @Test
    void configWithUnknownProfile() {
        assertRejected(LINE, "config", "--set", "pymem.profile=cpython-2.7");
    }
}
