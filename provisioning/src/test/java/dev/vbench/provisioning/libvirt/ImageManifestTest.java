package dev.vbench.provisioning.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.provisioning.HostImage.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest that marks an image in the host's pool complete. */
class ImageManifestTest {
    static final ImageManifest MANIFEST = new ImageManifest("280de30fc07c4bf5", Map.of(
            Role.DISK, new ImageManifest.Entry("disk.qcow2", 792526848L),
            Role.DATA, new ImageManifest.Entry("data.raw", 2147483648L),
            Role.HOST_KEY, new ImageManifest.Entry("host_key.pub", 94),
            Role.DESCRIPTION, new ImageManifest.Entry("image.json", 6850)));

    @Test
    void formatsInRoleOrderAndParsesBack() {
        assertThat(MANIFEST.format()).isEqualTo("""
                vbench-image-manifest 1 280de30fc07c4bf5
                disk disk.qcow2 792526848
                host_key host_key.pub 94
                data data.raw 2147483648
                description image.json 6850
                """);
        assertThat(ImageManifest.parse("280de30fc07c4bf5", MANIFEST.format())).isEqualTo(MANIFEST);
    }

    @Test
    void refusesAnotherImagesOrABrokenManifest() {
        assertThatThrownBy(() -> ImageManifest.parse("0123456789abcdef", MANIFEST.format()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageManifest.parse("280de30fc07c4bf5", "vbench-image-manifest 1 280de30fc07c4bf5\n"
                + "disk ../x 1\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageManifest.parse("280de30fc07c4bf5", "vbench-image-manifest 1 280de30fc07c4bf5\n"
                + "disk disk.qcow2 1\n")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
    }
}
