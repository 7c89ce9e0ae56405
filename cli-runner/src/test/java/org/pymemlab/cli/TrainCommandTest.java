package org.pymemlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code pymem train}, the launcher's AOT training run: both of its runs complete. */
class TrainCommandTest {

    @Test
    void runsTheWorkloadAndTheBundledProgramToTheEnd() {
        CliRun run = CliRun.of("train");
        assertEquals(0, run.status(), run::toString);
        // The workload runs with --report none and prints nothing; the program prints its checksum last.
        assertTrue(run.out().matches("\\d+\n"), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void isHiddenFromTheUsage() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("run") && !run.out().contains("train"), run::toString);
    }
}
