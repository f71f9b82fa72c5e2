package dev.vbench.bench.ssh;

import java.util.Objects;

/**
 * A command in the guest exited with a non-zero status (or without one, killed by a signal). Carries the status,
 * the command and the last lines of its standard error; the complete result stays available, e.g. to let a tool's
 * own error report on standard output be parsed. The message is one line: status, command, and the stderr tail
 * joined with {@code " | "}.
 */
public class RemoteCommandException extends SshException {
    private static final long serialVersionUID = 1L;
    /** How many lines of standard error the message and {@link #stderrTail()} keep. */
    public static final int TAIL_LINES = 20;

    private final String command;
    private final transient CommandResult result;

    /**
     * @param target  the guest
     * @param command the command line as sent
     * @param result  what it returned
     */
    public RemoteCommandException(SshTarget target, String command, CommandResult result) {
        super(message(target, command, result), null);
        this.command = command;
        this.result = Objects.requireNonNull(result, "result");
    }

    /** For subclasses with their own message. */
    RemoteCommandException(String message, String command, CommandResult result) {
        super(message, null);
        this.command = command;
        this.result = Objects.requireNonNull(result, "result");
    }

    /** @return the remote exit status, -1 when there was none (signal) */
    public int exitStatus() {
        return result.exitStatus();
    }

    /** @return the command line as sent to the guest */
    public String command() {
        return command;
    }

    /** @return the last {@value #TAIL_LINES} non-blank lines of standard error */
    public String stderrTail() {
        return result.stderrTail(TAIL_LINES);
    }

    /** @return everything the command returned */
    public CommandResult result() {
        return result;
    }

    private static String message(SshTarget target, String command, CommandResult result) {
        String status = result.exitStatus() < 0 ? "without exit status (killed by a signal?)"
                : "with exit status " + result.exitStatus();
        String tail = result.stderrTail(TAIL_LINES);
        return "command on " + target + " failed " + status + ": " + command.replaceAll("\\R", " ")
                + (tail.isEmpty() ? " (no stderr)" : "; stderr: " + tail.replace("\n", " | "));
    }
}
