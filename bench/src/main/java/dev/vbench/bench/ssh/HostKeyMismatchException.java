package dev.vbench.bench.ssh;

/**
 * The guest presented a host key other than the expected one (or none of the expected type): the connection was
 * refused before authenticating. Never retried.
 */
public final class HostKeyMismatchException extends SshException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the guest, the expected and the presented fingerprints, and what to check
     * @param cause   the library's error, or {@code null}
     */
    public HostKeyMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
