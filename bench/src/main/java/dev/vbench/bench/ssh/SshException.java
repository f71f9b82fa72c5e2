package dev.vbench.bench.ssh;

/**
 * Something between vbench and a guest failed: the kinds are the subclasses (guest unreachable, host key
 * mismatch, authentication refused, session lost, remote command failed or timed out). The message is meant for
 * the user and names the guest; a command line maps all of them to the "remote command" exit status.
 */
public abstract class SshException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the guest
     * @param cause   the underlying library error, or {@code null}
     */
    protected SshException(String message, Throwable cause) {
        super(message, cause);
    }
}
