package dev.vbench.bench.run;

import dev.vbench.bench.plan.PlanImage;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.RunOwner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where the local lab keeps its state ({@code VBENCH_HOME}, default {@code /var/lib/vbench}), as laid out by
 * {@code scripts/lab}: the lab's SSH key, the default image and the pool of per-run overlays.
 */
public record LabHome(Path root) {
    public static final String ENV = "VBENCH_HOME";
    public static final Path DEFAULT = Path.of("/var/lib/vbench");

    /** {@code -Dvbench.home}, else {@code $VBENCH_HOME}, else {@code /var/lib/vbench}. */
    public static LabHome fromEnvironment() {
        String env = System.getProperty("vbench.home", System.getenv(ENV));
        return new LabHome(env == null || env.isBlank() ? DEFAULT : Path.of(env));
    }

    public Path sshKey() {
        return root.resolve("ssh/id_ed25519");
    }

    /** Where images lie: the lab's, and any other a plan may name without {@code --allow-images}. */
    public Path images() {
        return root.resolve("images");
    }

    public Path defaultImageDir() {
        return images().resolve("default");
    }

    /** Directory of the run locks ({@link RunLock}). */
    public Path runs() {
        return root.resolve("runs");
    }

    /**
     * This home on this machine, as the run tags of its domains name it: the digests of the home's real path and of
     * the machine's identity (see {@link RunOwner}). A home that does not exist yet is taken by its absolute path.
     *
     * @throws ProvisioningException when the machine has no identity (no machine id and no host name)
     */
    public RunOwner owner() {
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root.toAbsolutePath().normalize();
        }
        return RunOwner.of(real, MachineIdentity.read());
    }

    /** Directory of the thin overlays of running variants. */
    public Path pool() {
        return root.resolve("pool");
    }

    /**
     * The image a plan asks for, with the guest host key to verify. The lab's default image must have been built
     * by {@code scripts/lab up}; an explicit image needs a {@code host_key.pub} beside its disk.
     */
    public ImageSpec resolveImage(PlanImage image) {
        if (image.isLabDefault()) {
            Path dir = pinnedDefaultImageDir();
            return ImageLayout.read(dir).toImageSpec(dir, true);
        }
        for (Path p : new Path[] {image.disk(), image.kernel(), image.initrd()}) {
            if (p != null && !Files.isRegularFile(p)) {
                throw new ProvisioningException("find image file " + p, "it does not exist; fix image: in the plan");
            }
        }
        Path hostKey = image.disk().resolveSibling(PlanImage.HOST_KEY_FILE);
        if (!Files.isRegularFile(hostKey)) {
            throw new ProvisioningException("find the image's SSH host key", hostKey
                    + " is missing; put the guest's host public key there (vbench never accepts unknown keys)");
        }
        return image.toImageSpec(read(hostKey));
    }

    /**
     * The image directory {@code images/default} names now, so that a run keeps booting the image it started with
     * when {@code scripts/lab image} rebuilds the image under it (the link then names the new one; a run that
     * followed it booted guests whose host key it refused). It must be a directory of this home's images.
     *
     * @throws ProvisioningException when there is no default image, or the link leads out of {@code images/}
     */
    Path pinnedDefaultImageDir() {
        Path link = defaultImageDir();
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            return link; // no image yet: ImageLayout names the fix (scripts/lab up)
        }
        try {
            if (!Files.isDirectory(real) || !images().toRealPath().equals(real.getParent())) {
                throw new ProvisioningException("find the lab's image", link + " leads to " + real
                        + ", not to an image directory beside it; rebuild it with scripts/lab image");
            }
        } catch (IOException e) {
            throw new ProvisioningException("find the lab's image", "cannot read " + images() + ": " + e.getMessage());
        }
        return real;
    }

    /**
     * The lab's private key must be a regular file (not a link) of the user running vbench, readable by nobody else.
     *
     * @throws ProvisioningException when it is missing, a link, another user's, or readable by group or others
     */
    public void requireSshKey() {
        Path key = sshKey();
        if (!Files.isRegularFile(key, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProvisioningException("find the lab's SSH key", key
                    + (Files.isSymbolicLink(key) ? " is a symbolic link; put the key file itself there"
                    : " is missing; create it with: scripts/lab up"));
        }
        try {
            String owner = Files.getOwner(key, LinkOption.NOFOLLOW_LINKS).getName();
            String user = System.getProperty("user.name");
            if (!owner.equals(user)) {
                throw new ProvisioningException("check the lab's SSH key", key + " belongs to " + owner
                        + ", not to " + user + " who runs vbench; run: chown " + user + " " + key);
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(key, LinkOption.NOFOLLOW_LINKS);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                throw new ProvisioningException("check the lab's SSH key", key + " is open to others (mode "
                        + PosixFilePermissions.toString(mode) + "); run: chmod 600 " + key);
            }
        } catch (IOException e) {
            throw new ProvisioningException("check the lab's SSH key", key + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ProvisioningException("read " + file, e.getMessage() + "; rebuild with scripts/lab up", e);
        }
    }
}
