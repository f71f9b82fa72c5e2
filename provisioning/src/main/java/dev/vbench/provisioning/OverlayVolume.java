package dev.vbench.provisioning;

import java.nio.file.Path;

/**
 * A thin qcow2 overlay kept as a volume of vbench's storage pool on the libvirt host
 * ({@link Provisioner#createOverlay}); {@link #close()} deletes the volume (idempotent; a volume already gone counts
 * as deleted). Create it before the domain that uses it, so it is deleted after the domain is undefined.
 */
public interface OverlayVolume extends AutoCloseable {
    /** The volume's name. */
    String name();

    /** The volume's path on the host, for the domain's {@code <source file=...>}. */
    Path path();

    /** Deletes the volume. */
    @Override
    void close();
}
