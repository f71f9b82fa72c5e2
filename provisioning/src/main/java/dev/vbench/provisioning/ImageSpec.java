package dev.vbench.provisioning;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The base guest image. With {@code kernel} (and usually {@code initrd} and {@code cmdline}) the guest boots
 * that kernel directly; with {@code disk} alone it boots from the disk. {@code hostKey} is the guest's SSH
 * host public key line ({@code ssh-ed25519 AAAA...}) recorded when the image was built, or {@code null}.
 */
public record ImageSpec(Path disk, Path kernel, Path initrd, String cmdline, String hostKey) {
    public ImageSpec {
        Objects.requireNonNull(disk, "disk");
        if (kernel == null && (initrd != null || cmdline != null)) {
            throw new IllegalArgumentException("image.initrd and image.cmdline need image.kernel");
        }
    }

    public boolean directKernelBoot() {
        return kernel != null;
    }
}
