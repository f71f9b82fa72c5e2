package dev.vbench.provisioning.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parsing real output of {@link GuestDeviceScript#SCRIPT}: captured from lab guests booted by LibvirtQemuIT
 * (Debian bookworm, kernel 6.1, machine pc, TCG) and from the build host itself (a virtio VM without a data disk).
 */
class DeviceEvidenceTest {
    static String captured(String name) throws IOException {
        try (InputStream in = DeviceEvidenceTest.class.getResourceAsStream("/captured/" + name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sataDataDiskAndE1000() throws IOException {
        DeviceEvidence e = DeviceEvidence.parse(captured("evidence-sata-wb-e1000.txt"));
        assertThat(e.disks()).hasSize(2);
        assertThat(e.dataDisks()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("sda");
            assertThat(d.drivers()).containsExactly("sd", "ahci");
            assertThat(d.sysfs()).isEqualTo("/sys/devices/pci0000:00/0000:00:03.0/ata3/host2/target2:0:0/2:0:0:0");
        });
        GuestDisk root = e.disks().get(1);
        assertThat(root.name()).isEqualTo("vda");
        assertThat(root.serial()).isEmpty();
        assertThat(root.drivers()).containsExactly("virtio_blk", "virtio-pci");
        assertThat(e.nics()).containsExactly(new GuestNic("ens2", "52:54:00:18:94:5d", List.of("e1000"),
                "/sys/devices/pci0000:00/0000:00:02.0"));
    }

    @Test
    void ideDataDiskAndRtl8139() throws IOException {
        DeviceEvidence e = DeviceEvidence.parse(captured("evidence-ide-wb-rtl8139.txt"));
        assertThat(e.dataDisks()).singleElement().extracting(GuestDisk::drivers).isEqualTo(List.of("sd", "ata_piix"));
        assertThat(e.nics()).singleElement().extracting(GuestNic::drivers).isEqualTo(List.of("8139cp"));
    }

    @Test
    void virtioScsiDataDiskAndVirtioNet() throws IOException {
        DeviceEvidence e = DeviceEvidence.parse(captured("evidence-virtio-scsi-wb-virtio.txt"));
        assertThat(e.dataDisks()).singleElement().extracting(GuestDisk::drivers)
                .isEqualTo(List.of("sd", "virtio_scsi", "virtio-pci"));
        assertThat(e.nics()).singleElement().extracting(GuestNic::drivers)
                .isEqualTo(List.of("virtio_net", "virtio-pci"));
    }

    @Test
    void virtioBlkDataDiskNextToTheVirtioBlkRootDisk() throws IOException {
        DeviceEvidence e = DeviceEvidence.parse(captured("evidence-virtio-wb-e1000.txt"));
        assertThat(e.disks()).extracting(GuestDisk::name).containsExactly("vda", "vdb");
        assertThat(e.dataDisks()).singleElement().extracting(GuestDisk::name).isEqualTo("vdb");
    }

    @Test
    void hostWithoutDataDisk() throws IOException {
        DeviceEvidence e = DeviceEvidence.parse(captured("evidence-host-virtio.txt"));
        assertThat(e.disks()).singleElement().extracting(GuestDisk::serial).isEqualTo("overlayblk");
        assertThat(e.dataDisks()).isEmpty();
    }

    @Test
    void skipsALoginBannerBeforeTheHeaderAndCarriageReturns() throws IOException {
        String out = "Linux guest 6.1.0-50-amd64 #1 SMP\r\n\r\n" + captured("evidence-sata-wb-e1000.txt")
                .replace("\n", "\r\n");
        assertThat(DeviceEvidence.parse(out)).isEqualTo(DeviceEvidence.parse(captured("evidence-sata-wb-e1000.txt")));
    }

    @Test
    void noDisksNoNics() {
        DeviceEvidence e = DeviceEvidence.parse("vbench-devices v1\nend\n");
        assertThat(e.disks()).isEmpty();
        assertThat(e.nics()).isEmpty();
    }

    @Test
    void emptyDriverChain() {
        DeviceEvidence e = DeviceEvidence.parse("vbench-devices v1\ndisk name=sda serial=vbdata drivers= sysfs=/x\nend");
        assertThat(e.disks().get(0).drivers()).isEmpty();
    }

    @Test
    void scriptDidNotRun() {
        assertThatThrownBy(() -> DeviceEvidence.parse("sh: 1: readlink: not found\n"))
                .isInstanceOf(MalformedEvidenceException.class)
                .hasMessageContaining("lacks the 'vbench-devices v1' header")
                .hasMessageContaining("sh: 1: readlink: not found");
        assertThatThrownBy(() -> DeviceEvidence.parse("")).isInstanceOf(MalformedEvidenceException.class);
        assertThatThrownBy(() -> DeviceEvidence.parse("vbench-devices v2\nend\n"))
                .isInstanceOf(MalformedEvidenceException.class).hasMessageContaining("header");
    }

    @Test
    void truncatedOutput() throws IOException {
        String full = captured("evidence-ide-wb-rtl8139.txt");
        String truncated = full.substring(0, full.indexOf("nic "));
        assertThatThrownBy(() -> DeviceEvidence.parse(truncated)).isInstanceOf(MalformedEvidenceException.class)
                .hasMessageContaining("truncated").hasMessageContaining("2 disk(s) and 0 nic(s)");
    }

    @Test
    void malformedRecords() {
        String h = "vbench-devices v1\n";
        assertThatThrownBy(() -> DeviceEvidence.parse(h + "cdrom name=sr0\nend\n"))
                .isInstanceOf(MalformedEvidenceException.class).hasMessageContaining("line 2: unknown record 'cdrom'");
        assertThatThrownBy(() -> DeviceEvidence.parse(h + "disk name=sda serial=vbdata drivers=sd\nend\n"))
                .isInstanceOf(MalformedEvidenceException.class).hasMessageContaining("missing field(s) [sysfs]");
        assertThatThrownBy(() -> DeviceEvidence.parse(h + "disk name=sda serial=x drivers=sd sysfs=/a model=Q\nend"))
                .isInstanceOf(MalformedEvidenceException.class).hasMessageContaining("unknown field 'model'");
        assertThatThrownBy(() -> DeviceEvidence.parse(h + "nic name=a name=b mac= drivers= sysfs=\nend"))
                .isInstanceOf(MalformedEvidenceException.class).hasMessageContaining("field 'name' twice");
        assertThatThrownBy(() -> DeviceEvidence.parse(h + "nic name=a mac drivers= sysfs=\nend"))
                .isInstanceOf(MalformedEvidenceException.class).hasMessageContaining("'mac' is not key=value");
        assertThatThrownBy(() -> DeviceEvidence.parse(h + "nic name= mac= drivers= sysfs=\nend"))
                .isInstanceOf(MalformedEvidenceException.class).hasMessageContaining("empty name");
    }

    @Test
    void scriptIsFixedPosixShell() {
        assertThat(GuestDeviceScript.SCRIPT).startsWith("chain() {").contains("echo 'vbench-devices v1'")
                .endsWith("echo end\n").doesNotContain("bash").doesNotContain("[[");
    }
}
