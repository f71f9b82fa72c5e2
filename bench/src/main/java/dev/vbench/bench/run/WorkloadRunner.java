package dev.vbench.bench.run;

import dev.vbench.bench.plan.FioSpec;
import dev.vbench.bench.plan.Iperf3Spec;
import dev.vbench.bench.plan.Workload;
import dev.vbench.bench.ssh.CommandResult;
import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.bench.ssh.RemoteCommandException;
import dev.vbench.bench.workload.FioCommand;
import dev.vbench.bench.workload.FioParser;
import dev.vbench.bench.workload.FioResult;
import dev.vbench.bench.workload.InvalidMeasurementException;
import dev.vbench.bench.workload.Iperf3Command;
import dev.vbench.bench.workload.Iperf3Parser;
import dev.vbench.bench.workload.Iperf3Result;
import dev.vbench.bench.workload.Metric;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs one workload inside a guest and turns the tool's output into metrics. The mapping from a plan's workload
 * to the tool's argument list is pure ({@link #argv}); only {@link #run} touches the guest and the host.
 */
public final class WorkloadRunner {
    /** Port of the host-side iperf3 server. */
    public static final int IPERF3_PORT = 5201;
    /** Pid file of the host-side iperf3 server, in the run's pool directory. */
    static final String IPERF3_PID = "iperf3-server.pid";
    /** How long a warm-up run lasts at most: it only wakes caches, page tables and the NIC up. */
    static final Duration WARMUP = Duration.ofSeconds(3);
    /** Slack on top of a tool's own duration before the harness gives up on it (TCG guests are slow to start). */
    static final Duration SLACK = Duration.ofSeconds(90);

    private WorkloadRunner() {
    }

    /**
     * The tool's output and the metrics parsed from it.
     *
     * @param runtime how long the tool measured (fio's {@code job_runtime}, iperf3's receiver seconds)
     */
    public record Outcome(CommandResult result, List<Metric> metrics, Duration runtime) {
    }

    /**
     * The command that runs {@code workload}: fio on {@code device}, or an iperf3 client against
     * {@code serverHost}. A warm-up run is the same command cut to {@link #WARMUP} without ramp time.
     */
    public static List<String> argv(Workload workload, String device, String serverHost, boolean warmup) {
        if (workload.fio() != null) {
            FioSpec fio = warmup ? workload.fio().forWarmup(WARMUP) : workload.fio();
            return FioCommand.argv(workload.name(), fio, device);
        }
        Iperf3Spec iperf3 = warmup ? workload.iperf3().forWarmup(WARMUP) : workload.iperf3();
        return Iperf3Command.clientArgv(iperf3, serverHost, IPERF3_PORT);
    }

    /** How long the workload may take before the harness gives up on it. */
    public static Duration timeout(Workload workload) {
        Duration own = workload.fio() != null ? workload.fio().runtime().plus(workload.fio().rampTime())
                : workload.iperf3().duration().plus(workload.iperf3().omit());
        return own.plus(SLACK);
    }

    /** Parses the tool's output; a tool's failure or an empty measurement is an {@link InvalidMeasurementException}. */
    public static Outcome parse(Workload workload, CommandResult result) {
        Outcome outcome;
        if (workload.fio() != null) {
            FioResult fio = FioParser.parse(result.stdout(), result.stderr());
            outcome = new Outcome(result, fio.metrics(), fio.runtime());
        } else {
            Iperf3Result iperf3 = Iperf3Parser.parse(result.stdout());
            outcome = new Outcome(result, iperf3.metrics(), iperf3.duration());
        }
        if (result.exitStatus() != 0) {
            throw new InvalidMeasurementException((workload.fio() != null ? "fio" : "iperf3") + " exited with status "
                    + result.exitStatus() + ": " + result.stderrTail(3).replace('\n', ' ').trim());
        }
        return outcome;
    }

    /**
     * Runs {@code workload} once in the guest. For iperf3 a one-shot server is started on the host side at
     * {@code serverHost} first, by {@code servers} (this machine or the remote hypervisor host), and stopped
     * afterwards; its log goes to {@code serverLog}.
     */
    static Outcome run(GuestShell shell, Workload workload, String device, String serverHost, boolean warmup,
            Path serverLog, ServerSide servers) throws IOException {
        List<String> argv = argv(workload, device, serverHost, warmup);
        Duration timeout = warmup ? WARMUP.plus(SLACK) : timeout(workload);
        if (workload.fio() != null) {
            CommandResult result = completed(shell, argv, shell.execAnyStatus(argv, timeout));
            return parse(workload, result);
        }
        try (AutoCloseable server = servers.start(Iperf3Command.serverArgv(serverHost, IPERF3_PORT), serverLog)) {
            CommandResult result = completed(shell, argv, shell.execAnyStatus(argv, timeout));
            return parse(workload, result);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot stop the iperf3 server: " + e.getMessage(), e);
        }
    }

    /** A command that ended without an exit status lost its session or its guest: not a measurement at all. */
    private static CommandResult completed(GuestShell shell, List<String> argv, CommandResult result) {
        if (result.exitStatus() < 0) {
            throw new RemoteCommandException(shell.target(), String.join(" ", argv), result);
        }
        return result;
    }
}
