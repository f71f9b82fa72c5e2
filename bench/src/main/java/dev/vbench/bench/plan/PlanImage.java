package dev.vbench.bench.plan;

import dev.vbench.provisioning.ImageSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * The guest image a plan asks for: the lab's default image ({@code image: default}, all fields {@code null}), or
 * explicit paths. With {@code kernel} the guest boots that kernel directly; with {@code disk} alone it boots from
 * the disk. Beside an explicit disk lie its data disk ({@code data.raw}) and {@value #HOST_KEY_FILE}. Relative
 * paths in a plan file are resolved against the plan file's directory.
 */
public record PlanImage(Path disk, Path kernel, Path initrd, String cmdline) {
    /** The guest's SSH host public key, beside an explicit image's disk. */
    public static final String HOST_KEY_FILE = "host_key.pub";
    private static final PlanImage LAB_DEFAULT = new PlanImage(null, null, null, null);
    private static final List<String> KEYS = List.of("disk", "kernel", "initrd", "cmdline");
    private static final String DEFAULT = "default";
    private static final String EXPECTED = "a mapping {disk: PATH, kernel: PATH, initrd: PATH, cmdline: TEXT}";

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

    /** Reads a plan's {@code image} section: {@code default}, or a mapping of paths and a kernel command line. */
    static PlanImage read(PlanNode node) {
        if (node.isValue()) {
            if (node.text().equals(DEFAULT)) {
                return labDefault();
            }
            throw node.error("unknown value " + OneLine.quote(node.text()) + " (valid: default, or " + EXPECTED + ")");
        }
        PlanNode m = node.map("'default' or " + EXPECTED).allowKeys(KEYS);
        Path disk = m.required("disk", "the qcow2 image to clone").toPath();
        Path kernel = m.get("kernel").map(PlanNode::toPath).orElse(null);
        Path initrd = m.get("initrd").map(PlanNode::toPath).orElse(null);
        String cmdline = m.get("cmdline").map(PlanImage::cmdline).orElse(null);
        return m.build(() -> new PlanImage(disk, kernel, initrd, cmdline));
    }

    private static String cmdline(PlanNode node) {
        String cmdline = node.text();
        if (cmdline.length() > 1024 || cmdline.chars().anyMatch(Character::isISOControl)) {
            throw node.error("must be one line of at most 1024 characters");
        }
        return cmdline;
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
