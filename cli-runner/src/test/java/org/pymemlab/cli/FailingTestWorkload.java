package org.pymemlab.cli;

import com.typesafe.config.Config;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.workloads.Workload;

/** A test-only workload that fails the way a bug would, to check how the command reports internal errors. */
public final class FailingTestWorkload implements Workload {

    @Override
    public String id() {
        return "test-failing-workload";
    }

    @Override
    public String description() {
        return "test only: throws IllegalStateException";
    }

    @Override
    public String configPath() {
        return "";
    }

    @Override
    public void run(Mutator mutator, Config config) {
        throw new IllegalStateException("boom");
    }
}
