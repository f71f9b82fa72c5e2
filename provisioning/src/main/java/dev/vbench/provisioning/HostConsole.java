package dev.vbench.provisioning;

import java.nio.file.Path;

/**
 * A serial console log file that a domain writes into vbench's storage pool on the libvirt host, read back through
 * libvirt ({@link Provisioner#openConsole}); {@link #close()} deletes it (idempotent). Open it before the domain that
 * writes it, so it is deleted after the domain is undefined.
 */
public interface HostConsole extends AutoCloseable {
    /** The file's path on the host, for the domain's {@code <log file=...>}. */
    Path path();

    /**
     * The end of the log as text: at most its last {@code maxBytes} bytes, empty while the domain has written
     * nothing yet.
     */
    String read(int maxBytes);

    /** Deletes the log file. */
    @Override
    void close();
}
