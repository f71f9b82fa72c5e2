package dev.vbench.bench.ssh;

/** The guest refused the client key (or the key file cannot be used). Never retried. */
public final class SshAuthenticationException extends SshException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the guest, the user and the key file
     * @param cause   the library's error
     */
    public SshAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
