package dev.vbench.provisioning.libvirt;

import dev.vbench.provisioning.DomainDefinition;
import dev.vbench.provisioning.DomainXml;
import dev.vbench.provisioning.HostConsole;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.HostImage;
import dev.vbench.provisioning.ImagePush;
import dev.vbench.provisioning.OverlayVolume;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.RunTag;
import dev.vbench.provisioning.RunningDomain;
import dev.vbench.provisioning.TaggedDomain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.jna.Libvirt;

/**
 * {@link Provisioner} over libvirt-java ({@code org.libvirt.Connect}, which is not AutoCloseable: this class is the
 * closeable wrapper). Works against {@code qemu:///system}, remote URIs such as {@code qemu+ssh://host/system} and
 * libvirt's in-process fake {@code test:///default}. libvirt's connection is thread-safe (its last error is kept
 * per thread), so concurrent boots of distinct domains may share one instance; {@link #close()} ends them all.
 */
public final class LibvirtProvisioner implements Provisioner {
    /** The factory of this implementation. */
    public static final Provisioner.Factory FACTORY = LibvirtProvisioner::connect;

    /**
     * libvirt prints every error to stderr unless an error function is set; its errors reach us as exceptions
     * anyway, so the function does nothing. Held in a static field: JNA callbacks must stay reachable.
     */
    private static final Libvirt.VirErrorCallback SILENT = (userData, error) -> { };
    private static volatile boolean silenced;

    private final String uri;
    private final Connect connect;
    private final HostStorage storage;
    private boolean closed;

    private LibvirtProvisioner(String uri, Connect connect) {
        this.uri = uri;
        this.connect = connect;
        this.storage = new HostStorage(connect, uri, HostPool.DEFAULT_PATH);
    }

    /**
     * Opens a read-write connection to {@code uri}.
     *
     * @throws ProvisioningException with libvirt's error when the connection fails (daemon not running, no
     *                               permission on the socket, unknown URI)
     */
    public static LibvirtProvisioner connect(String uri) {
        Objects.requireNonNull(uri, "uri");
        silenceStderr();
        Connect c = LibvirtCall.run("connect to " + uri, () -> new Connect(uri, false));
        return new LibvirtProvisioner(uri, c);
    }

    private static synchronized void silenceStderr() {
        if (!silenced) {
            LibvirtCall.run("set libvirt error function", () -> {
                Connect.setErrorCallback(SILENT);
                return null;
            });
            silenced = true;
        }
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public HostEnvironment hostEnvironment() {
        String op = "read host environment of " + uri;
        return LibvirtCall.run(op, () -> new HostEnvironment(uri, connect.getHostName(), connect.getType(),
                HostEnvironment.formatVersion(connect.getVersion()),
                HostEnvironment.formatVersion(connect.getLibVirVersion()),
                HostEnvironment.offers(connect.getCapabilities(), DomainXml.ARCH, "kvm")));
    }

    @Override
    public long hostMemoryBytes() {
        long kib = LibvirtCall.run("read the memory size of " + uri, () -> connect.nodeInfo().memory);
        return kib * 1024;
    }

    @Override
    public long hostFreeMemoryBytes() {
        return LibvirtCall.run("read the free memory of " + uri, connect::getFreeMemory);
    }

    @Override
    public int hostCpus() {
        return LibvirtCall.run("read the CPU count of " + uri, () -> connect.nodeInfo().cpus);
    }

    @Override
    public RunningDomain start(DomainDefinition definition) {
        String name = definition.name();
        if (lookup(name).isPresent()) {
            throw new ProvisioningException("define domain '" + name + "'", "a domain of that name already exists on "
                    + uri + "; if it is left over from an earlier run, remove it with vbench cleanup");
        }
        Domain domain = LibvirtCall.run("define domain '" + name + "'",
                () -> connect.domainDefineXML(definition.xml()));
        try {
            domain.create();
        } catch (LibvirtException e) {
            ProvisioningException failure = LibvirtCall.wrap("start domain '" + name + "'", e);
            try {
                teardown(domain, name);
            } catch (ProvisioningException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        return new LibvirtDomain(this, domain, name, definition.tag());
    }

    @Override
    public String networkHostAddress(String network) {
        String op = "read host address of network '" + network + "'";
        Network net;
        try {
            net = connect.networkLookupByName(network);
        } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode() == org.libvirt.Error.ErrorNumber.VIR_ERR_NO_NETWORK) {
                throw new ProvisioningException(op, "no such network on " + uri, e);
            }
            throw LibvirtCall.wrap(op, e);
        }
        if (LibvirtCall.run(op, net::isActive) != 1) {
            throw new ProvisioningException(op, "the network is defined but not active on " + uri);
        }
        String xml = LibvirtCall.run(op, () -> net.getXMLDesc(0));
        return NetworkXml.hostIpv4(xml).orElseThrow(() -> new ProvisioningException(op,
                "the network has no IPv4 <ip address=...> (the host has no address on it)"));
    }

    @Override
    public List<TaggedDomain> listTagged() {
        Domain[] all = LibvirtCall.run("list domains of " + uri, () -> connect.listAllDomains(0));
        List<TaggedDomain> tagged = new ArrayList<>();
        for (Domain d : all) {
            try {
                Optional<RunTag> tag = RunTag.fromDomainXml(d.getXMLDesc(0));
                if (tag.isPresent()) {
                    tagged.add(new TaggedDomain(d.getName(), tag.get(), d.isActive() == 1));
                }
            } catch (LibvirtException e) {
                if (!LibvirtCall.noDomain(e)) {
                    throw LibvirtCall.wrap("read domain of " + uri, e);
                }
                // undefined meanwhile: nothing to list
            }
        }
        tagged.sort(Comparator.comparing(TaggedDomain::name));
        return tagged;
    }

    @Override
    public void removeTagged(TaggedDomain domain) {
        String name = domain.name();
        String op = "remove domain '" + name + "'";
        Domain d = lookup(name).orElseThrow(() -> new ProvisioningException(op, "no such domain on " + uri));
        String xml = LibvirtCall.run(op, () -> d.getXMLDesc(0));
        Optional<RunTag> now = RunTag.fromDomainXml(xml);
        if (now.isEmpty()) {
            throw new ProvisioningException(op, "the domain carries no vbench metadata (" + RunTag.NAMESPACE
                    + "); vbench only removes domains it defined");
        }
        if (!now.get().equals(domain.tag())) {
            throw new ProvisioningException(op, "its tag is now " + now.get() + ", not " + domain.tag()
                    + "; it was redefined meanwhile and is left alone");
        }
        teardown(d, name);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LibvirtCall.run("close connection to " + uri, connect::close);
    }

    @Override
    public boolean local() {
        return LibvirtUri.isLocal(uri);
    }

    @Override
    public ImagePush pushImage(String hash, Map<HostImage.Role, Path> files, boolean makeDefault) {
        return storage.push(hash, files, makeDefault);
    }

    @Override
    public Optional<HostImage> findImage(String hashOrDefault) {
        return storage.find(hashOrDefault);
    }

    @Override
    public OverlayVolume createOverlay(String volumeName, Path backing, String backingFormat) {
        return storage.overlay(volumeName, backing, backingFormat);
    }

    @Override
    public HostConsole openConsole(String volumeName) {
        return storage.console(volumeName);
    }

    @Override
    public List<String> removeRunVolumes(String runId) {
        return storage.removeRun(runId);
    }

    /** The libvirt connection (for the tests). */
    Connect connection() {
        return connect;
    }

    /** The storage adapter (for the tests). */
    HostStorage storage() {
        return storage;
    }

    private Optional<Domain> lookup(String name) {
        try {
            return Optional.of(connect.domainLookupByName(name));
        } catch (LibvirtException e) {
            if (LibvirtCall.noDomain(e)) {
                return Optional.empty();
            }
            throw LibvirtCall.wrap("look up domain '" + name + "'", e);
        }
    }

    /**
     * Destroys {@code d} if running, then undefines it (with its managed-save image and snapshot metadata). Both
     * steps are attempted; a domain that is already gone counts as success.
     */
    static void teardown(Domain d, String name) {
        ProvisioningException failure = null;
        try {
            if (d.isActive() == 1) {
                d.destroy();
            }
        } catch (LibvirtException e) {
            if (!LibvirtCall.noDomain(e) && !LibvirtCall.operationInvalid(e)) {
                failure = LibvirtCall.wrap("destroy domain '" + name + "'", e);
            }
        }
        try {
            d.undefine(Domain.UndefineFlags.MANAGED_SAVE | Domain.UndefineFlags.SNAPSHOTS_METADATA);
        } catch (LibvirtException e) {
            if (!LibvirtCall.noDomain(e)) {
                ProvisioningException u = LibvirtCall.wrap("undefine domain '" + name + "'", e);
                if (failure == null) {
                    failure = u;
                } else {
                    failure.addSuppressed(u);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
