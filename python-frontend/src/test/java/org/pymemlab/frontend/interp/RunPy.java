package org.pymemlab.frontend.interp;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pymemlab.frontend.PythonProgram;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

/** Runs a .py file on a profile (development aid): {@code RunPy PROFILE FILE}. */
public final class RunPy {

    private RunPy() {
    }

    public static void main(String[] args) throws Exception {
        var config = ConfigLayers.builder(RunPy.class.getClassLoader()).set("pymem.profile", args[0]).build().config();
        int status;
        try (PyRuntime rt = PyRuntime.create(config)) {
            status = PythonProgram.run(rt, Files.readString(Path.of(args[1])), args[1], System.out, System.err);
            if (Boolean.getBoolean("leaks")) {
                System.err.println("leaks: " + rt.leaks() + " live: " + rt.heapStats());
            }
        }
        System.exit(status);
    }
}
