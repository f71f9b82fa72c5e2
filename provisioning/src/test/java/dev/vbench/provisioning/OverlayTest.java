package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OverlayTest {
    static final ImageSpec IMAGE = new ImageSpec(Path.of("/var/lib/vbench/images/default/disk.qcow2"), null, null,
            null, null);

    @Test
    void rootOverlayArgv() {
        Overlay o = Overlay.root(IMAGE, Path.of("/run/r1/root.qcow2"));
        assertThat(QemuImg.createOverlay(o)).containsExactly("qemu-img", "create", "-q", "-f", "qcow2", "-b",
                "/var/lib/vbench/images/default/disk.qcow2", "-F", "qcow2", "/run/r1/root.qcow2");
    }

    @Test
    void dataOverlayIsOverRawDataFileOfTheImageDirectory() {
        Overlay o = Overlay.data(IMAGE, Path.of("/run/r1/data.qcow2"));
        assertThat(o.backing()).isEqualTo(Path.of("/var/lib/vbench/images/default/data.raw"));
        assertThat(QemuImg.createOverlay(o)).containsExactly("qemu-img", "create", "-q", "-f", "qcow2", "-b",
                "/var/lib/vbench/images/default/data.raw", "-F", "raw", "/run/r1/data.qcow2");
    }

    @Test
    void pathsWithSpacesStayOneArgument() {
        Overlay o = new Overlay(Path.of("/a b/o.qcow2"), Path.of("/c d/base.raw"), "raw");
        assertThat(QemuImg.createOverlay(o)).contains("/a b/o.qcow2", "/c d/base.raw").hasSize(10);
    }

    @Test
    void infoArgv() {
        assertThat(QemuImg.info(Path.of("/x/y.qcow2"))).containsExactly("qemu-img", "info", "--output=json",
                "/x/y.qcow2");
    }

    @Test
    void inspectArgvStatesTheFormatAndSharesTheLock() {
        assertThat(QemuImg.inspect(Path.of("/x/y.qcow2"), "qcow2")).containsExactly("qemu-img", "info",
                "--output=json", "-U", "-f", "qcow2", "/x/y.qcow2");
    }

    @Test
    void formatFromFileName() {
        assertThat(Overlay.formatOf(Path.of("/i/disk.QCOW2"))).isEqualTo("qcow2");
        assertThat(Overlay.formatOf(Path.of("/i/data.raw"))).isEqualTo("raw");
        assertThat(Overlay.formatOf(Path.of("/i/disk.img"))).isEqualTo("raw");
        assertThatThrownBy(() -> Overlay.formatOf(Path.of("/i/disk.vmdk"))).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("*.qcow2 or *.raw");
    }

    @Test
    void rejectsBadOverlays() {
        assertThatThrownBy(() -> new Overlay(Path.of("o.qcow2"), Path.of("/b.raw"), "raw"))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> new Overlay(Path.of("/b.qcow2"), Path.of("/b.qcow2"), "qcow2"))
                .hasMessageContaining("its own backing");
        assertThatThrownBy(() -> new Overlay(Path.of("/o.qcow2"), Path.of("/b.vmdk"), "vmdk"))
                .hasMessageContaining("qcow2 or raw");
    }
}
