package dev.vbench.provisioning;

import java.net.Inet4Address;
import java.time.Duration;

/**
 * A domain that vbench defined and started. {@link #close()} always tears it down: destroy if it is still running,
 * then undefine, also after earlier failures; a failure of either step is reported after both were attempted.
 * Overlays are not deleted here: they have their own {@link OverlayFile} closeables, opened before the domain.
 */
public interface RunningDomain extends AutoCloseable {
    /** The libvirt domain name. */
    String name();

    /** The run id and variant the domain carries in its metadata. */
    RunTag tag();

    /** Whether the domain is running (it stops by itself e.g. when the guest powers off). */
    boolean isActive();

    /**
     * Waits until the guest has an IPv4 address, polling libvirt's view of the DHCP leases of the domain's network
     * ({@code virDomainInterfaceAddresses}, lease source), falling back to the host's ARP table (for NICs on a
     * plain bridge, where libvirt knows no leases).
     *
     * @throws ProvisioningException when no address appears within {@code timeout}, or the domain stops meanwhile
     */
    Inet4Address waitForIpv4(Duration timeout);

    /**
     * Pauses the guest's vCPUs ({@code virDomainSuspend}); the domain stays active and keeps its memory, but an
     * idle paused guest takes no host CPU from the one being measured.
     */
    void suspend();

    /** Resumes a suspended guest ({@code virDomainResume}). */
    void resume();

    /** The live domain XML ({@code virDomainGetXMLDesc(0)}) with everything libvirt filled in: evidence of what ran. */
    String liveXml();

    /**
     * Host CPU time consumed so far by the domain's QEMU process, in nanoseconds: user plus system time of all its
     * threads (vCPU threads, the main emulator loop, I/O threads), i.e. what emulating the guest cost the host.
     * This is not {@code virDomainGetInfo}'s {@code cpuTime}, which counts only the vCPU threads. Read from
     * libvirt's per-domain CPU accounting ({@code virDomainGetCPUStats}, total {@code cpu_time}, the domain's
     * cgroup); where that is unavailable and the host is local, from {@code /proc/PID/stat} of the QEMU process.
     * Take the difference of two readings to get the cost of a measurement.
     *
     * @throws ProvisioningException when neither source is available
     */
    long hostCpuNanos();

    /** Destroys (if running) and undefines the domain. Idempotent and safe to call from a shutdown hook. */
    @Override
    void close();
}
