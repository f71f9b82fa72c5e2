package dev.vbench.bench.cli;

import dev.vbench.bench.plan.PlanException;
import dev.vbench.bench.run.OutputException;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.bench.run.VariantCheckException;
import dev.vbench.bench.ssh.SshException;
import dev.vbench.bench.workload.InvalidMeasurementException;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.results.ResultsInputException;
import dev.vbench.bench.run.HarnessVersion;
import java.io.PrintWriter;
import dev.vbench.results.history.HistoryDatabaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code vbench} command line. Use {@link #commandLine()} (also in tests): it installs the
 * handlers that turn a user's mistake into one line {@code vbench: <message>} on stderr and exit code
 * {@link ExitCode#CONFIG}, and only a bug in vbench into a stack trace and {@link ExitCode#INTERNAL}.
 */
@Command(name = "vbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Boots VM variants through libvirt, runs fio and iperf3 in them and tests tuning claims.",
        subcommands = {PlanCommand.class, RunCommand.class, AnalyzeCommand.class, CompareCommand.class,
            HistoryCommand.class, GateCommand.class, NightlyCommand.class, ImportCommand.class, DoctorCommand.class,
            CleanupCommand.class, ImageCommand.class})
public final class Main implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Picocli instantiates the command through this constructor. */
    public Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The {@code vbench} command with all subcommands and the exit-code handlers. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setParameterExceptionHandler(new UsageErrorHandler());
        cmd.setExecutionExceptionHandler(new FailureHandler());
        return cmd;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a command (e.g. vbench plan --plan FILE)");
    }

    /** One line to stderr of the command that failed: {@code vbench: message}. */
    static void printError(CommandLine cmd, String message) {
        PrintWriter err = cmd.getErr();
        err.println("vbench: " + oneLine(message));
        err.flush();
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Command-line mistakes (unknown option, missing argument): one line and {@link ExitCode#CONFIG}. */
    static final class UsageErrorHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            printError(cmd, ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return ExitCode.CONFIG;
        }
    }

    /** Maps the typed exceptions of vbench to exit codes; anything else is a bug and keeps its stack trace. */
    static final class FailureHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            int code = exitCodeOf(ex);
            if (code != ExitCode.INTERNAL) {
                printError(cmd, ex.getMessage());
                return code;
            }
            if (ex instanceof ParameterException pe) {
                return new UsageErrorHandler().handleParseException(pe, new String[0]);
            }
            PrintWriter err = cmd.getErr();
            err.println("vbench: internal error (a bug in vbench; please report it with this trace):");
            ex.printStackTrace(err);
            err.flush();
            return ExitCode.INTERNAL;
        }
    }

    /** The exit status of each kind of failure; {@link ExitCode#INTERNAL} for anything else (a bug). */
    static int exitCodeOf(Exception ex) {
        if (ex instanceof PlanException || ex instanceof RunInputException || ex instanceof ResultsInputException) {
            return ExitCode.CONFIG;
        }
        if (ex instanceof ProvisioningException || ex instanceof VariantCheckException) {
            return ExitCode.PROVISIONING;
        }
        if (ex instanceof SshException) {
            return ExitCode.REMOTE_COMMAND;
        }
        if (ex instanceof InvalidMeasurementException) {
            return ExitCode.INVALID_MEASUREMENT;
        }
        if (ex instanceof OutputException) {
            return ExitCode.OUTPUT;
        }
        if (ex instanceof HistoryDatabaseException) {
            return ExitCode.HISTORY;
        }
        return ExitCode.INTERNAL;
    }

    /** {@code vbench --version}: the harness version and commit baked in at build time. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vbench " + HarnessVersion.current()};
        }
    }
}
