package dev.vbench.bench.run;

import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.bench.ssh.HostPublicKey;
import dev.vbench.bench.ssh.SshTarget;
import dev.vbench.provisioning.DiskBackend;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.HostConsole;
import dev.vbench.provisioning.LabFacts;
import dev.vbench.provisioning.Overlay;
import dev.vbench.provisioning.OverlayFile;
import dev.vbench.provisioning.OverlayVolume;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.RunningDomain;
import dev.vbench.provisioning.VolumeNames;
import dev.vbench.provisioning.crash.BackingFile;
import dev.vbench.provisioning.crash.NbdServer;
import dev.vbench.provisioning.crash.NbdServerSpec;
import dev.vbench.provisioning.evidence.DeviceCheck;
import dev.vbench.provisioning.evidence.DeviceEvidence;
import dev.vbench.provisioning.evidence.DeviceMismatch;
import dev.vbench.provisioning.evidence.GuestDeviceScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One variant's guest, booted and proven to be the variant it claims to be. Everything it creates (overlays,
 * domain) is closed in reverse order by {@link #close()}, also when booting fails half-way.
 */
public final class VariantGuest implements AutoCloseable {
    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final Duration NBD_START = Duration.ofSeconds(30);

    private DomainSpec spec;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private RunningDomain domain;
    private SshTarget target;
    private String evidenceText;
    private DeviceEvidence evidence;
    private String guestKernel;
    private String liveXml;
    private HostConsole hostConsole;
    private String failedConsole;
    private NbdServer nbd;
    private Path dataFile;
    private boolean ext4Data;

    private boolean closed;

    /** A guest for {@code spec}, not booted yet; register it for teardown before calling {@link #boot}. */
    public VariantGuest(DomainSpec spec) {
        this.spec = spec;
    }

    /**
     * Creates the overlays, defines and starts the domain, waits for its address and SSH, collects the device
     * evidence and checks it against the variant. On failure everything created so far is torn down again. A
     * concurrent {@link #close()} (Ctrl-C) makes it fail promptly.
     *
     * @param jump the remote hypervisor host to reach the guest through (its address is on that host's network),
     *             or {@code null} for a guest of this machine
     *
     * @throws VariantCheckException when the guest does not see the devices the variant asked for
     */
    public void boot(Provisioner provisioner, Path sshKey, SshTarget jump, Duration bootTimeout) {
        boot(provisioner, sshKey, jump, bootTimeout, 1);
    }

    /**
     * {@link #boot(Provisioner, Path, SshTarget, Duration)} as boot {@code boot} of the variant. On a local host the
     * overlays are files made by {@code qemu-img} beside the run; on a remote host (not {@link Provisioner#local()})
     * they are volumes of vbench's pool there ({@code ovl-RUN+VARIANT-DISK-bBOOT.qcow2}) and the console log is a file
     * in that pool, read back through libvirt when the boot fails ({@link #failedConsole()}).
     */
    public void boot(Provisioner provisioner, Path sshKey, SshTarget jump, Duration bootTimeout, int boot) {
        try {
            if (provisioner.local()) {
                own(OverlayFile.create(spec.rootOverlaySpec()));
                if (spec.variant().disk().backend() == DiskBackend.NBDKIT) {
                    serveData(boot);
                } else {
                    own(OverlayFile.create(spec.dataOverlaySpec()));
                }
            } else {
                createVolumes(provisioner, boot);
            }
            domain = own(provisioner.start(spec));
            String address = domain.waitForIpv4(bootTimeout).getHostAddress();
            target = new SshTarget(address, 22, "root", sshKey, HostPublicKey.parse(spec.image().hostKey()), jump);
            try (GuestShell shell = GuestShell.connect(target, bootTimeout)) {
                evidenceText = shell.execScript(GuestDeviceScript.SCRIPT, QUICK).stdout();
                evidence = DeviceEvidence.parse(evidenceText);
                guestKernel = shell.exec(List.of("uname", "-r"), QUICK).stdout().trim();
            }
            liveXml = domain.liveXml();
            List<DeviceMismatch> mismatches = DeviceCheck.verify(spec.variant(), evidence);
            if (!mismatches.isEmpty()) {
                throw new VariantCheckException(spec.variant().name(), mismatches.stream()
                        .map(DeviceMismatch::toString).collect(Collectors.joining("; ")));
            }
        } catch (RuntimeException e) {
            keepConsole(e);
            try {
                close();
            } catch (RuntimeException teardown) {
                e.addSuppressed(teardown);
            }
            throw e;
        }
    }

    /**
     * The data disk served by nbdkit's writeback cache over a fresh sparse raw file of the image's data-disk size,
     * both beside the overlays and named by a hash of variant and boot (a unix socket path is short).
     */
    private void serveData(int boot) {
        Path pool = spec.rootOverlaySpec().path().getParent();
        String id = "nbd-" + Integer.toHexString((spec.variant().name() + "#" + boot).hashCode());
        dataFile = pool.resolve(id + ".raw");
        Path file = dataFile;
        own(() -> Files.deleteIfExists(file));
        if (ext4Data) {
            BackingFile.createExt4(file, LabFacts.dataDiskBytes());
        } else {
            BackingFile.createSparse(file, LabFacts.dataDiskBytes());
        }
        nbd = own(NbdServer.start(new NbdServerSpec(file, pool.resolve(id), LabFacts.qemuUser()), NBD_START));
        spec = spec.withDataNbdSocket(nbd.socket());
    }

    /**
     * A host crash under the guest: nbdkit is killed (its cache, what no flush made durable, is lost), then the
     * domain destroyed; the data file then holds exactly what flushes made durable ({@link #dataFile()}).
     * Everything else is left to {@link #close()}.
     *
     * @throws IllegalStateException when the data disk is not served by nbdkit
     */
    public void crashHost() {
        if (nbd == null) {
            throw new IllegalStateException(name() + ": only a data disk served by nbdkit can crash");
        }
        nbd.crash();
        domain.close();
    }

    /** Before {@link #boot}: whether the file under an nbdkit-served data disk gets an ext4 file system (mkfs). */
    public void formatDataExt4(boolean ext4) {
        this.ext4Data = ext4;
    }

    /** The raw file under the nbdkit-served data disk, or {@code null} for a data disk on an overlay. */
    public Path dataFile() {
        return dataFile;
    }

    private void createVolumes(Provisioner provisioner, int boot) {
        String run = spec.tag().runId();
        String variant = spec.variant().name();
        hostConsole = own(provisioner.openConsole(VolumeNames.console(run, variant + "-b" + boot)));
        Overlay root = spec.rootOverlaySpec();
        Overlay data = spec.dataOverlaySpec();
        OverlayVolume r = own(provisioner.createOverlay(VolumeNames.overlay(run, variant, "root", boot),
                root.backing(), root.backingFormat()));
        OverlayVolume d = own(provisioner.createOverlay(VolumeNames.overlay(run, variant, "data", boot),
                data.backing(), data.backingFormat()));
        spec = spec.withOverlays(r.path(), d.path()).withConsoleLog(hostConsole.path());
    }

    /** Reads a remote console log before teardown deletes it; a local one stays a file until the run ends. */
    private void keepConsole(RuntimeException e) {
        if (hostConsole != null && domain != null) {
            try {
                failedConsole = hostConsole.read(RawOutput.CONSOLE_MAX_BYTES);
            } catch (RuntimeException reading) {
                e.addSuppressed(reading);
            }
        }
    }

    /**
     * The end of the console log of a boot that failed on a remote host, read back through libvirt before the log
     * was deleted; {@code null} on a local host (the log is {@code spec().consoleLog()}) or before a failure.
     */
    public String failedConsole() {
        return failedConsole;
    }

    private synchronized <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        if (closed) {
            close();
            throw new IllegalStateException("the run was interrupted while " + spec.variant().name() + " booted");
        }
        return resource;
    }

    /** Opens an SSH session to the guest (retrying until {@code timeout} while the guest wakes up). */
    public GuestShell shell(Duration timeout) {
        return GuestShell.connect(target, timeout);
    }

    public String name() {
        return spec.variant().name();
    }

    public DomainSpec spec() {
        return spec;
    }

    public RunningDomain domain() {
        return domain;
    }

    public String address() {
        return target.host();
    }

    /** Device path of the data disk under test, e.g. {@code /dev/vdb}. */
    public String dataDevice() {
        return "/dev/" + evidence.dataDisks().get(0).name();
    }

    public String evidenceText() {
        return evidenceText;
    }

    public DeviceEvidence evidence() {
        return evidence;
    }

    public String guestKernel() {
        return guestKernel;
    }

    public String liveXml() {
        return liveXml;
    }

    /** Destroys and undefines the domain, then deletes the overlays; every step is tried even if one fails. */
    @Override
    public synchronized void close() {
        closed = true;
        RuntimeException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
