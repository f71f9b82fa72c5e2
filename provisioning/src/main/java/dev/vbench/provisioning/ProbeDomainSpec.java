package dev.vbench.provisioning;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The short-lived domain that tests whether a guest kernel really boots under an accelerator: kernel and initrd,
 * no disks, no NIC, serial console logged to {@code consoleLog}. Rendered by {@link DomainXml#renderProbe}.
 *
 * @param name       libvirt domain name
 * @param accel      the accelerator under test (normally {@link Accel#KVM})
 * @param tag        metadata, variant {@link RunTag#ACCEL_PROBE}, so cleanup finds a probe left by a crash
 * @param kernel     absolute path of the kernel
 * @param initrd     absolute path of the initrd, or {@code null}
 * @param cmdline    kernel command line
 * @param consoleLog absolute path of the console log file
 */
public record ProbeDomainSpec(String name, Accel accel, RunTag tag, Path kernel, Path initrd, String cmdline,
                              Path consoleLog) {
    /** Memory of the probe guest: enough to unpack a distribution initrd. */
    public static final int MEMORY_MIB = 512;
    /**
     * Probe command line: console on the first serial port, the initrd's {@code /bin/true} as init, so the kernel
     * reaches userspace, init exits, the kernel panics and {@code panic=-1} reboots at once (libvirt then destroys
     * the domain: {@code on_reboot=destroy}).
     */
    public static final String CMDLINE = "console=ttyS0 rdinit=/bin/true panic=-1 loglevel=7";

    public ProbeDomainSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accel, "accel");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(cmdline, "cmdline");
        if (!DomainSpec.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("domain name '" + name + "' must match " + DomainSpec.NAME.pattern());
        }
        if (accel == Accel.AUTO) {
            throw new IllegalArgumentException("a probe runs under a concrete accelerator, not auto");
        }
        DomainSpec.requireAbsolute(kernel, "probe kernel");
        if (initrd != null) {
            DomainSpec.requireAbsolute(initrd, "probe initrd");
        }
        DomainSpec.requireAbsolute(consoleLog, "probe console log");
    }
}
