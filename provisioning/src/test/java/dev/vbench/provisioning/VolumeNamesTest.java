package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Volume names of vbench's pool: by content for images, by run for overlays and console logs. */
class VolumeNamesTest {
    @Test
    void namesImagesByRecipeHashAndFile() {
        assertThat(VolumeNames.image("280de30fc07c4bf5", "disk.qcow2")).isEqualTo("img-280de30fc07c4bf5-disk.qcow2");
        assertThat(VolumeNames.manifest("280de30fc07c4bf5")).isEqualTo("img-280de30fc07c4bf5-manifest");
        assertThatThrownBy(() -> VolumeNames.image("files-0123456789abcdef", "disk.qcow2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipe hash");
        assertThatThrownBy(() -> VolumeNames.image("280de30fc07c4bf5", "../disk"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VolumeNames.image("280de30fc07c4bf5", "manifest"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesARunsVolumesSoThatOneRunIdNeverMatchesAnother() {
        String root = VolumeNames.overlay("r1", "virtio-wb", "root", 2);
        String console = VolumeNames.console("r1", "virtio-wb-b2");
        assertThat(root).isEqualTo("ovl-r1+virtio-wb-root-b2.qcow2");
        assertThat(console).isEqualTo("con-r1+virtio-wb-b2.log");
        assertThat(VolumeNames.ofRun(root, "r1")).isTrue();
        assertThat(VolumeNames.ofRun(console, "r1")).isTrue();
        assertThat(VolumeNames.ofRun(VolumeNames.overlay("r1-x", "a", "data", 1), "r1")).isFalse();
        assertThat(VolumeNames.ofRun("img-280de30fc07c4bf5-disk.qcow2", "r1")).isFalse();
        assertThat(VolumeNames.runOf(root)).contains("r1");
        assertThat(VolumeNames.runOf(VolumeNames.DEFAULT_MARKER)).isEmpty();
        assertThatThrownBy(() -> VolumeNames.overlay("r1", "a", "swap", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VolumeNames.overlay("r+1", "a", "root", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDataBaseLiesBesideTheRootDisk() {
        assertThat(Overlay.dataBaseBeside("disk.qcow2")).isEqualTo("data.raw");
        assertThat(Overlay.dataBaseBeside("img-280de30fc07c4bf5-disk.qcow2"))
                .isEqualTo("img-280de30fc07c4bf5-data.raw");
        assertThat(Overlay.dataBaseBeside("img-xyz-disk.qcow2")).isEqualTo("data.raw");
    }
}
