package dev.vbench.bench.workload;

import dev.vbench.bench.plan.Iperf3Spec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds iperf3 command lines. Pure: nothing runs here.
 *
 * <p>The server is one-off ({@code -1}): the orchestrator starts a fresh server for every measurement and it
 * exits after that one test, so a test that went wrong cannot leave a busy or stuck server behind for the next
 * repetition. {@code --idle-timeout} makes a server that never gets its client exit by itself (checked with
 * iperf 3.12: with {@code -1} it exits with status 0 after the idle time; a running test is not cut by it).
 * {@code --forceflush} makes it print {@code Server listening on PORT} at once even into a pipe: wait for that
 * line before starting the client. Do not probe the port with a plain TCP connect: a one-off server counts that
 * connection as its one client and exits.
 */
public final class Iperf3Command {
    /** Default time a one-off server waits for its client before exiting. */
    public static final Duration DEFAULT_SERVER_IDLE_TIMEOUT = Duration.ofSeconds(120);
    /** Client's limit for setting up the control connection ({@code --connect-timeout}). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /** A name whose last label is all digits would be read as a (bad) IPv4 address. */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(.*\\.)?[0-9]+");

    private Iperf3Command() {
    }

    /**
     * The client command, run in the guest.
     *
     * @param job        the run
     * @param serverHost address (IPv4, IPv6) or host name of the server
     * @param port       server port, 1..65535
     * @return {@code iperf3 -c HOST -p PORT -t N -P n [-R] [-u] [-b RATE] [-O n] --connect-timeout MS -J}
     */
    public static List<String> clientArgv(Iperf3Spec job, String serverHost, int port) {
        checkHost(serverHost);
        checkPort(port);
        List<String> argv = new ArrayList<>(List.of("iperf3", "-c", serverHost, "-p", Integer.toString(port),
                "-t", Long.toString(job.durationSeconds()), "-P", Integer.toString(job.streams())));
        if (job.reverse()) {
            argv.add("-R");
        }
        if (job.udp()) {
            argv.add("-u");
        }
        if (job.bitrateBitsPerS() != null) {
            argv.add("-b");
            argv.add(Long.toString(job.bitrateBitsPerS()));
        }
        if (job.omitSeconds() > 0) {
            argv.add("-O");
            argv.add(Long.toString(job.omitSeconds()));
        }
        argv.add("--connect-timeout");
        argv.add(Long.toString(CONNECT_TIMEOUT.toMillis()));
        argv.add("-J");
        return List.copyOf(argv);
    }

    /**
     * The one-off server command with the default idle timeout, run on the host (inside the lab's network
     * namespace).
     *
     * @param bindAddress address to listen on (IPv4, IPv6 or host name), e.g. the lab bridge's address
     * @param port        port, 1..65535
     * @return {@code iperf3 -s -B ADDR -p PORT -1 --idle-timeout 120 --forceflush}
     */
    public static List<String> serverArgv(String bindAddress, int port) {
        return serverArgv(bindAddress, port, DEFAULT_SERVER_IDLE_TIMEOUT);
    }

    /**
     * The one-off server command.
     *
     * @param bindAddress address to listen on
     * @param port        port, 1..65535
     * @param idleTimeout how long the server waits for its client before exiting, whole seconds, 1 s .. 1 h
     * @return {@code iperf3 -s -B ADDR -p PORT -1 --idle-timeout S --forceflush}
     */
    public static List<String> serverArgv(String bindAddress, int port, Duration idleTimeout) {
        checkHost(bindAddress);
        checkPort(port);
        long seconds = idleTimeout.getSeconds();
        if (idleTimeout.getNano() != 0 || seconds < 1 || seconds > 3_600) {
            throw new IllegalArgumentException("iperf3 server idle timeout " + idleTimeout
                    + " must be whole seconds between 1 s and 1 h");
        }
        return List.of("iperf3", "-s", "-B", bindAddress, "-p", Integer.toString(port), "-1", "--idle-timeout",
                Long.toString(seconds), "--forceflush");
    }

    private static void checkHost(String host) {
        boolean name = host != null && HOST_NAME.matcher(host).matches() && !NUMERIC_LAST_LABEL.matcher(host).matches();
        if (host == null || host.length() > 253 || !(IPV4.matcher(host).matches() || IPV6.matcher(host).matches()
                || name)) {
            throw new IllegalArgumentException("iperf3 host '" + host
                    + "' is not valid (expected an IPv4 or IPv6 address or a host name)");
        }
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("iperf3 port " + port + " is out of range 1..65535");
        }
    }
}
