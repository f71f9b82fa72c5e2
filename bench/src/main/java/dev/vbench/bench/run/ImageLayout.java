package dev.vbench.bench.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.Overlay;
import dev.vbench.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * A lab image as {@code image.json} describes it: the contract between the image build ({@code scripts/lib/image.sh},
 * which writes it) and the Java, which takes every file name and the data-disk size from it.
 *
 * @param formatVersion  2 since image.json names its files
 * @param recipeHash     hash of the recipe that built the image (its directory name)
 * @param guestKernel    the guest kernel version
 * @param dataSizeBytes  size of the data disk fio measures
 * @param files          file names by role: {@code disk}, {@code kernel}, {@code initrd}, {@code cmdline},
 *                       {@code host_key}, {@code data}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageLayout(int formatVersion, String recipeHash, String guestKernel, long dataSizeBytes,
                          Map<String, String> files) {
    /** The name of the description file in an image directory. */
    public static final String FILE = "image.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final String[] ROLES = {"disk", "kernel", "initrd", "cmdline", "host_key", "data"};

    /**
     * Reads {@code dir/image.json} and checks that every file it names is a regular file in {@code dir} (not a
     * link) that others cannot read: the disk holds the guests' shared SSH host key.
     *
     * @param dir an image directory
     * @return its layout
     * @throws ProvisioningException when image.json or a file it names is missing or malformed, a link, or open
     *                               to others (with the {@code chmod} to run)
     */
    public static ImageLayout read(Path dir) {
        ImageLayout layout = parse(dir);
        for (String role : ROLES) {
            Path file = dir.resolve(layout.files().get(role));
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ProvisioningException("find the lab's guest image", file + (Files.isSymbolicLink(file)
                        ? " is a symbolic link, not the image's own file" : " is missing")
                        + "; build it with: scripts/lab up");
            }
            Set<PosixFilePermission> mode;
            try {
                mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new ProvisioningException("check the lab's guest image", file + ": " + e.getMessage(), e);
            }
            if (mode.stream().anyMatch(p -> p.name().startsWith("OTHERS_"))) {
                throw new ProvisioningException("check the lab's guest image", file + " is open to others (mode "
                        + PosixFilePermissions.toString(mode) + ") and the image holds the guests' SSH host key;"
                        + " run: chmod 640 " + dir + "/* (scripts/lab up sets the image's modes too)");
            }
        }
        return layout;
    }

    /**
     * Reads {@code dir/image.json} without looking at the files it names (for a preview).
     *
     * @param dir an image directory
     * @return its layout
     * @throws ProvisioningException when image.json is missing or malformed
     */
    public static ImageLayout parse(Path dir) {
        Path file = dir.resolve(FILE);
        ImageLayout layout;
        try {
            layout = JSON.readValue(file.toFile(), ImageLayout.class);
        } catch (IOException e) {
            throw new ProvisioningException("read " + file, (Files.exists(file) ? "not a valid image.json ("
                    + e.getMessage().lines().findFirst().orElse("") + ")" : "it is missing")
                    + "; build it with: scripts/lab up", e);
        }
        if (layout.files() == null || layout.formatVersion() < 2) {
            throw new ProvisioningException("read " + file, "image.json of format " + layout.formatVersion()
                    + " names no files; build it with: scripts/lab up");
        }
        for (String role : ROLES) {
            String name = layout.files().get(role);
            if (name == null || name.isEmpty() || name.contains("/") || name.startsWith(".")) {
                throw new ProvisioningException("read " + file, "image.json names no valid " + role
                        + " file; build it with: scripts/lab up");
            }
        }
        if (!layout.files().get("data").equals(Overlay.DATA_BASE_FILE)) {
            throw new ProvisioningException("read " + file, "the data disk must be " + Overlay.DATA_BASE_FILE
                    + " beside the root disk; build it with: scripts/lab up");
        }
        return layout;
    }

    /**
     * Reads the text of an image.json read back from a host ({@code source} names it in errors).
     *
     * @throws ProvisioningException when it is not a valid image.json
     */
    public static ImageLayout parseText(String json, String source) {
        try {
            return JSON.readValue(json, ImageLayout.class);
        } catch (IOException e) {
            throw new ProvisioningException("read image.json of image " + source, "not a valid image.json ("
                    + e.getMessage().lines().findFirst().orElse("") + "); push the image again", e);
        }
    }

    /**
     * @param dir          the directory this layout was read from
     * @param withHostKey  whether to read the files' contents: the guest's host key (for SSH) and the kernel
     *                     command line; without, the spec has neither (a preview, whose files may not exist)
     * @return the image to boot, absolute paths
     */
    public ImageSpec toImageSpec(Path dir, boolean withHostKey) {
        Path abs = dir.toAbsolutePath();
        String cmdline = withHostKey ? text(abs.resolve(files.get("cmdline"))) : "";
        return new ImageSpec(abs.resolve(files.get("disk")), abs.resolve(files.get("kernel")),
                abs.resolve(files.get("initrd")), cmdline.isEmpty() ? null : cmdline,
                withHostKey ? text(abs.resolve(files.get("host_key"))) : null);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ProvisioningException("read " + file, e.getMessage() + "; rebuild with scripts/lab up", e);
        }
    }
}
