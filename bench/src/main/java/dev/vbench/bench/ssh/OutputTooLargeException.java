package dev.vbench.bench.ssh;

/**
 * A command in the guest printed more on standard output than vbench keeps ({@link GuestShell#MAX_STDOUT_BYTES}):
 * no tool report is that large, so the output is not one. Like a timeout, the harness cut the command off (a KILL
 * signal requested, its channel closed), so there is no exit status and nothing to judge as a measurement:
 * {@link #result()} holds no standard output, only the tail of standard error. A run records the measurement as
 * failed and goes on; anywhere else it is a remote command failure (exit status 4).
 */
public final class OutputTooLargeException extends RemoteCommandException {
    private static final long serialVersionUID = 1L;

    /**
     * @param target  the guest
     * @param command the command line as sent
     * @param limit   the bytes of standard output kept at most
     * @param partial what was kept: the tail of standard error, exit status -1
     */
    public OutputTooLargeException(SshTarget target, String command, int limit, CommandResult partial) {
        super("command on " + target + " printed more than " + size(limit) + " on standard output, more than any"
                + " tool report, and was stopped: " + command.replaceAll("\\R", " ")
                + (partial.stderrTail(3).isEmpty() ? "" : "; stderr: " + partial.stderrTail(3).replace("\n", " | "))
                + "; check what the command prints", command, partial);
    }

    /** {@code 64 MiB}, {@code 16 KiB} or {@code 100 bytes}. */
    static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
