package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thin overlays made by the real {@code qemu-img} (package qemu-utils). */
class OverlayFileIT {
    @TempDir
    Path dir;

    ImageSpec image() throws IOException {
        Path base = dir.resolve("image");
        Files.createDirectories(base);
        try (RandomAccessFile raw = new RandomAccessFile(base.resolve("data.raw").toFile(), "rw")) {
            raw.setLength(64L << 20);
        }
        HostCommand.run(java.util.List.of("qemu-img", "create", "-q", "-f", "qcow2", base.resolve("disk.qcow2")
                .toString(), "32M"), Duration.ofSeconds(30));
        return new ImageSpec(base.resolve("disk.qcow2"), null, null, null, null);
    }

    @Test
    void createsThinOverlaysAndDeletesThemOnClose() throws IOException {
        ImageSpec image = image();
        Path rootPath = dir.resolve("run/vm-root.qcow2");
        Path dataPath = dir.resolve("run/vm-data.qcow2");
        try (OverlayFile root = OverlayFile.create(Overlay.root(image, rootPath));
             OverlayFile data = OverlayFile.create(Overlay.data(image, dataPath))) {
            String rootInfo = HostCommand.run(QemuImg.info(root.path()), Duration.ofSeconds(30));
            assertThat(rootInfo).contains("\"format\": \"qcow2\"")
                    .contains("\"backing-filename\": \"" + image.disk() + "\"")
                    .contains("\"backing-filename-format\": \"qcow2\"")
                    .contains("\"virtual-size\": 33554432");
            String dataInfo = HostCommand.run(QemuImg.info(data.path()), Duration.ofSeconds(30));
            assertThat(dataInfo).contains("\"backing-filename\": \"" + dir.resolve("image/data.raw") + "\"")
                    .contains("\"backing-filename-format\": \"raw\"")
                    .contains("\"virtual-size\": 67108864");
            assertThat(Files.size(data.path())).as("thin").isLessThan(1L << 20);
        }
        assertThat(rootPath).doesNotExist();
        assertThat(dataPath).doesNotExist();
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws IOException {
        ImageSpec image = image();
        Path existing = dir.resolve("keep.qcow2");
        Files.writeString(existing, "precious");
        assertThatThrownBy(() -> OverlayFile.create(Overlay.root(image, existing)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(existing)).isEqualTo("precious");
    }

    @Test
    void missingBackingFileNamesTheFix() {
        Overlay o = new Overlay(dir.resolve("o.qcow2"), dir.resolve("nope/disk.qcow2"), "qcow2");
        assertThatThrownBy(() -> OverlayFile.create(o)).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("nope/disk.qcow2 does not exist").hasMessageContaining("scripts/lab image");
        assertThat(o.path()).doesNotExist();
    }

    @Test
    void qemuImgFailureCarriesItsMessage() throws IOException {
        Path notAnImage = dir.resolve("base.qcow2");
        Files.writeString(notAnImage, "not a qcow2 image");
        Overlay o = new Overlay(dir.resolve("o.qcow2"), notAnImage, "qcow2");
        assertThatThrownBy(() -> OverlayFile.create(o)).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("exit status 1").hasMessageContaining("qcow2");
    }

    @Test
    void closeIsIdempotent() throws IOException {
        ImageSpec image = image();
        OverlayFile f = OverlayFile.create(Overlay.root(image, dir.resolve("x.qcow2")));
        f.close();
        f.close();
        assertThat(f.path()).doesNotExist();
    }
}
