package org.pymemlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pymem train}, hidden: the run the {@code pymem} launcher records its JDK 25 AOT cache from. It does
 * one {@code run} of the {@code mixed-small} workload and one of a small bundled Python program
 * ({@code train.py}), so that the cache holds the classes and method profiles of both kinds of run: trained on
 * the workload alone, the interpreter started cold (docs/PERFORMANCE.md, "Python frontend").
 */
@Command(name = "train", hidden = true,
        description = "Exercise a workload run and a Python program run (the launcher's AOT training run).")
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String program;
        try (InputStream in = TrainCommand.class.getResourceAsStream("train.py")) {
            if (in == null) {
                throw new IOException("train.py is missing from the jar");
            }
            program = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var root = spec.root().commandLine();
        int status = root.execute("run", "--workload", "mixed-small", "--report", "none");
        if (status != 0) {
            return status;
        }
        return root.execute("run", "--report", "none", "-c", program);
    }
}
