package dev.vbench.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A thin overlay that exists on the local disk; {@link #close()} deletes it. Create overlays in a
 * try-with-resources before the domain that uses them, so they are deleted after it is undefined:
 * <pre>{@code
 * try (OverlayFile root = OverlayFile.create(spec.rootOverlaySpec());
 *      OverlayFile data = OverlayFile.create(spec.dataOverlaySpec());
 *      RunningDomain vm = provisioner.start(spec)) { ... }
 * }</pre>
 * Overlays are created with the local {@code qemu-img}: with a remote libvirt URI the paths must be on storage
 * that host shares.
 */
public final class OverlayFile implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Overlay overlay;
    private boolean closed;

    private OverlayFile(Overlay overlay) {
        this.overlay = overlay;
    }

    /**
     * Creates the overlay with {@code qemu-img create}. Refuses to overwrite an existing file (qemu-img would,
     * silently).
     *
     * @throws ProvisioningException when the backing file is missing, the overlay exists or qemu-img fails
     */
    public static OverlayFile create(Overlay overlay) {
        Objects.requireNonNull(overlay, "overlay");
        String op = "create overlay " + overlay.path();
        if (!Files.isRegularFile(overlay.backing())) {
            throw new ProvisioningException(op, "backing file " + overlay.backing() + " does not exist; build the"
                    + " image first (scripts/lab image)");
        }
        if (Files.exists(overlay.path(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ProvisioningException(op, "file already exists (left over from an earlier run?); delete it or"
                    + " run vbench cleanup");
        }
        try {
            Files.createDirectories(overlay.path().getParent());
        } catch (IOException e) {
            throw new ProvisioningException(op, "cannot create directory: " + e, e);
        }
        HostCommand.run(QemuImg.createOverlay(overlay), TIMEOUT);
        return new OverlayFile(overlay);
    }

    /** What was created. */
    public Overlay overlay() {
        return overlay;
    }

    /** The overlay file. */
    public Path path() {
        return overlay.path();
    }

    /** Deletes the overlay file; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(overlay.path());
        } catch (IOException e) {
            throw new ProvisioningException("delete overlay " + overlay.path(), e.toString(), e);
        }
    }
}
