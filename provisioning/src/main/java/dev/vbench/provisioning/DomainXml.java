package dev.vbench.provisioning;

import java.nio.file.Path;

/**
 * Renders libvirt domain definitions. Pure: the same spec gives the same bytes (elements and attributes in a fixed
 * order, values escaped), sealed by golden files and validated against libvirt's schema in the tests.
 *
 * <p>Choices that hold for every variant, so that the variants differ only in the devices under test:
 * <ul>
 * <li>Machine type {@code pc} (i440fx) for all variants: q35 has no IDE controller, so the IDE variant could not
 * exist there, and comparing IDE on i440fx with virtio on q35 would change two things at once. SATA works on
 * {@code pc}: libvirt adds an AHCI controller ({@code <controller type='sata'/>}, QEMU {@code ich9-ahci}) for
 * a disk on bus {@code sata}.</li>
 * <li>The root disk stays on virtio-blk ({@code vda}) in every variant. The guest mounts it by label
 * ({@code root=LABEL=root}), so it boots whatever the data bus; the guest's own background I/O (journal, logs)
 * then costs the same in every variant, and the data disk is never ambiguous because it is found by its serial
 * {@value #DATA_DISK_SERIAL}, not by its name or bus. Keeping root off IDE also leaves the IDE bus (at most four
 * devices) to the disk under test.</li>
 * <li>The data disk is the only disk with a cache/io setting; the root disk uses QEMU's defaults.</li>
 * <li>For the host-crash model the data disk is a raw NBD network disk on a unix socket
 * ({@link DomainSpec#dataNbdSocket()}) with the same target, bus, cache/io and serial. libvirt 9.0 / QEMU 7.2 accept
 * every cache mode on it; {@code none} and {@code directsync} only set {@code cache.direct}, which changes nothing
 * for a socket (there is no host page cache between QEMU and the NBD server).</li>
 * <li>No USB controller and no memory balloon: under TCG the UHCI controller's polling alone costs host CPU,
 * and neither device is part of what is measured.</li>
 * <li>No {@code <cpu>} element: QEMU's default CPU model, the same on every host ({@code host-passthrough}
 * aborts under this machine's nested KVM, see LAB-NOTES).</li>
 * </ul>
 */
public final class DomainXml {
    /** Serial number of the data disk under test; the guest finds the disk by it whatever the bus. */
    public static final String DATA_DISK_SERIAL = "vbdata";
    /** Kernel command line used for direct kernel boot when the image does not give one. */
    public static final String DEFAULT_CMDLINE = "root=LABEL=root console=ttyS0";
    /** Machine type of every domain, see the class comment. */
    public static final String MACHINE = "pc";
    /** Guest architecture. */
    public static final String ARCH = "x86_64";

    private DomainXml() {
    }

    /**
     * The domain definition of one variant's guest, tagged with its run (see {@link RunTag}) for cleanup.
     *
     * @throws IllegalArgumentException when the spec's tag names no owner: vbench defines only domains it can prove
     *                                  are its own
     */
    public static String render(DomainSpec spec) {
        return render(spec, false);
    }

    /**
     * The definition of a variant's guest as {@code vbench plan --emit-xml} writes it: the same devices, but with the
     * element {@code <vbench:emitted run=... variant=.../>} instead of a run tag, so that a domain somebody defines
     * from it is never taken for a leftover of a run and removed by cleanup.
     */
    public static String renderEmitted(DomainSpec spec) {
        return render(spec, true);
    }

    private static String render(DomainSpec spec, boolean emitted) {
        XmlWriter w = new XmlWriter();
        w.start("domain", "type", spec.accel().domainType());
        w.text("name", spec.name());
        if (emitted) {
            w.start("metadata");
            w.emptyInNamespace(RunTag.PREFIX, RunTag.EMITTED, RunTag.NAMESPACE, "run", spec.tag().runId(),
                    "variant", spec.tag().variant());
            w.end();
        } else {
            metadata(w, spec.tag());
        }
        w.text("memory", Integer.toString(spec.guest().memoryMib()), "unit", "MiB");
        w.text("vcpu", Integer.toString(spec.guest().vcpus()), "placement", "static");
        w.start("os");
        w.text("type", "hvm", "arch", ARCH, "machine", MACHINE);
        ImageSpec image = spec.image();
        if (image.directKernelBoot()) {
            w.text("kernel", image.kernel().toString());
            if (image.initrd() != null) {
                w.text("initrd", image.initrd().toString());
            }
            w.text("cmdline", image.cmdline() != null ? image.cmdline() : DEFAULT_CMDLINE);
        } else {
            w.empty("boot", "dev", "hd");
        }
        w.end();
        features(w);
        w.empty("clock", "offset", "utc");
        w.text("on_poweroff", "destroy");
        w.text("on_reboot", "restart");
        w.text("on_crash", "destroy");
        w.start("devices");
        w.empty("controller", "type", "usb", "index", "0", "model", "none");
        DiskSpec data = spec.variant().disk();
        if (data.bus() == DiskBus.VIRTIO_SCSI) {
            w.empty("controller", "type", "scsi", "index", "0", "model", "virtio-scsi");
        }
        disk(w, spec.rootOverlay(), "vda", "virtio", null, null, null);
        String io = data.io() == null ? null : data.io().planName();
        if (spec.dataNbdSocket() == null) {
            disk(w, spec.dataOverlay(), dataTarget(data.bus()), dataBus(data.bus()), cacheAttribute(data.cache()), io,
                    DATA_DISK_SERIAL);
        } else {
            nbdDisk(w, spec.dataNbdSocket(), dataTarget(data.bus()), dataBus(data.bus()), cacheAttribute(data.cache()),
                    io);
        }
        nic(w, spec);
        console(w, spec.consoleLog());
        w.empty("memballoon", "model", "none");
        w.end();
        w.end();
        return w.finish();
    }

    /**
     * The definition of the accelerator probe: the image's kernel and initrd only, no disk, no NIC, console logged
     * to a file, destroyed by libvirt as soon as the guest reboots or crashes (the probe's command line makes the
     * kernel reboot on the panic that follows its init exiting).
     */
    public static String renderProbe(ProbeDomainSpec spec) {
        XmlWriter w = new XmlWriter();
        w.start("domain", "type", spec.accel().domainType());
        w.text("name", spec.name());
        metadata(w, spec.tag());
        w.text("memory", Integer.toString(ProbeDomainSpec.MEMORY_MIB), "unit", "MiB");
        w.text("vcpu", "1", "placement", "static");
        w.start("os");
        w.text("type", "hvm", "arch", ARCH, "machine", MACHINE);
        w.text("kernel", spec.kernel().toString());
        if (spec.initrd() != null) {
            w.text("initrd", spec.initrd().toString());
        }
        w.text("cmdline", spec.cmdline());
        w.end();
        features(w);
        w.empty("clock", "offset", "utc");
        w.text("on_poweroff", "destroy");
        w.text("on_reboot", "destroy");
        w.text("on_crash", "destroy");
        w.start("devices");
        w.empty("controller", "type", "usb", "index", "0", "model", "none");
        console(w, spec.consoleLog());
        w.empty("memballoon", "model", "none");
        w.end();
        w.end();
        return w.finish();
    }

    /** libvirt target device name of the data disk: a hint for libvirt's address assignment, not the guest name. */
    static String dataTarget(DiskBus bus) {
        return switch (bus) {
            case IDE -> "hda";
            case SATA, VIRTIO_SCSI -> "sda";
            case VIRTIO -> "vdb";
        };
    }

    /** libvirt {@code <target bus=...>} of the data disk. */
    static String dataBus(DiskBus bus) {
        return switch (bus) {
            case IDE -> "ide";
            case SATA -> "sata";
            case VIRTIO -> "virtio";
            case VIRTIO_SCSI -> "scsi";
        };
    }

    private static String cacheAttribute(CacheMode cache) {
        return cache == CacheMode.DEFAULT ? null : cache.planName();
    }

    private static void metadata(XmlWriter w, RunTag tag) {
        if (tag.owner() == null) {
            throw new IllegalArgumentException("the run tag of " + tag.runId() + "/" + tag.variant()
                    + " names no home and host: cleanup could not tell the domain is vbench's own");
        }
        w.start("metadata");
        w.emptyInNamespace(RunTag.PREFIX, RunTag.ELEMENT, RunTag.NAMESPACE, "id", tag.runId(),
                "variant", tag.variant(), "home", tag.owner().home(), "host", tag.owner().host());
        w.end();
    }

    private static void features(XmlWriter w) {
        w.start("features");
        w.empty("acpi");
        w.empty("apic");
        w.end();
    }

    private static void disk(XmlWriter w, Path file, String dev, String bus, String cache, String io, String serial) {
        w.start("disk", "type", "file", "device", "disk");
        w.empty("driver", "name", "qemu", "type", "qcow2", "cache", cache, "io", io);
        w.empty("source", "file", file.toString());
        w.empty("target", "dev", dev, "bus", bus);
        if (serial != null) {
            w.text("serial", serial);
        }
        w.end();
    }

    /** A raw disk served by an NBD server on a unix socket (libvirt's network disk, QEMU's nbd block driver). */
    private static void nbdDisk(XmlWriter w, Path socket, String dev, String bus, String cache, String io) {
        w.start("disk", "type", "network", "device", "disk");
        w.empty("driver", "name", "qemu", "type", "raw", "cache", cache, "io", io);
        w.start("source", "protocol", "nbd");
        w.empty("host", "transport", "unix", "socket", socket.toString());
        w.end();
        w.empty("target", "dev", dev, "bus", bus);
        w.text("serial", DATA_DISK_SERIAL);
        w.end();
    }

    private static void nic(XmlWriter w, DomainSpec spec) {
        NetworkSpec net = spec.network();
        w.start("interface", "type", net.network() != null ? "network" : "bridge");
        w.empty("mac", "address", spec.mac().value());
        if (net.network() != null) {
            w.empty("source", "network", net.network());
        } else {
            w.empty("source", "bridge", net.bridge());
            if (net.virtualport() != null) {
                w.empty("virtualport", "type", net.virtualport());
            }
        }
        w.empty("model", "type", spec.variant().nic().model().planName());
        w.end();
    }

    private static void console(XmlWriter w, Path log) {
        w.start("serial", "type", "pty");
        if (log != null) {
            w.empty("log", "file", log.toString(), "append", "off");
        }
        w.empty("target", "port", "0");
        w.end();
        w.start("console", "type", "pty");
        w.empty("target", "type", "serial", "port", "0");
        w.end();
    }
}
