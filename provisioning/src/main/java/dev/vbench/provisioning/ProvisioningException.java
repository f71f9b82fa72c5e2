package dev.vbench.provisioning;

import java.util.Objects;

/**
 * A VM could not be provisioned or torn down: a libvirt call failed, an overlay could not be created or deleted,
 * a guest did not get an address in time. The message names the operation and carries the underlying tool's own
 * error text (libvirt's message, qemu-img's last output lines), e.g.
 * {@code start domain 'vbench-r1-virtio-wb': internal error: process exited while connecting to monitor: ...}.
 * The command line maps it to exit code 3 (provisioning/lab).
 */
public final class ProvisioningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String detail;

    /**
     * @param operation what vbench was doing, e.g. {@code define domain 'x'}
     * @param detail    the underlying error text (libvirt's message, a tool's output)
     * @param cause     the original exception, or {@code null}
     */
    public ProvisioningException(String operation, String detail, Throwable cause) {
        super(Objects.requireNonNull(operation, "operation") + ": " + Objects.requireNonNull(detail, "detail"), cause);
        this.operation = operation;
        this.detail = detail;
    }

    /** A failure without an underlying exception, e.g. a timeout. */
    public ProvisioningException(String operation, String detail) {
        this(operation, detail, null);
    }

    /** What vbench was doing when it failed. */
    public String operation() {
        return operation;
    }

    /** The underlying error text, e.g. libvirt's own message. */
    public String detail() {
        return detail;
    }
}
