package org.pymemlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;

/** One in-process run of the command, with what it printed. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        return withProperties(new Properties(), args);
    }

    static CliRun withProperties(Properties systemProperties, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PymemCommand.execute(args, new PrintWriter(out), new PrintWriter(err),
                new CliEnvironment(CliRun.class.getClassLoader(), systemProperties));
        return new CliRun(status, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
