package dev.vbench.bench.image;

import dev.vbench.bench.plan.PlanImage;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.provisioning.Overlay;
import dev.vbench.provisioning.ProvisioningException;
import java.nio.file.Path;

/**
 * The check of a plan's explicit image before anything is written or booted: its disk, the data disk and host
 * key beside it, its kernel and initrd, and the disk's backing chain must all pass {@link ImageRoots} (and
 * {@link BackingChain}). The lab's default image is the lab's own and needs no check here.
 */
public final class ImageCheck {
    private static final String FIX_PLAN = "fix image: in the plan";

    private ImageCheck() {
    }

    /**
     * @throws RunInputException     when a file is refused (exit 2)
     * @throws ProvisioningException when a file is missing or qemu-img cannot run (exit 3)
     */
    public static void require(PlanImage image, ImageRoots roots, BackingChain.Inspector inspector) {
        if (image.isLabDefault()) {
            return;
        }
        Path disk = roots.check("image.disk", image.disk(), FIX_PLAN);
        String format;
        try {
            format = Overlay.formatOf(disk);
        } catch (IllegalArgumentException e) {
            throw ImageRoots.refused("image.disk", disk, "does not say its format; name a qcow2 image *.qcow2 and a"
                    + " raw one *.raw");
        }
        roots.check("image.disk (its data disk)", disk.resolveSibling(Overlay.DATA_BASE_FILE),
                "put the raw data disk fio measures there");
        roots.check("image.disk (its host key)", disk.resolveSibling(PlanImage.HOST_KEY_FILE),
                "put the guest's SSH host public key there (vbench never accepts unknown keys)");
        if (image.kernel() != null) {
            roots.check("image.kernel", image.kernel(), FIX_PLAN);
        }
        if (image.initrd() != null) {
            roots.check("image.initrd", image.initrd(), FIX_PLAN);
        }
        BackingChain.check("image.disk", disk, format, roots, inspector);
    }
}
