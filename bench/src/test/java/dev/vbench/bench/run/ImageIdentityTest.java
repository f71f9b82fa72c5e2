package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.plan.PlanImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image in run.json's environment: image.json's recipe and kernel, or a hash of the files' path, size, time. */
class ImageIdentityTest {
    @TempDir
    Path dir;

    @Test
    void theLabImageIsItsRecipe() throws Exception {
        TestImages.imageJson(dir.resolve("lab/images/default"));

        assertThat(ImageIdentity.of(new LabHome(dir.resolve("lab")), PlanImage.labDefault()))
                .isEqualTo(new ImageIdentity("0123456789abcdef", "6.1.0-test-amd64"));
    }

    @Test
    void anExplicitDiskBesideTheImageJsonNamingItIsThatRecipe() throws Exception {
        Path images = TestImages.imageJson(dir.resolve("images/abc"));
        Path disk = Files.write(images.resolve("disk.qcow2"), new byte[] {1});
        Path other = Files.write(images.resolve("other.qcow2"), new byte[] {1});
        LabHome lab = new LabHome(dir.resolve("lab"));

        assertThat(ImageIdentity.of(lab, new PlanImage(disk, null, null, null)))
                .isEqualTo(new ImageIdentity("0123456789abcdef", "6.1.0-test-amd64"));
        assertThat(ImageIdentity.of(lab, new PlanImage(other, null, null, null)).recipeHash())
                .as("image.json describes another disk").startsWith(ImageIdentity.FILES);
    }

    @Test
    void anImageWithoutARecipeIsTheHashOfItsFilesPathSizeAndTime() throws Exception {
        Path disk = Files.write(dir.resolve("my.qcow2"), new byte[] {1, 2, 3});
        Path kernel = Files.write(dir.resolve("vmlinuz"), new byte[] {4});
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        Files.setLastModifiedTime(disk, FileTime.from(t));
        Files.setLastModifiedTime(kernel, FileTime.from(t));
        LabHome lab = new LabHome(dir.resolve("lab"));
        PlanImage image = new PlanImage(disk, kernel, null, null);

        String text = disk + "\u00003\u00002026-01-02T03:04:05Z\n" + kernel + "\u00001\u00002026-01-02T03:04:05Z\n";
        String expected = "files-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        assertThat(ImageIdentity.of(lab, image)).isEqualTo(new ImageIdentity(expected, ImageIdentity.UNKNOWN));

        Files.setLastModifiedTime(kernel, FileTime.from(t.plusSeconds(1)));
        assertThat(ImageIdentity.of(lab, image).recipeHash()).as("a rebuilt kernel").isNotEqualTo(expected)
                .matches("files-[0-9a-f]{16}");
        Files.setLastModifiedTime(kernel, FileTime.from(t));
        assertThat(ImageIdentity.of(lab, image).recipeHash()).isEqualTo(expected);
        Files.write(disk, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(disk, FileTime.from(t));
        assertThat(ImageIdentity.of(lab, image).recipeHash()).as("a disk of another size").isNotEqualTo(expected);
    }
}
