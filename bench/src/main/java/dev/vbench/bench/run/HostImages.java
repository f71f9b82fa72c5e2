package dev.vbench.bench.run;

import dev.vbench.bench.plan.PlanImage;
import dev.vbench.provisioning.HostImage;
import dev.vbench.provisioning.ImagePush;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.VolumeNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The guest image of a run on a remote libvirt host, where the image's files must be volumes of vbench's pool: a
 * lab image this harness has (a directory with image.json) is pushed (each file uploaded once, then reused); an
 * image it does not have is found on the host by its recipe hash, the lab's default by the host's default marker.
 */
public final class HostImages {
    private HostImages() {
    }

    /**
     * The image to boot on a remote host with the host's paths, and its identity for run.json.
     *
     * @param spec     the image with the host's paths
     * @param identity its recipe hash and guest kernel
     */
    record Resolved(ImageSpec spec, ImageIdentity identity) {
    }

    /**
     * The image a run boots: the lab's files already resolved for a local host ({@code local}), else the host's
     * volumes ({@link #resolve}).
     */
    static Resolved forRun(ImageSpec local, Provisioner provisioner, LabHome lab, PlanImage image, PrintWriter out) {
        return local != null ? new Resolved(local, null) : resolve(provisioner, lab, image, out);
    }

    /**
     * Resolves {@code image} of a plan on the remote host of {@code provisioner}; see the class comment.
     *
     * @throws ProvisioningException when the host has no such image and this harness cannot push it
     * @throws RunInputException     when the plan names image files without an image.json (no recipe hash)
     */
    static Resolved resolve(Provisioner provisioner, LabHome lab, PlanImage image, PrintWriter out) {
        Path dir;
        if (image.isLabDefault()) {
            dir = lab.defaultImageDir();
            if (!Files.isRegularFile(dir.resolve(ImageLayout.FILE))) {
                HostImage found = provisioner.findImage(VolumeNames.DEFAULT).orElseThrow(() ->
                        new ProvisioningException("find the default image on " + provisioner.uri(), "this harness has"
                                + " no lab image (" + dir + ") and the host has no default image; push one with"
                                + " vbench image push --connect " + provisioner.uri()));
                out.println("image: " + found.hash() + " from " + provisioner.uri() + " (default)");
                return resolved(found);
            }
        } else {
            dir = image.disk().toAbsolutePath().getParent();
            if (dir == null || !Files.isRegularFile(dir.resolve(ImageLayout.FILE), LinkOption.NOFOLLOW_LINKS)) {
                throw new RunInputException("image: " + image.disk() + " has no " + ImageLayout.FILE + " beside it;"
                        + " a remote host (connect: " + provisioner.uri() + ") takes lab images only (built by"
                        + " scripts/lab up, or pushed with vbench image push)");
            }
        }
        ImagePush push = push(provisioner, dir, false);
        out.println("image: " + push.image().hash() + " on " + provisioner.uri() + " (" + push.uploaded().size()
                + " files uploaded, " + push.reused().size() + " reused)");
        return resolved(push.image());
    }

    /**
     * Pushes the lab image in {@code dir} (its image.json names the files; its recipe hash names the volumes).
     *
     * @param makeDefault whether it becomes the host's default image
     */
    public static ImagePush push(Provisioner provisioner, Path dir, boolean makeDefault) {
        ImageLayout layout = ImageLayout.read(dir);
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new ProvisioningException("find image " + dir, e.getMessage(), e);
        }
        String hash = layout.recipeHash();
        if (hash == null || !VolumeNames.HASH.matcher(hash).matches()) {
            throw new ProvisioningException("push image " + real, "image.json has no recipe hash (hex digits);"
                    + " rebuild it with scripts/lab up");
        }
        Map<HostImage.Role, Path> files = new EnumMap<>(HostImage.Role.class);
        layout.files().forEach((role, file) -> files.put(HostImage.Role.ofKey(role), real.resolve(file)));
        files.put(HostImage.Role.DESCRIPTION, real.resolve(ImageLayout.FILE));
        return provisioner.pushImage(hash, files, makeDefault);
    }

    private static Resolved resolved(HostImage image) {
        ImageLayout layout = ImageLayout.parseText(image.description(), image.hash());
        return new Resolved(image.toImageSpec(), new ImageIdentity(image.hash(), layout.guestKernel() == null
                ? ImageIdentity.UNKNOWN : layout.guestKernel()));
    }
}
