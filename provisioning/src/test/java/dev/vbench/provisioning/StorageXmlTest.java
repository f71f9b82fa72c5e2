package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The storage definitions vbench writes, sealed by golden files ({@code storage-*.xml}; regenerate with
 * {@code -Dvbench.updateGolden=true}), and the facts it reads from libvirt's own (captured) descriptions.
 */
class StorageXmlTest {
    static final Map<String, String> CASES = Map.of(
            "pool", StorageXml.dirPool("vbench", "/var/lib/vbench/host-pool"),
            "upload", StorageXml.uploadVolume("img-280de30fc07c4bf5-disk.qcow2", 0),
            "overlay-qcow2", StorageXml.overlayVolume("ovl-r1+virtio-root-b1.qcow2",
                    "/var/lib/vbench/host-pool/img-280de30fc07c4bf5-disk.qcow2", "qcow2"),
            "overlay-raw", StorageXml.overlayVolume("ovl-r1+virtio-data-b1.qcow2",
                    "/var/lib/vbench/host-pool/img-280de30fc07c4bf5-data.raw", "raw"));

    /** {@code virsh vol-dumpxml} of an uploaded qcow2 volume (libvirt 9.0). */
    static final String VOLUME = """
            <volume type='file'>
              <name>b.qcow2</name>
              <key>/tmp/vbx/b.qcow2</key>
              <capacity unit='bytes'>67108864</capacity>
              <allocation unit='bytes'>200704</allocation>
              <physical unit='bytes'>196616</physical>
              <target>
                <path>/tmp/vbx/b.qcow2</path>
                <format type='qcow2'/>
              </target>
            </volume>
            """;

    @Test
    void definitionsMatchGoldenFiles() throws IOException {
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            Path file = DomainXmlGoldenTest.GOLDEN.resolve("storage-" + c.getKey() + ".xml");
            if (DomainXmlGoldenTest.UPDATE) {
                Files.writeString(file, c.getValue(), StandardCharsets.UTF_8);
            }
            if (!Files.exists(file)) {
                fail("golden file " + file.toAbsolutePath() + " is missing; create it with -Dvbench.updateGolden=true");
            }
            assertThat(c.getValue()).as(file.toString()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void overlayNamesItsBackingFileAndFormatAndNoCapacity() {
        String xml = CASES.get("overlay-raw");
        assertThat(xml).contains("<backingStore>", "<path>/var/lib/vbench/host-pool/img-280de30fc07c4bf5-data.raw"
                + "</path>", "<format type=\"raw\"/>", "<format type=\"qcow2\"/>").doesNotContain("capacity");
        assertThatThrownBy(() -> StorageXml.overlayVolume("o", "relative.qcow2", "qcow2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageXml.overlayVolume("o", "/a/b", "vmdk"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageXml.dirPool("vbench", "/var/lib/../etc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheFileSizeAndPathFromLibvirtsDescription() {
        assertThat(StorageXml.fileBytes(VOLUME)).contains(196616L);
        assertThat(StorageXml.fileBytes("<volume><capacity unit='KiB'>4</capacity></volume>")).contains(4096L);
        assertThat(StorageXml.fileBytes("<volume/>")).isEmpty();
        assertThat(StorageXml.targetPath(VOLUME)).contains("/tmp/vbx/b.qcow2");
        assertThat(StorageXml.targetPath(CASES.get("pool"))).contains("/var/lib/vbench/host-pool");
        assertThatThrownBy(() -> StorageXml.fileBytes("not xml")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageXml.fileBytes("<volume><capacity unit='PiB'>1</capacity></volume>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
