package dev.vbench.bench.run;

import dev.vbench.bench.plan.PlanImage;
import dev.vbench.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The guest image in a run's environment fingerprint, so that a history can mark a rebuilt image as an environment
 * change. The lab's image, and an explicit image whose disk lies beside an {@code image.json} naming it, are
 * identified by image.json's {@code recipe_hash} and {@code guest_kernel}. Any other explicit image has no recipe:
 * it is identified by {@code files-} and the first 16 hex digits of the SHA-256 over the path, size and modification
 * time of its disk, kernel and initrd (cheap, and it changes when a file is rebuilt or replaced in place; the
 * content itself is not read), and its guest kernel is {@value #UNKNOWN} until a guest reports one.
 *
 * @param recipeHash  image.json's recipe hash, or {@code files-} and 16 hex digits
 * @param guestKernel image.json's guest kernel, or {@value #UNKNOWN}
 */
record ImageIdentity(String recipeHash, String guestKernel) {
    /** The guest kernel of an image without image.json, before a guest reported its own. */
    static final String UNKNOWN = "unknown";
    /** The prefix of the hash of an image without a recipe. */
    static final String FILES = "files-";

    /** The identity of the image {@code image} names, the lab's in {@code lab} for {@code image: default}. */
    static ImageIdentity of(LabHome lab, PlanImage image) {
        if (image.isLabDefault()) {
            ImageLayout layout = ImageLayout.parse(lab.defaultImageDir());
            return new ImageIdentity(layout.recipeHash(), layout.guestKernel());
        }
        return describedBeside(image.disk()).orElseGet(() -> new ImageIdentity(filesHash(image.disk(),
                image.kernel(), image.initrd()), UNKNOWN));
    }

    /** image.json beside {@code disk}, when it names {@code disk} as its disk and has a recipe hash. */
    private static Optional<ImageIdentity> describedBeside(Path disk) {
        Path dir = disk.toAbsolutePath().getParent();
        if (dir == null || !Files.isRegularFile(dir.resolve(ImageLayout.FILE), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            ImageLayout layout = ImageLayout.parse(dir);
            if (layout.recipeHash() == null || layout.recipeHash().isBlank()
                    || !disk.getFileName().toString().equals(layout.files().get("disk"))) {
                return Optional.empty();
            }
            return Optional.of(new ImageIdentity(layout.recipeHash(), layout.guestKernel() == null ? UNKNOWN
                    : layout.guestKernel()));
        } catch (ProvisioningException e) {
            return Optional.empty();
        }
    }

    /** {@code files-} and 16 hex digits of the SHA-256 over each file's path, size and modification time. */
    static String filesHash(Path... files) {
        StringBuilder text = new StringBuilder();
        for (Path f : files) {
            if (f == null) {
                continue;
            }
            text.append(f.toAbsolutePath().normalize()).append('\0');
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                text.append(a.size()).append('\0').append(a.lastModifiedTime().toInstant());
            } catch (IOException e) {
                text.append("unreadable");
            }
            text.append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return FILES + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
