package org.pymemlab.cli.badinput;

import static org.pymemlab.cli.badinput.Pymem.assertRejected;

import org.junit.jupiter.api.Test;

/** {@code --set} that is not {@code key=value}, or whose value is not HOCON. */
class SetSyntaxTest {

    @Test
    void noEqualsSign() {
        assertRejected("--set pymem.allocator: expected key=value, e.g. --set pymem.allocator=obmalloc",
                "run", "--workload", "mixed-small", "--set", "pymem.allocator");
    }

    @Test
    void noKey() {
        assertRejected("--set =obmalloc: expected key=value, e.g. --set pymem.allocator=obmalloc",
                "run", "--workload", "mixed-small", "--set", "=obmalloc");
    }

    @Test
    void valueNotHocon() {
        assertRejected("--set pymem.allocator=[: not a HOCON value (List should have ] or a first element after the open [,"
                        + " instead had token: end of file (if you want end of file to be part of a string value, then"
                        + " double-quote it))",
                "run", "--workload", "mixed-small", "--set", "pymem.allocator=[");
    }
}
