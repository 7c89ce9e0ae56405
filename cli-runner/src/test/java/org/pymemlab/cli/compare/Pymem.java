package org.pymemlab.cli.compare;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;
import org.pymemlab.cli.CliEnvironment;
import org.pymemlab.cli.PymemCommand;

/** One in-process run of {@code pymem}, with what it printed. */
record Pymem(int status, String out, String err) {

    static Pymem run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PymemCommand.execute(args, new PrintWriter(out), new PrintWriter(err),
                new CliEnvironment(Pymem.class.getClassLoader(), new Properties()));
        return new Pymem(status, out.toString(), err.toString());
    }

    Pymem ok() {
        if (status != 0) {
            throw new AssertionError("pymem failed: " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
