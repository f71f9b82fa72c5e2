package dev.vbench.provisioning;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The domain definitions sealed by golden files: one base variant and one case per value of every dimension (bus,
 * cache, io, NIC model, network attachment, boot method, accelerator, console log), plus the accelerator probe,
 * the base variant as {@code vbench plan --emit-xml} writes it and the base variant with its data disk on NBD.
 */
final class DomainXmlCases {
    static final String RUN = "r20261126";
    static final RunOwner OWNER = new RunOwner("0123456789abcdef", "fedcba9876543210");
    static final Path IMAGE_DIR = Path.of("/var/lib/vbench/images/default");
    static final Path WORK = Path.of("/var/lib/vbench/runs/" + RUN);
    static final ImageSpec KERNEL_BOOT = new ImageSpec(IMAGE_DIR.resolve("disk.qcow2"), IMAGE_DIR.resolve("vmlinuz"),
            IMAGE_DIR.resolve("initrd.img"), "root=LABEL=root console=ttyS0 net.ifnames=1", null);
    static final NetworkSpec LAB = NetworkSpec.libvirtNetwork(NetworkSpec.LAB_NETWORK);

    private DomainXmlCases() {
    }

    static DomainSpec spec(DiskBus bus, CacheMode cache, IoMode io, NicModel nic) {
        DiskSpec disk = new DiskSpec(bus, cache, io);
        Variant v = new Variant(disk.shortName() + "-" + nic.planName(), disk, new NicSpec(nic));
        return DomainSpec.forVariant(RUN, OWNER, v, Accel.TCG, GuestSpec.DEFAULT, KERNEL_BOOT, LAB, WORK);
    }

    static DomainSpec base() {
        return spec(DiskBus.VIRTIO, CacheMode.WRITEBACK, null, NicModel.VIRTIO);
    }

    /** File name (without .xml) to rendered XML. */
    static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        for (DiskBus bus : DiskBus.values()) {
            m.put("bus-" + bus.planName(), DomainXml.render(spec(bus, CacheMode.WRITEBACK, null, NicModel.VIRTIO)));
        }
        for (CacheMode cache : CacheMode.values()) {
            m.put("cache-" + cache.planName(), DomainXml.render(spec(DiskBus.VIRTIO, cache, null, NicModel.VIRTIO)));
        }
        for (IoMode io : IoMode.values()) {
            CacheMode cache = io == IoMode.NATIVE ? CacheMode.NONE : CacheMode.WRITEBACK;
            m.put("io-" + io.planName(), DomainXml.render(spec(DiskBus.VIRTIO, cache, io, NicModel.VIRTIO)));
        }
        for (NicModel nic : NicModel.values()) {
            m.put("nic-" + nic.planName(), DomainXml.render(spec(DiskBus.VIRTIO, CacheMode.WRITEBACK, null, nic)));
        }
        DomainSpec b = base();
        m.put("net-bridge", DomainXml.render(with(b, NetworkSpec.hostBridge("br-lab", null))));
        m.put("net-bridge-ovs", DomainXml.render(with(b, NetworkSpec.hostBridge("ovsbr0", "openvswitch"))));
        // a variant's own network takes the place of the plan's (LAB)
        NetworkSpec ovs = NetworkSpec.libvirtNetwork("vbench-ovs").withHost("192.168.151.1");
        m.put("net-variant-ovs", DomainXml.render(DomainSpec.forVariant(RUN, OWNER, new Variant("virtio-ovs",
                b.variant().disk(), b.variant().nic(), ovs), Accel.TCG, GuestSpec.DEFAULT, KERNEL_BOOT, LAB, WORK)));
        m.put("boot-disk", DomainXml.render(withImage(b, new ImageSpec(IMAGE_DIR.resolve("disk.qcow2"), null, null,
                null, null))));
        m.put("boot-kernel-default-cmdline", DomainXml.render(withImage(b, new ImageSpec(IMAGE_DIR.resolve("disk.qcow2"),
                IMAGE_DIR.resolve("vmlinuz"), null, null, null))));
        m.put("accel-kvm", DomainXml.render(new DomainSpec(b.name(), Accel.KVM, new GuestSpec(4, 4096), b.variant(),
                b.rootOverlay(), b.dataOverlay(), b.image(), b.network(), b.mac(), b.tag(), b.consoleLog())));
        m.put("console-none", DomainXml.render(b.withConsoleLog(null)));
        m.put("emulated-worst", DomainXml.render(spec(DiskBus.IDE, CacheMode.WRITETHROUGH, IoMode.THREADS,
                NicModel.RTL8139)));
        m.put("sata-directsync-native-e1000", DomainXml.render(spec(DiskBus.SATA, CacheMode.DIRECTSYNC, IoMode.NATIVE,
                NicModel.E1000)));
        m.put("scsi-none-io_uring-e1000", DomainXml.render(spec(DiskBus.VIRTIO_SCSI, CacheMode.NONE, IoMode.IO_URING,
                NicModel.E1000)));
        m.put("probe", DomainXml.renderProbe(new ProbeDomainSpec(DomainSpec.domainName(RUN, RunTag.ACCEL_PROBE),
                Accel.KVM, new RunTag(RUN, RunTag.ACCEL_PROBE, OWNER), KERNEL_BOOT.kernel(), KERNEL_BOOT.initrd(),
                ProbeDomainSpec.CMDLINE, WORK.resolve("probe-console.log"))));
        m.put("emitted", DomainXml.renderEmitted(base()));
        m.put("data-nbd", DomainXml.render(b.withDataNbdSocket(WORK.resolve("nbd-" + b.variant().name())
                .resolve("nbd.sock"))));
        return m;
    }

    static DomainSpec with(DomainSpec s, NetworkSpec net) {
        return new DomainSpec(s.name(), s.accel(), s.guest(), s.variant(), s.rootOverlay(), s.dataOverlay(), s.image(),
                net, s.mac(), s.tag(), s.consoleLog());
    }

    static DomainSpec withImage(DomainSpec s, ImageSpec image) {
        return new DomainSpec(s.name(), s.accel(), s.guest(), s.variant(), s.rootOverlay(), s.dataOverlay(), image,
                s.network(), s.mac(), s.tag(), s.consoleLog());
    }
}
