package org.pymemlab.cli;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.Arrays;
import java.util.Properties;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.cli.compare.CellCommand;
import org.pymemlab.cli.compare.CompareCommand;
import org.pymemlab.cli.compare.ReportCommand;
import org.pymemlab.runtime.config.ConfigSourceException;
import org.pymemlab.runtime.plugin.PluginDiscoveryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code pymem} command. Errors a user can fix (a bad option, an unknown plugin id, a setting of the wrong
 * type, an unreadable {@code --config} file, an output path that cannot be written such as {@code --out} naming a
 * file) print one line and exit with status 2; anything else is an internal error, status 1, whose stack trace
 * {@code --debug} shows.
 */
@Command(
        name = "pymem",
        mixinStandardHelpOptions = true,
        versionProvider = PymemCommand.Version.class,
        description = "PyMem Lab: CPython-style memory management, with swappable allocators, collectors and"
                + " interning policies.",
        subcommands = {RunCommand.class, CompareCommand.class, ReportCommand.class, CellCommand.class, ListCommand.class,
            ConfigCommand.class, TrainCommand.class, CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class PymemCommand implements Runnable {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    private boolean debug;

    PymemCommand(CliEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    /** Where plugins, workloads and configuration come from. */
    public CliEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: run, compare, report, list, config or help");
    }

    /** The command line, wired to these streams and this environment. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(new PymemCommand(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /**
     * Parses and runs the arguments.
     *
     * @return the exit status: 0, 1 for an internal error, 2 for a usage or configuration error
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
        CommandLine commandLine = commandLine(out, err, environment);
        // Scanned from the arguments, so that it also works when the error happens before or during parsing.
        boolean debug = Arrays.asList(args).contains("--debug");
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> report(e, err, debug));
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static int report(Exception e, PrintWriter err, boolean debug) {
        if (e instanceof FileSystemException fs) {
            // The file and the system's reason, e.g. "/tmp/out/cells: Not a directory" for --out naming a file.
            err.println("pymem: " + fileProblem(fs));
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitStatus.USAGE;
        }
        if (isUserError(e)) {
            err.println("pymem: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitStatus.USAGE;
        }
        err.println("pymem: internal error: " + e.getClass().getName() + ": " + e.getMessage());
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("(run with --debug for the stack trace)");
        }
        return ExitStatus.INTERNAL_ERROR;
    }

    /** {@code file: reason}, the reason the system's or, for the exceptions that carry none, their meaning. */
    static String fileProblem(FileSystemException e) {
        String reason = e.getReason();
        if (reason == null) {
            reason = switch (e) {
                case java.nio.file.NoSuchFileException x -> "No such file or directory";
                case java.nio.file.AccessDeniedException x -> "Permission denied";
                case java.nio.file.FileAlreadyExistsException x -> "File exists";
                case java.nio.file.NotDirectoryException x -> "Not a directory";
                case java.nio.file.DirectoryNotEmptyException x -> "Directory not empty";
                default -> e.getClass().getSimpleName();
            };
        }
        return e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile()) + ": " + reason;
    }

    private static boolean isUserError(Exception e) {
        return e instanceof PluginConfigException
                || e instanceof ConfigSourceException
                || e instanceof PluginDiscoveryException
                || e instanceof ConfigException;
    }

    /** {@code pymem --version}: the project version, read from the jar, and the JVM it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = PymemCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {
                "pymem " + properties.getProperty("version", "(unknown version)"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
