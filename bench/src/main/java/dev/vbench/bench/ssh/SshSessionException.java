package dev.vbench.bench.ssh;

/** An open session failed: the connection dropped, or a channel for a command could not be opened. */
public final class SshSessionException extends SshException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the guest and what was being done
     * @param cause   the library's error
     */
    public SshSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
