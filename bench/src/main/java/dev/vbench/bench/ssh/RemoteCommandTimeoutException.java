package dev.vbench.bench.ssh;

import java.time.Duration;

/**
 * A command in the guest did not finish within its timeout. Its channel was closed (and a KILL signal requested);
 * {@link #result()} holds the output received until then, with exit status -1.
 */
public final class RemoteCommandTimeoutException extends RemoteCommandException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * @param target  the guest
     * @param command the command line as sent
     * @param timeout the limit that ran out
     * @param partial output received before the timeout
     */
    public RemoteCommandTimeoutException(SshTarget target, String command, Duration timeout, CommandResult partial) {
        super("command on " + target + " timed out after " + timeout.toMillis() + " ms: "
                + command.replaceAll("\\R", " "), command, partial);
        this.timeout = timeout;
    }

    /** @return the limit that ran out */
    public Duration timeout() {
        return timeout;
    }
}
