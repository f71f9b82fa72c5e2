package dev.vbench.provisioning;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Whether the host's QEMU processes and files are this machine's: {@code qemu:///...} without a host, and
     * libvirt's in-process fake {@code test:///...}. Then overlays are local files made by the local
     * {@code qemu-img} and console logs local files; otherwise everything goes through libvirt's storage API
     * ({@link #pushImage}, {@link #createOverlay}, {@link #openConsole}).
     */
    boolean local();

    /**
     * Uploads an image into vbench's storage pool on the host (pool {@code vbench}, defined, built and started if
     * missing; no other pool is touched): each file as volume {@code img-HASH-FILE} through a libvirt stream, runs
     * of zeros skipped, its size checked afterwards; a volume already there with the right size is reused, not
     * uploaded. A manifest volume, written last, marks the image complete.
     *
     * @param hash        the recipe hash (lower-case hex)
     * @param files       the local files by role; {@link HostImage.Role#REQUIRED} must be there
     * @param makeDefault whether the image becomes the host's default ({@code img-default})
     * @throws ProvisioningException when libvirt fails, a file cannot be read or a volume has a wrong size
     */
    ImagePush pushImage(String hash, Map<HostImage.Role, Path> files, boolean makeDefault);

    /**
     * The complete image of recipe hash {@code hashOrDefault} in the host's pool, or the default image for
     * {@code "default"}; empty when there is none (or no pool). Reads only through libvirt: no local file needed.
     */
    Optional<HostImage> findImage(String hashOrDefault);

    /**
     * Creates a thin qcow2 overlay volume in the host's pool over the host file {@code backing} (which must be a
     * volume of the pool, usually an image volume).
     *
     * @param volumeName e.g. {@code ovl-RUN+VARIANT-root-b1.qcow2} (see {@code VolumeNames})
     * @param backingFormat {@code qcow2} or {@code raw}
     * @throws ProvisioningException when the backing volume is missing, the overlay exists, or libvirt fails
     */
    OverlayVolume createOverlay(String volumeName, Path backing, String backingFormat);

    /**
     * A console log file {@code volumeName} in the host's pool (e.g. {@code con-RUN+NAME.log}), not created yet: the
     * domain whose {@code <log file=...>} names its path creates it.
     */
    HostConsole openConsole(String volumeName);

    /**
     * Deletes the overlays and console logs of run {@code runId} in the host's pool (never an image).
     *
     * @return the names of the volumes deleted; empty when there is no pool
     */
    List<String> removeRunVolumes(String runId);

    /** Closes the connection; running domains are left alone (close them first). */
    @Override
    void close();
}
