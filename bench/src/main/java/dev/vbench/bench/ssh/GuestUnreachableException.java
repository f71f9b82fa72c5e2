package dev.vbench.bench.ssh;

/** No SSH session could be opened before the boot timeout ran out (refused, timed out, reset...). */
public final class GuestUnreachableException extends SshException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the guest, the time waited and the last failure
     * @param cause   the last connection failure
     */
    public GuestUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
