package dev.vbench.bench.run;

import dev.vbench.bench.plan.Workload;
import dev.vbench.bench.ssh.ShellQuote;
import dev.vbench.bench.workload.FioCommand;
import dev.vbench.bench.workload.Iperf3Command;
import dev.vbench.bench.workload.InvalidMeasurementException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of the native ceiling, as argument lists for a {@link HostShell}. Pure: nothing runs here.
 *
 * <p>fio runs the guest's very command line ({@link WorkloadRunner#argv}) on {@link #fioFile a file} in the run's
 * pool directory, beside the overlays, so it measures the storage the guests' disks live on. The file is laid out
 * first by a separate {@code --create_only=1} run, so the measurement's CPU time is the job's, not the layout's.
 * iperf3 runs the guests' client against a one-shot server on the same host address, both on the host, in one
 * shell, the server started first and waited for ({@code Server listening}).
 *
 * <p>Host CPU: each measured command runs under {@code sh -c '"$@"; s=$?; times >&2; exit $s'}, so its standard
 * error ends with the shell's {@code times}: the user and system CPU of the children it waited for, i.e. of fio (or
 * of the iperf3 client: the server is not waited for until after, as a guest's host CPU is its QEMU's, the sender's
 * side, without the server). {@link #childCpuSeconds} reads it back.
 */
final class NativeCommand {
    /** Port of the native iperf3 server, beside the guests' {@link WorkloadRunner#IPERF3_PORT}. */
    static final int IPERF3_PORT = WorkloadRunner.IPERF3_PORT + 1;
    /** How long the native iperf3 server waits for its client. */
    static final Duration SERVER_IDLE = Duration.ofSeconds(30);

    private static final String TIMED = "\"$@\"; s=$?; times >&2; exit $s";
    private static final Pattern TIMES = Pattern.compile("(\\d+)m(\\d+(?:\\.\\d+)?)s\\s+(\\d+)m(\\d+(?:\\.\\d+)?)s");

    private NativeCommand() {
    }

    /** The file fio measures on natively: {@code DIR/native-WORKLOAD.fio}. */
    static Path fioFile(Path dir, Workload workload) {
        return dir.resolve("native-" + workload.name() + ".fio");
    }

    /** The native iperf3 server's log, removed with the measurement: {@code DIR/native-WORKLOAD.iperf3.log}. */
    static Path serverLog(Path dir, Workload workload) {
        return dir.resolve("native-" + workload.name() + ".iperf3.log");
    }

    /** Lays the fio file out (fio's setup phase only, untimed). */
    static List<String> fioLayout(Workload workload, Path file) {
        List<String> argv = new ArrayList<>(FioCommand.argv(workload.name(), workload.fio(), file.toString()));
        argv.add("--create_only=1");
        return List.copyOf(argv);
    }

    /** The measured command: fio on the file, or the iperf3 pair on {@code serverHost}, under {@code times}. */
    static List<String> measured(Workload workload, Path dir, String serverHost) {
        if (workload.fio() != null) {
            return timed(WorkloadRunner.argv(workload, fioFile(dir, workload).toString(), serverHost, false));
        }
        String server = ShellQuote.join(Iperf3Command.serverArgv(serverHost, IPERF3_PORT, SERVER_IDLE));
        String log = ShellQuote.quote(serverLog(dir, workload).toString());
        String script = server + " >" + log + " 2>&1 & srv=$!; i=0; until grep -q 'Server listening' " + log
                + "; do i=$((i+1)); if [ $i -gt 100 ] || ! kill -0 $srv 2>/dev/null; then"
                + " echo 'native iperf3 server did not start' >&2; kill $srv 2>/dev/null; exit 97; fi; sleep 0.1;"
                + " done; \"$@\"; s=$?; times >&2; [ $s -eq 0 ] || kill $srv 2>/dev/null; wait $srv; exit $s";
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(Iperf3Command.clientArgv(workload.iperf3(), serverHost, IPERF3_PORT));
        return List.copyOf(argv);
    }

    /** Removes what a native measurement left: its fio file or server log. */
    static List<String> remove(Workload workload, Path dir) {
        return List.of("rm", "-f", "--", (workload.fio() != null ? fioFile(dir, workload)
                : serverLog(dir, workload)).toString());
    }

    /** {@code argv} under {@code times}. */
    static List<String> timed(List<String> argv) {
        List<String> out = new ArrayList<>(List.of("sh", "-c", TIMED, "sh"));
        out.addAll(argv);
        return List.copyOf(out);
    }

    /**
     * The children's user plus system CPU seconds from the {@code times} output at the end of {@code stderr} (its
     * last pair of times; the pair before is the shell's own).
     *
     * @throws InvalidMeasurementException when there is no {@code times} output
     */
    static double childCpuSeconds(String stderr) {
        Matcher m = TIMES.matcher(stderr);
        double last = Double.NaN;
        int pairs = 0;
        while (m.find()) {
            last = 60 * Long.parseLong(m.group(1)) + Double.parseDouble(m.group(2))
                    + 60 * Long.parseLong(m.group(3)) + Double.parseDouble(m.group(4));
            pairs++;
        }
        if (pairs < 2) {
            throw new InvalidMeasurementException("no CPU times after the native command (expected the shell's"
                    + " 'times' output at the end of its standard error)");
        }
        return last;
    }
}
