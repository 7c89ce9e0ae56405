package org.pymemlab.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The {@code pymem} executable: runs {@link PymemCommand} and exits with its status. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = System.out.charset();
        PrintWriter out = new PrintWriter(System.out, true, charset);
        PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
        int status = PymemCommand.execute(args, out, err, CliEnvironment.ofProcess());
        out.flush();
        err.flush();
        System.exit(status);
    }
}
