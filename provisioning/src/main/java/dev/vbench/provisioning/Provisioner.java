package dev.vbench.provisioning;

import java.util.List;

/**
 * Defines, starts and tears down guests on one virtualization host. One shape for libvirt on this host
 * ({@code qemu:///system}), libvirt on a remote host ({@code qemu+ssh://host/system}) and libvirt's built-in fake
 * hypervisor ({@code test:///default}) used by the lifecycle tests. All failures are {@link ProvisioningException}s.
 */
public interface Provisioner extends AutoCloseable {
    /** Opens a provisioner for a host URI. {@code LibvirtProvisioner::connect} is the implementation. */
    @FunctionalInterface
    interface Factory {
        Provisioner connect(String uri);
    }

    /** The URI this provisioner is connected to. */
    String uri();

    /** Hypervisor, versions, host name and whether KVM is offered. */
    HostEnvironment hostEnvironment();

    /**
     * The host's physical memory in bytes, as libvirt reports it ({@code virNodeGetInfo}; for a remote URI the
     * remote host's). {@code test:///default} reports a fixed 3 GiB.
     */
    long hostMemoryBytes();

    /**
     * The host's free memory in bytes now, as libvirt reports it ({@code virNodeGetFreeMemory}: memory not used by
     * anything, page cache excluded, so a conservative figure; for a remote URI the remote host's).
     */
    long hostFreeMemoryBytes();

    /** The host's logical CPUs, as libvirt reports them ({@code virNodeGetInfo}; for a remote URI the remote's). */
    int hostCpus();

    /**
     * Defines and starts a domain. If starting fails, the definition is removed again before the exception is
     * thrown. Refuses to touch a domain of the same name that already exists.
     */
    RunningDomain start(DomainDefinition definition);

    /** Defines and starts a variant's guest: {@code start(DomainDefinition.of(spec))}. */
    default RunningDomain start(DomainSpec spec) {
        return start(DomainDefinition.of(spec));
    }

    /**
     * The host's IPv4 address on a libvirt network ({@code <ip address=...>} of the network definition), where
     * host-side servers (iperf3) listen for the guests.
     *
     * @throws ProvisioningException when the network does not exist, is not active, or has no IPv4 address
     */
    String networkHostAddress(String network);

    /**
     * All domains on the host (running or not) that carry a vbench run tag, whoever's home and host it names; other
     * domains (among them those defined from {@code vbench plan --emit-xml}) are not listed.
     */
    List<TaggedDomain> listTagged();

    /**
     * Destroys (if running) and undefines a leftover domain, only if it still carries exactly the tag it was listed
     * with (run, variant, home and host): a domain redefined meanwhile by somebody else is left alone.
     *
     * @throws ProvisioningException when the domain does not exist, carries another tag or none, or libvirt fails
     */
    void removeTagged(TaggedDomain domain);

    /** Closes the connection; running domains are left alone (close them first). */
    @Override
    void close();
}
