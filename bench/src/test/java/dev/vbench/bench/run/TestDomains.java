package dev.vbench.bench.run;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.DomainXml;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.RunOwner;
import dev.vbench.provisioning.Variant;
import java.nio.file.Path;
import java.util.Arrays;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** Domains defined straight through libvirt (not booted), as another harness, an old vbench or a user would. */
public final class TestDomains {
    /** A home that is not the test's. */
    public static final String OTHER_HOME = "00000000000000aa";

    private TestDomains() {
    }

    /** The XML of variant {@code variant} of run {@code runId}, tagged with {@code owner}. */
    public static String tagged(String runId, String variant, RunOwner owner) {
        Path images = Path.of("/nonexistent/images");
        ImageSpec image = new ImageSpec(images.resolve("disk.qcow2"), images.resolve("vmlinuz"), null, null, null);
        Variant v = new Variant(variant, new DiskSpec(DiskBus.VIRTIO, CacheMode.WRITEBACK, null),
                new NicSpec(NicModel.VIRTIO));
        return DomainXml.render(DomainSpec.forVariant(runId, owner, v, Accel.TCG, GuestSpec.DEFAULT, image,
                NetworkSpec.libvirtNetwork("default"), Path.of("/nonexistent/pool", runId)));
    }

    /** The same XML with the tag's home and host removed, as vbench wrote tags before they named their owner. */
    public static String withoutOwner(String xml) {
        String old = xml.replaceFirst(" home=\"[0-9a-f]{16}\" host=\"[0-9a-f]{16}\"", "");
        if (old.equals(xml)) {
            throw new IllegalArgumentException("no owner in " + xml);
        }
        return old;
    }

    /** The XML under another domain name (a copy of somebody's domain). */
    public static String renamed(String xml, String name) {
        return xml.replaceFirst("<name>[^<]*</name>", "<name>" + name + "</name>");
    }

    /** Defines the domain (not started); returns its name. */
    public static String define(Connect libvirt, String xml) throws LibvirtException {
        return libvirt.domainDefineXML(xml).getName();
    }

    public static boolean exists(Connect libvirt, String name) throws LibvirtException {
        return Arrays.asList(libvirt.listDefinedDomains()).contains(name)
                || Arrays.stream(libvirt.listDomains()).anyMatch(id -> name.equals(nameOf(libvirt, id)));
    }

    /** Destroys and undefines {@code name} if it exists. */
    public static void remove(Connect libvirt, String name) throws LibvirtException {
        if (exists(libvirt, name)) {
            Domain d = libvirt.domainLookupByName(name);
            if (d.isActive() == 1) {
                d.destroy();
            }
            d.undefine();
        }
    }

    private static String nameOf(Connect libvirt, int id) {
        try {
            return libvirt.domainLookupByID(id).getName();
        } catch (LibvirtException e) {
            return null;
        }
    }
}
