package dev.vbench.provisioning.libvirt;

import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.RunTag;
import dev.vbench.provisioning.RunningDomain;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.libvirt.Domain;
import org.libvirt.DomainInterface;
import org.libvirt.LibvirtException;
import org.libvirt.TypedParameter;

/** A domain started by {@link LibvirtProvisioner}. */
final class LibvirtDomain implements RunningDomain {
    private static final Duration POLL = Duration.ofSeconds(1);

    private final LibvirtProvisioner owner;
    private final Domain domain;
    private final String name;
    private final RunTag tag;
    private boolean closed;

    LibvirtDomain(LibvirtProvisioner owner, Domain domain, String name, RunTag tag) {
        this.owner = owner;
        this.domain = domain;
        this.name = name;
        this.tag = tag;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunTag tag() {
        return tag;
    }

    @Override
    public boolean isActive() {
        try {
            return domain.isActive() == 1;
        } catch (LibvirtException e) {
            if (LibvirtCall.noDomain(e)) {
                return false;
            }
            throw LibvirtCall.wrap("query state of domain '" + name + "'", e);
        }
    }

    @Override
    public Inet4Address waitForIpv4(Duration timeout) {
        String op = "wait for an IPv4 address of domain '" + name + "'";
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean arpSupported = true;
        while (true) {
            if (!isActive()) {
                throw new ProvisioningException(op, "the domain stopped before it got an address (see its console"
                        + " log)");
            }
            List<Inet4Address> found;
            try {
                found = addresses(Domain.InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE);
            } catch (ProvisioningException e) {
                if (!isActive()) {
                    continue; // stopped meanwhile: reported above
                }
                throw e;
            }
            if (found.isEmpty() && arpSupported) {
                try {
                    found = addresses(Domain.InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP);
                } catch (ProvisioningException e) {
                    arpSupported = false; // older daemons and some drivers lack the ARP source
                }
            }
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new ProvisioningException(op, "no DHCP lease or ARP entry within " + timeout.toSeconds()
                        + " s; the guest did not boot or did not configure its NIC by DHCP (see its console log)");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException(op, "interrupted", e);
            }
        }
    }

    private List<Inet4Address> addresses(int source) {
        Collection<DomainInterface> ifaces = LibvirtCall.run("read interface addresses of domain '" + name + "'",
                () -> domain.interfaceAddresses(source, 0));
        List<Inet4Address> v4 = new ArrayList<>();
        for (DomainInterface i : ifaces) {
            if (i.addrs == null) {
                continue;
            }
            for (DomainInterface.InterfaceAddress a : i.addrs) {
                if (a.address instanceof Inet4Address addr4) {
                    v4.add(addr4);
                }
            }
        }
        return v4;
    }

    @Override
    public void suspend() {
        LibvirtCall.run("suspend domain '" + name + "'", () -> {
            domain.suspend();
            return null;
        });
    }

    @Override
    public void resume() {
        LibvirtCall.run("resume domain '" + name + "'", () -> {
            domain.resume();
            return null;
        });
    }

    @Override
    public String liveXml() {
        return LibvirtCall.run("read live XML of domain '" + name + "'", () -> domain.getXMLDesc(0));
    }

    /**
     * The QEMU process's CPU time: libvirt's total {@code cpu_time} ({@code virDomainGetCPUStats}, from the cgroup),
     * else the domain info's {@code cpuTime} ({@code virDomainGetInfo}, which the host's libvirt reads from the
     * cgroup or its own /proc); only for a local URI, when libvirt has neither, this machine's
     * {@code /proc/PID/stat}.
     */
    @Override
    public long hostCpuNanos() {
        String op = "read host CPU time of domain '" + name + "'";
        LibvirtException failure = null;
        try {
            for (TypedParameter p : domain.getCPUStats(-1, 1)) {
                if ("cpu_time".equals(p.field)) {
                    return Long.parseUnsignedLong(p.getValueAsString());
                }
            }
        } catch (LibvirtException e) {
            failure = e; // e.g. no cgroup CPU accounting in a container
        }
        try {
            long info = domain.getInfo().cpuTime;
            if (info > 0) {
                return info;
            }
        } catch (LibvirtException e) {
            failure = failure == null ? e : failure;
        }
        if (owner.local() && owner.uri().startsWith("qemu")) {
            return procCpuNanos(op);
        }
        if (failure != null) {
            throw LibvirtCall.wrap(op, failure);
        }
        throw new ProvisioningException(op, "libvirt reported neither a total cpu_time nor the domain's cpuTime");
    }

    private long procCpuNanos(String op) {
        Path pidFile = Path.of("/run/libvirt/qemu", name + ".pid");
        try {
            String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            if (!pid.matches("[0-9]+")) {
                throw new ProvisioningException(op, "pid file " + pidFile + " holds '" + pid + "', not a pid");
            }
            return ProcStat.cpuNanos(Files.readString(Path.of("/proc", pid, "stat"), StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            throw new ProvisioningException(op, "libvirt has no CPU statistics for the domain and " + pidFile
                    + " or the process's /proc/PID/stat is not readable: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LibvirtProvisioner.teardown(domain, name);
    }
}
