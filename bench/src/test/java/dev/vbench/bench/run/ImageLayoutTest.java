package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.provisioning.ProvisioningException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab image's files as a run finds them: its own regular files, readable by root and QEMU only. */
class ImageLayoutTest {
    @TempDir
    Path dir;

    @BeforeEach
    void image() throws Exception {
        for (String file : List.of("disk.qcow2", "vmlinuz", "initrd.img", "data.raw", "cmdline", "host_key.pub")) {
            Files.write(dir.resolve(file), new byte[] {1});
        }
        TestImages.restrictModes(TestImages.imageJson(dir));
    }

    @Test
    void filesOfMode0640AreTheImage() {
        assertThat(ImageLayout.read(dir).files()).containsEntry("disk", "disk.qcow2");
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheChmodToRun() throws Exception {
        Files.setPosixFilePermissions(dir.resolve("disk.qcow2"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ImageLayout.read(dir)).isInstanceOf(ProvisioningException.class)
                .hasMessage("check the lab's guest image: " + dir.resolve("disk.qcow2") + " is open to others (mode"
                        + " rw-r--r--) and the image holds the guests' SSH host key; run: chmod 640 " + dir
                        + "/* (scripts/lab up sets the image's modes too)");
        Files.setPosixFilePermissions(dir.resolve("disk.qcow2"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(dir.resolve("host_key.pub"), PosixFilePermissions.fromString("rw-r---w-"));
        assertThatThrownBy(() -> ImageLayout.read(dir)).hasMessageContaining("host_key.pub is open to others");
    }

    @Test
    void aLinkInTheImageIsRefused() throws Exception {
        Files.delete(dir.resolve("vmlinuz"));
        Files.createSymbolicLink(dir.resolve("vmlinuz"), Path.of("/etc/hostname"));
        assertThatThrownBy(() -> ImageLayout.read(dir)).isInstanceOf(ProvisioningException.class)
                .hasMessage("find the lab's guest image: " + dir.resolve("vmlinuz") + " is a symbolic link, not the"
                        + " image's own file; build it with: scripts/lab up");
    }
}
