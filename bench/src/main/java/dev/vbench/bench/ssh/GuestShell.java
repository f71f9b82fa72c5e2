package dev.vbench.bench.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An SSH session to one guest, for running commands in it. Thin adapter over JSch; open with {@link #connect},
 * close with {@link #close} (try-with-resources).
 *
 * <p>Security: authentication with one private key only; the server must present exactly the expected host key
 * ({@link SshTarget#hostKey()}), anything else is refused with {@link HostKeyMismatchException}. No key is ever
 * learned or accepted on first use.
 *
 * <p>Commands are argument lists, quoted by {@link ShellQuote} into the one command string SSH carries. Their
 * standard input is empty; standard output and error are read while the command runs, so neither can fill up and
 * stall it. Standard output is kept whole up to {@link #MAX_STDOUT_BYTES} (a tool's JSON report is far smaller):
 * a command that prints more is killed and fails with {@link OutputTooLargeException}. Of standard error the last
 * {@link #STDERR_TAIL_BYTES} are kept, enough for the lines that explain a failure.
 */
public final class GuestShell implements AutoCloseable {
    /** Pause between connection attempts while the guest boots. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);
    /** Upper limit of one connection attempt (TCP connect plus SSH handshake and authentication). */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final int KEEPALIVE_MILLIS = 15_000;
    private static final int KEEPALIVE_COUNT_MAX = 4;
    /** Standard output kept at most, 64 MiB: more fails the command (and the measurement it was). */
    public static final int MAX_STDOUT_BYTES = 64 << 20;
    /** Standard error kept at most, its last 64 KiB. */
    public static final int STDERR_TAIL_BYTES = 64 << 10;

    /** How long the jump host (a hypervisor host, up already) may take to answer. */
    private static final Duration JUMP_TIMEOUT = Duration.ofSeconds(30);

    private final SshTarget target;
    private final Session session;
    private final GuestShell jump;
    private final int maxStdout;
    private final int stderrTail;

    private GuestShell(SshTarget target, Session session, GuestShell jump, int maxStdout, int stderrTail) {
        this.target = target;
        this.session = session;
        this.jump = jump;
        this.maxStdout = maxStdout;
        this.stderrTail = stderrTail;
    }

    /**
     * Opens a session, retrying every 2 s while the guest is not reachable yet (connection
     * refused, timed out or reset are normal while it boots) until {@code bootTimeout} has passed.
     *
     * @param target      the guest, the login and the expected host key
     * @param bootTimeout how long to keep trying
     * @return the open session
     * @throws HostKeyMismatchException   at once, when the guest presents another host key
     * @throws SshAuthenticationException at once, when the key file is unusable or the guest refuses the key
     * @throws GuestUnreachableException  when no attempt succeeded before the timeout (or the thread was
     *                                    interrupted; its interrupt flag is then set again)
     */
    public static GuestShell connect(SshTarget target, Duration bootTimeout) {
        return connect(target, bootTimeout, MAX_STDOUT_BYTES, STDERR_TAIL_BYTES);
    }

    /** {@link #connect(SshTarget, Duration)} with other bounds on the output kept (for tests). */
    static GuestShell connect(SshTarget target, Duration bootTimeout, int maxStdout, int stderrTail) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(bootTimeout, "bootTimeout");
        if (target.jump() == null) {
            return connect(target, null, bootTimeout, maxStdout, stderrTail);
        }
        GuestShell jump = connect(target.jump(), JUMP_TIMEOUT, maxStdout, stderrTail);
        try {
            return connect(target, jump, bootTimeout, maxStdout, stderrTail);
        } catch (RuntimeException e) {
            jump.close();
            throw e;
        }
    }

    /**
     * Opens the session to {@code target}, directly or, with {@code jump}, through a port forwarded by the jump
     * host's session to the target's address (listening on this machine's loopback only).
     */
    private static GuestShell connect(SshTarget target, GuestShell jump, Duration bootTimeout, int maxStdout,
            int stderrTail) {
        String host = target.host();
        int port = target.port();
        if (jump != null) {
            try {
                port = jump.session.setPortForwardingL("127.0.0.1", 0, target.host(), target.port());
                host = "127.0.0.1";
            } catch (JSchException e) {
                throw new SshSessionException("cannot forward a port through " + target.jump() + " to "
                        + target.host() + ":" + target.port() + ": " + e.getMessage(), e);
            }
        }
        JSch jsch = new JSch();
        try {
            jsch.addIdentity(target.privateKey().toString());
        } catch (JSchException e) {
            throw new SshAuthenticationException("cannot use the SSH private key " + target.privateKey() + ": "
                    + e.getMessage() + " (expected an unencrypted OpenSSH private key file)", e);
        }
        PinnedHostKeyRepository hostKeys = new PinnedHostKeyRepository(target.hostKey());
        jsch.setHostKeyRepository(hostKeys);
        long start = System.nanoTime();
        long deadline = start + bootTimeout.toNanos();
        int attempts = 0;
        JSchException last = null;
        while (true) {
            attempts++;
            long remainingMillis = Math.max(1_000, (deadline - System.nanoTime()) / 1_000_000);
            Session session = null;
            try {
                session = jsch.getSession(target.user(), host, port);
                session.setHostKeyAlias(target.host());
                session.setConfig("StrictHostKeyChecking", "yes");
                session.setConfig("PreferredAuthentications", "publickey");
                session.setConfig("server_host_key", SshRefusals.hostKeyAlgorithms(target.hostKey().type()));
                session.setServerAliveInterval(KEEPALIVE_MILLIS);
                session.setServerAliveCountMax(KEEPALIVE_COUNT_MAX);
                session.setDaemonThread(true);
                session.connect((int) Math.min(remainingMillis, ATTEMPT_TIMEOUT.toMillis()));
                return new GuestShell(target, session, jump, maxStdout, stderrTail);
            } catch (JSchException e) {
                if (session != null) {
                    session.disconnect();
                }
                SshRefusals.checkPermanent(target, hostKeys, e);
                last = e;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new GuestUnreachableException("cannot reach " + target + " over SSH: " + attempts
                        + " attempts in " + (System.nanoTime() - start) / 1_000_000_000 + " s (boot timeout "
                        + bootTimeout.toSeconds() + " s), last error: " + last.getMessage()
                        + "; check that the guest booted and got this address", last);
            }
            try {
                Thread.sleep(Math.max(1, Math.min(RETRY_INTERVAL.toMillis(), remaining / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GuestUnreachableException("interrupted while connecting to " + target, e);
            }
        }
    }

    /**
     * Runs a command and requires exit status 0.
     *
     * @param argv    program and arguments, quoted with {@link ShellQuote#join}
     * @param timeout limit for the whole command
     * @return its result, exit status 0
     * @throws RemoteCommandException        when it exits non-zero or without exit status
     * @throws RemoteCommandTimeoutException when it runs longer than {@code timeout}
     * @throws OutputTooLargeException       when it prints more than {@link #MAX_STDOUT_BYTES}
     * @throws SshSessionException           when the session fails meanwhile
     */
    public CommandResult exec(List<String> argv, Duration timeout) {
        String command = ShellQuote.join(argv);
        CommandResult result = run(command, timeout);
        if (result.exitStatus() != 0) {
            throw new RemoteCommandException(target, command, result);
        }
        return result;
    }

    /**
     * Runs a command and returns whatever exit status it had (for tools such as fio that explain their failure
     * on standard output).
     *
     * @param argv    program and arguments
     * @param timeout limit for the whole command
     * @return its result, any exit status
     * @throws RemoteCommandTimeoutException when it runs longer than {@code timeout}
     * @throws OutputTooLargeException       when it prints more than {@link #MAX_STDOUT_BYTES}
     * @throws SshSessionException           when the session fails meanwhile
     */
    public CommandResult execAnyStatus(List<String> argv, Duration timeout) {
        return run(ShellQuote.join(argv), timeout);
    }

    /**
     * Starts a command whose standard output is handed over line by line as it arrives, for a command that runs
     * until the guest dies under it (the durability writer). The lines go to {@code lines} on the thread that
     * waits in {@link LineStream#awaitEnd}; the stream ends when the command exits or the session dies, or is
     * abandoned with {@link LineStream#close}.
     *
     * @param argv  program and arguments
     * @param lines receives each complete line of standard output, without its line feed
     * @return the running command; close it (try-with-resources)
     * @throws SshSessionException when the command cannot be started
     */
    public LineStream stream(List<String> argv, Consumer<String> lines) {
        return LineStream.start(target, session, ShellQuote.join(argv), lines, stderrTail);
    }

    /**
     * Runs a fixed, trusted shell snippet with {@code sh -c}, the snippet passed as one quoted argument. Only for
     * text written in vbench's code (e.g. collecting device evidence), never for text from a plan or a user.
     *
     * @param script  the snippet, e.g. {@code "cat /sys/block/vdb/queue/rotational; ls /dev/disk/by-path"}
     * @param timeout limit for the whole snippet
     * @return its result, exit status 0
     * @throws RemoteCommandException when it exits non-zero or times out
     */
    public CommandResult execScript(String script, Duration timeout) {
        return exec(List.of("sh", "-c", script), timeout);
    }

    /**
     * Reads a text file in the guest (through {@code cat}).
     *
     * @param path    absolute path in the guest
     * @param timeout limit
     * @return the content, UTF-8 decoded
     * @throws RemoteCommandException when the file cannot be read
     */
    public String readFile(String path, Duration timeout) {
        return exec(List.of("cat", "--", path), timeout).stdout();
    }

    /** @return the guest this session is connected to */
    public SshTarget target() {
        return target;
    }

    /** @return whether the session is still open */
    public boolean isConnected() {
        return session.isConnected();
    }

    /** Closes the session (and the jump host's); running commands are cut off. Idempotent. */
    @Override
    public void close() {
        session.disconnect();
        if (jump != null) {
            jump.close();
        }
    }

    private CommandResult run(String command, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        BoundedCapture out = BoundedCapture.head(maxStdout);
        BoundedCapture err = BoundedCapture.tail(stderrTail);
        ChannelExec channel = ExecChannels.open(target, session, command);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try {
            channel.setOutputStream(out);
            channel.setErrStream(err);
            channel.connect((int) Math.max(1, Math.min(timeout.toMillis(), CHANNEL_OPEN_TIMEOUT.toMillis())));
            long pause = 1;
            while (!channel.isClosed() && !out.overflowed()) {
                if (System.nanoTime() - deadline >= 0) {
                    ExecChannels.kill(channel);
                    throw new RemoteCommandTimeoutException(target, command, timeout,
                            result(-1, out, err, start));
                }
                if (!session.isConnected()) {
                    throw new SshSessionException("lost the SSH connection to " + target + " while running: "
                            + command, null);
                }
                Thread.sleep(pause);
                pause = Math.min(50, pause * 2);
            }
            if (out.overflowed()) {
                ExecChannels.kill(channel);
                throw new OutputTooLargeException(target, command, maxStdout,
                        new CommandResult(-1, "", err.text(), Duration.ofNanos(System.nanoTime() - start)));
            }
        } catch (JSchException e) {
            throw new SshSessionException("cannot run a command on " + target + ": " + e.getMessage() + " ("
                    + command + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshSessionException("interrupted while running on " + target + ": " + command, e);
        } finally {
            channel.disconnect();
        }
        return result(channel.getExitStatus(), out, err, start);
    }

    private static CommandResult result(int exitStatus, BoundedCapture out, BoundedCapture err, long start) {
        return new CommandResult(exitStatus, out.text(), err.text(), Duration.ofNanos(System.nanoTime() - start));
    }
}
