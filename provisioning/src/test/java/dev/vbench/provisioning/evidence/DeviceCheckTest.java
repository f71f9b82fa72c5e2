package dev.vbench.provisioning.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.Variant;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceCheckTest {
    static Variant variant(DiskBus bus, NicModel nic) {
        return new Variant("v", new DiskSpec(bus, CacheMode.WRITEBACK, null), new NicSpec(nic));
    }

    static DeviceEvidence evidence(String file) throws IOException {
        return DeviceEvidence.parse(DeviceEvidenceTest.captured(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "evidence-sata-wb-e1000.txt, SATA, E1000",
        "evidence-ide-wb-rtl8139.txt, IDE, RTL8139",
        "evidence-virtio-scsi-wb-virtio.txt, VIRTIO_SCSI, VIRTIO",
        "evidence-virtio-wb-e1000.txt, VIRTIO, E1000"})
    void realGuestsMatchTheirVariant(String file, DiskBus bus, NicModel nic) throws IOException {
        assertThat(DeviceCheck.verify(variant(bus, nic), evidence(file))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource({
        "evidence-sata-wb-e1000.txt, IDE, 'data disk sda: expected driver ata_piix, found drivers sd,ahci'",
        "evidence-ide-wb-rtl8139.txt, SATA, 'data disk sda: expected driver ahci, found drivers sd,ata_piix'",
        "evidence-virtio-scsi-wb-virtio.txt, VIRTIO, "
            + "'data disk sda: expected driver virtio_blk, found drivers sd,virtio_scsi,virtio-pci'",
        "evidence-virtio-wb-e1000.txt, VIRTIO_SCSI, "
            + "'data disk vdb: expected driver virtio_scsi, found drivers virtio_blk,virtio-pci'"})
    void wrongBusIsReported(String file, DiskBus asked, String message) throws IOException {
        DeviceEvidence e = evidence(file);
        NicModel realNic = file.contains("e1000") ? NicModel.E1000 : file.contains("rtl8139") ? NicModel.RTL8139
                : NicModel.VIRTIO;
        assertThat(DeviceCheck.verify(variant(asked, realNic), e)).extracting(Object::toString)
                .containsExactly(message);
    }

    @Test
    void wrongNicIsReported() throws IOException {
        List<DeviceMismatch> m = DeviceCheck.verify(variant(DiskBus.IDE, NicModel.E1000),
                evidence("evidence-ide-wb-rtl8139.txt"));
        assertThat(m).containsExactly(new DeviceMismatch("nic ens2", "driver e1000", "drivers 8139cp"));
    }

    @Test
    void virtioNetIsNotSatisfiedByTheVirtioBlkRootDisk() throws IOException {
        // the root disk's virtio-pci must not make an e1000 guest pass as virtio
        assertThat(DeviceCheck.verify(variant(DiskBus.VIRTIO, NicModel.VIRTIO), evidence("evidence-virtio-wb-e1000.txt")))
                .extracting(Object::toString)
                .containsExactly("nic ens2: expected driver virtio_net, found drivers e1000");
    }

    @Test
    void missingDataDisk() throws IOException {
        List<DeviceMismatch> m = DeviceCheck.verify(variant(DiskBus.VIRTIO, NicModel.VIRTIO),
                evidence("evidence-host-virtio.txt"));
        assertThat(m).extracting(Object::toString).containsExactly("data disk: expected a block device with serial"
                + " vbdata (driver virtio_blk), found none among vda(serial=overlayblk, drivers=virtio_blk,virtio-pci)");
    }

    @Test
    void twoDataDisks() {
        DeviceEvidence e = DeviceEvidence.parse("""
                vbench-devices v1
                disk name=sda serial=vbdata drivers=sd,ahci sysfs=/a
                disk name=sdb serial=vbdata drivers=sd,ahci sysfs=/b
                nic name=ens2 mac=52:54:00:00:00:01 drivers=e1000 sysfs=/c
                end
                """);
        assertThat(DeviceCheck.verify(variant(DiskBus.SATA, NicModel.E1000), e)).extracting(Object::toString)
                .containsExactly("data disk: expected exactly one block device with serial vbdata, found 2:"
                        + " sda(serial=vbdata, drivers=sd,ahci), sdb(serial=vbdata, drivers=sd,ahci)");
    }

    @Test
    void noNicOrTwoNics() {
        String disk = "disk name=sda serial=vbdata drivers=sd,ahci sysfs=/a\n";
        assertThat(DeviceCheck.verify(variant(DiskBus.SATA, NicModel.E1000),
                DeviceEvidence.parse("vbench-devices v1\n" + disk + "end\n"))).extracting(Object::toString)
                .containsExactly("nic: expected exactly one network interface (driver e1000), found 0");
        assertThat(DeviceCheck.verify(variant(DiskBus.SATA, NicModel.E1000), DeviceEvidence.parse("vbench-devices v1\n"
                + disk + "nic name=ens2 mac=m drivers=e1000 sysfs=/c\nnic name=ens3 mac=n drivers=e1000 sysfs=/d\nend")))
                .extracting(Object::toString)
                .containsExactly("nic: expected exactly one network interface (driver e1000), found 2: ens2(e1000),"
                        + " ens3(e1000)");
    }

    @Test
    void emptyEvidenceReportsBoth() {
        assertThat(DeviceCheck.verify(variant(DiskBus.IDE, NicModel.RTL8139), DeviceEvidence.parse(
                "vbench-devices v1\nend"))).hasSize(2);
    }
}
