package org.pymemlab.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** Bad input: exactly one line on standard error, {@code pymem: } and the line, status 2, nothing on standard out. */
    static void assertRejected(String expectedLine, String... args) {
        Pymem run = run(args);
        assertEquals(2, run.status(), run::toString);
        assertEquals("pymem: " + expectedLine + "\n", run.err(), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
