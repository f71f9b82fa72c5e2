package dev.vbench.bench.plan;

import dev.vbench.provisioning.ImageSpec;
import java.nio.file.Path;

/**
 * The guest image a plan asks for: the lab's default image ({@code image: default}, all fields {@code null}), or
 * explicit paths. With {@code kernel} the guest boots that kernel directly; with {@code disk} alone it boots from
 * the disk. Relative paths in a plan file are resolved against the plan file's directory.
 */
public record PlanImage(Path disk, Path kernel, Path initrd, String cmdline) {
    private static final PlanImage LAB_DEFAULT = new PlanImage(null, null, null, null);

    public PlanImage {
        if (disk == null && (kernel != null || initrd != null || cmdline != null)) {
            throw new InvalidSpecException("disk", "required when kernel, initrd or cmdline is given");
        }
        if (kernel == null && initrd != null) {
            throw new InvalidSpecException("initrd", "needs kernel (direct kernel boot)");
        }
        if (kernel == null && cmdline != null) {
            throw new InvalidSpecException("cmdline", "needs kernel (direct kernel boot)");
        }
    }

    /** {@code image: default}: whatever image the lab was built with. */
    public static PlanImage labDefault() {
        return LAB_DEFAULT;
    }

    public boolean isLabDefault() {
        return disk == null;
    }

    /** The image as the provisioning module takes it, with the guest's recorded SSH host key (or {@code null}). */
    public ImageSpec toImageSpec(String hostKey) {
        if (isLabDefault()) {
            throw new IllegalStateException("image: default must be resolved to the lab's image first");
        }
        return new ImageSpec(disk, kernel, initrd, cmdline, hostKey);
    }
}
