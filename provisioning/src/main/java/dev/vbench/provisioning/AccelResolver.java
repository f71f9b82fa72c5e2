package dev.vbench.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Resolves the plan's {@code accel}. {@code auto} uses KVM only where a guest really boots under it: offering
 * KVM is not enough (on nested hosts with {@code kvm_pvm} a stock Debian kernel hangs after "Probing EDD"). So
 * when the host offers KVM, a probe domain boots the image's kernel and initrd under KVM with its console logged to
 * a file, and KVM is chosen only if the kernel reaches userspace within the timeout; otherwise TCG.
 *
 * <p>For a local URI the console log is a file in the work directory; for a remote host it is a file in vbench's
 * storage pool there, read back through libvirt ({@link Provisioner#openConsole}).
 */
public final class AccelResolver {
    /** How long the probe kernel gets to reach userspace. A KVM guest kernel needs 1 to 3 s. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(250);
    /** The most of the probe's console read back from a remote host at a time. */
    private static final int CONSOLE_MAX_BYTES = 256 << 10;

    private AccelResolver() {
    }

    /**
     * {@link #resolve(Accel, Provisioner, ImageSpec, Path, String, RunOwner, Duration)} with {@link #PROBE_TIMEOUT}.
     */
    public static AccelResolution resolve(Accel requested, Provisioner provisioner, ImageSpec image, Path workDir,
                                          String runId, RunOwner owner) {
        return resolve(requested, provisioner, image, workDir, runId, owner, PROBE_TIMEOUT);
    }

    /**
     * Resolves {@code requested}:
     * <ul>
     * <li>{@code tcg}: TCG.</li>
     * <li>{@code kvm}: KVM if the host offers it (not probed: the plan insists), else a
     * {@link ProvisioningException}.</li>
     * <li>{@code auto}: TCG if the host does not offer KVM or the image has no kernel to probe with; else the probe
     * domain {@code vbench-RUN-accel-probe} (console log in {@code workDir}, tagged with {@code owner}), always
     * destroyed and undefined afterwards, decides.</li>
     * </ul>
     *
     * @throws ProvisioningException when {@code kvm} is requested but not offered, or libvirt fails to report the
     *                               host capabilities
     */
    public static AccelResolution resolve(Accel requested, Provisioner provisioner, ImageSpec image, Path workDir,
                                          String runId, RunOwner owner, Duration timeout) {
        Objects.requireNonNull(requested, "requested");
        if (requested == Accel.TCG) {
            return new AccelResolution(requested, Accel.TCG, "accel: tcg requested by the plan");
        }
        HostEnvironment env = provisioner.hostEnvironment();
        if (requested == Accel.KVM) {
            if (!env.kvmOffered()) {
                throw new ProvisioningException("resolve accel kvm", "the capabilities of " + env.uri()
                        + " offer no kvm domain type for " + DomainXml.ARCH + " guests; use accel: auto or tcg");
            }
            return new AccelResolution(requested, Accel.KVM, "accel: kvm requested by the plan (not probed)");
        }
        if (!env.kvmOffered()) {
            return new AccelResolution(requested, Accel.TCG, "the capabilities of " + env.uri()
                    + " offer no kvm domain type for " + DomainXml.ARCH + " guests");
        }
        if (!image.directKernelBoot()) {
            return new AccelResolution(requested, Accel.TCG, "KVM is offered but was not probed: the image has no"
                    + " kernel for a direct-boot probe (set accel: kvm to force KVM)");
        }
        return probe(provisioner, image, workDir, runId, owner, timeout);
    }

    private static AccelResolution probe(Provisioner provisioner, ImageSpec image, Path workDir, String runId,
                                         RunOwner owner, Duration timeout) {
        BootProbe p;
        try {
            p = probe(Accel.KVM, provisioner, image, workDir, runId, owner, timeout);
        } catch (ProvisioningException e) {
            return new AccelResolution(Accel.AUTO, Accel.TCG, "KVM is offered but the probe domain failed: "
                    + e.getMessage());
        }
        if (p.reachedUserspace()) {
            return new AccelResolution(Accel.AUTO, Accel.KVM, String.format(Locale.ROOT,
                    "the probe kernel reached userspace under KVM in %.1f s", p.seconds()));
        }
        String last = p.lastConsoleLine().isEmpty() ? "no console output"
                : "last console line: '" + p.lastConsoleLine() + "'";
        if (p.stoppedEarly()) {
            return new AccelResolution(Accel.AUTO, Accel.TCG, String.format(Locale.ROOT,
                    "KVM is offered but the probe guest stopped after %.1f s without reaching userspace (%s)",
                    p.seconds(), last));
        }
        return new AccelResolution(Accel.AUTO, Accel.TCG, String.format(Locale.ROOT,
                "KVM is offered but the probe kernel did not reach userspace within %d s under KVM (%s)",
                timeout.toSeconds(), last));
    }

    /**
     * Boots {@code image}'s kernel and initrd under {@code accel} in the probe domain {@code vbench-RUN-accel-probe}
     * (see {@link ProbeDomainSpec}) and watches its console log in {@code workDir} until the kernel reaches
     * userspace, the guest stops, or {@code timeout} passes. The domain is always destroyed and undefined and the log
     * deleted afterwards.
     *
     * @throws ProvisioningException when the probe domain cannot be defined or started, or its console log cannot
     *                               be read (e.g. a remote host)
     * @throws IllegalArgumentException when the image has no kernel
     */
    public static BootProbe probe(Accel accel, Provisioner provisioner, ImageSpec image, Path workDir, String runId,
                                  RunOwner owner, Duration timeout) {
        if (!image.directKernelBoot()) {
            throw new IllegalArgumentException("the boot probe needs an image with a kernel");
        }
        RunTag tag = new RunTag(runId, RunTag.ACCEL_PROBE, owner);
        String name = DomainSpec.domainName(runId, RunTag.ACCEL_PROBE);
        if (!provisioner.local()) {
            try (HostConsole console = provisioner.openConsole(VolumeNames.console(runId, RunTag.ACCEL_PROBE))) {
                return watch(accel, provisioner, new ProbeDomainSpec(name, accel, tag, image.kernel(), image.initrd(),
                        ProbeDomainSpec.CMDLINE, console.path()), () -> console.read(CONSOLE_MAX_BYTES), timeout);
            }
        }
        Path log = workDir.toAbsolutePath().normalize().resolve(name + "-console.log");
        ProbeDomainSpec spec = new ProbeDomainSpec(name, accel, tag, image.kernel(), image.initrd(),
                ProbeDomainSpec.CMDLINE, log);
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new ProvisioningException("prepare boot probe console log " + log, e.toString(), e);
        }
        try {
            return watch(accel, provisioner, spec, () -> read(log), timeout);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // the log only feeds the reason string; a leftover file is harmless
            }
        }
    }

    /** Starts the probe domain and watches its console until userspace, a stop or the timeout. */
    private static BootProbe watch(Accel accel, Provisioner provisioner, ProbeDomainSpec spec,
                                   Supplier<String> log, Duration timeout) {
        long t0 = System.nanoTime();
        String console = "";
        boolean booted = false;
        boolean stoppedEarly = false;
        try (RunningDomain probe = provisioner.start(DomainDefinition.of(spec))) {
            long deadline = t0 + timeout.toNanos();
            while (true) {
                console = log.get();
                if (KernelConsole.reachedUserspace(console)) {
                    booted = true;
                    break;
                }
                if (!probe.isActive()) {
                    console = log.get();
                    booted = KernelConsole.reachedUserspace(console);
                    stoppedEarly = !booted;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("boot probe under " + accel.planName(), "interrupted", e);
        }
        return new BootProbe(accel, booted, stoppedEarly, (System.nanoTime() - t0) / 1e9,
                KernelConsole.lastLine(console));
    }

    private static String read(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new ProvisioningException("read boot probe console log " + log, e.toString(), e);
        }
    }
}
