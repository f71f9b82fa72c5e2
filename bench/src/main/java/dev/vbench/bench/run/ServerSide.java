package dev.vbench.bench.run;

import dev.vbench.bench.ssh.CommandResult;
import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.bench.ssh.RemoteCommandException;
import dev.vbench.bench.ssh.ShellQuote;
import dev.vbench.bench.ssh.SshTarget;
import dev.vbench.results.OutputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the one-shot iperf3 server of a network workload runs: on this machine (the local lab, whose namespace the
 * harness runs in) or on the guest's remote hypervisor host, started and stopped over SSH. Either way the server is
 * stopped and its files removed when the returned handle closes; its log is kept in the run directory.
 */
@FunctionalInterface
interface ServerSide {
    /** How long a server may take to listen. */
    Duration READY = Duration.ofSeconds(10);

    /**
     * Starts the server {@code argv} (from {@code Iperf3Command.serverArgv}) and returns once it listens.
     *
     * @param log where its output goes (on the remote host: copied here when it stops)
     */
    AutoCloseable start(List<String> argv, Path log) throws IOException;

    /** A server on this machine, its pid in {@code pidFile} so that {@link Leftovers} can stop it. */
    static ServerSide local(Path pidFile) {
        return (argv, log) -> {
            List<String> server = new ArrayList<>(argv);
            server.addAll(List.of("--pidfile", pidFile.toString()));
            return HostProcess.start(server, log, "Server listening", READY);
        };
    }

    /**
     * A server on the hypervisor host {@code host}, daemonised there with its pid and log in
     * {@code /tmp/vbench-iperf3-RUN.*} (the run's own names, removed again when it stops).
     */
    static ServerSide remote(SshTarget host, String runId) {
        String base = "/tmp/vbench-iperf3-" + runId;
        String pid = ShellQuote.quote(base + ".pid");
        String logFile = ShellQuote.quote(base + ".log");
        return (argv, log) -> {
            List<String> server = new ArrayList<>(argv);
            server.addAll(List.of("--pidfile", base + ".pid", "--logfile", base + ".log", "-D"));
            String script = "rm -f " + pid + " " + logFile + " && " + ShellQuote.join(server)
                    + " && i=0; while [ $i -lt 100 ]; do grep -q 'Server listening' " + logFile
                    + " 2>/dev/null && exit 0; i=$((i+1)); sleep 0.1; done; echo 'the iperf3 server did not listen"
                    + " within 10 s' >&2; cat " + logFile + " >&2; exit 1";
            try (GuestShell shell = GuestShell.connect(host, READY)) {
                shell.execScript(script, READY.plusSeconds(5));
            }
            return () -> {
                String stop = "cat " + logFile + " 2>/dev/null; if [ -f " + pid + " ]; then kill $(cat " + pid
                        + ") 2>/dev/null; fi; rm -f " + pid + " " + logFile;
                try (GuestShell shell = GuestShell.connect(host, READY)) {
                    CommandResult r = shell.execScript(stop, READY);
                    OutputFiles.replace(log, r.stdout());
                } catch (RemoteCommandException e) {
                    throw new IOException("cannot stop the iperf3 server on " + host + ": " + e.getMessage(), e);
                }
            };
        };
    }
}
