package dev.vbench.provisioning.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.AccelResolution;
import dev.vbench.provisioning.AccelResolver;
import dev.vbench.provisioning.BootProbe;
import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.DomainDefinition;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.OverlayFile;
import dev.vbench.provisioning.ProbeDomainSpec;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.RunOwner;
import dev.vbench.provisioning.RunTag;
import dev.vbench.provisioning.RunningDomain;
import dev.vbench.provisioning.TaggedDomain;
import dev.vbench.provisioning.Variant;
import dev.vbench.provisioning.evidence.DeviceCheck;
import dev.vbench.provisioning.evidence.DeviceEvidence;
import dev.vbench.provisioning.evidence.GuestDeviceScript;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real QEMU through the local lab's libvirtd: opt in with {@code -Dvbench.lab.uri=qemu:///system} once
 * {@code scripts/lab status} reports the lab up. Boots real guests under TCG (about 30 s each on two cores).
 * Guest SSH runs inside the lab's network namespace ({@code ip netns exec vbench ssh ...}), host key pinned to the
 * image's {@code host_key.pub}. Each guest's device script output is kept in {@code <build dir>/captured/}.
 */
@EnabledIfSystemProperty(named = "vbench.lab.uri", matches = ".+")
class LibvirtQemuIT {
    static final String URI = System.getProperty("vbench.lab.uri", "");
    static final String RUN = "provit" + ProcessHandle.current().pid();
    /** An owner no harness has: a cleanup running meanwhile on this libvirtd leaves these domains alone. */
    static final RunOwner OWNER = RunOwner.of(Path.of("/provisioning-it"), "provisioning-it");
    static final String NETNS = System.getProperty("vbench.lab.netns", dev.vbench.provisioning.LabFacts.namespace());
    static final Path KEY = Path.of(System.getProperty("vbench.lab.key", "/var/lib/vbench/ssh/id_ed25519"));
    static final Path CAPTURED = Path.of(System.getProperty("vbench.build.dir", "target"), "captured");

    static ImageSpec image;
    static String hostKey;
    static Path work;

    Provisioner provisioner;

    @BeforeAll
    static void lab() throws IOException {
        Path dir = Path.of(System.getProperty("vbench.lab.image", "/var/lib/vbench/images/default")).toRealPath();
        String cmdline = Files.readString(dir.resolve("cmdline")).strip();
        hostKey = Files.readString(dir.resolve("host_key.pub")).strip();
        image = new ImageSpec(dir.resolve("disk.qcow2"), dir.resolve("vmlinuz"), dir.resolve("initrd.img"), cmdline,
                hostKey);
        // QEMU runs as libvirt-qemu: the overlay directory must be reachable for it
        work = Files.createTempDirectory(Path.of("/var/tmp"), "vbench-prov-it-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createDirectories(CAPTURED);
    }

    @AfterAll
    static void removeWork() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @BeforeEach
    void open() {
        provisioner = LibvirtProvisioner.connect(URI);
    }

    @AfterEach
    void close() {
        List<TaggedDomain> mine = provisioner.listTagged().stream().filter(t -> t.tag().runId().equals(RUN)).toList();
        provisioner.close();
        assertThat(mine).as("domains of this test run left behind").isEmpty();
    }

    @Test
    void hostEnvironment() {
        HostEnvironment env = provisioner.hostEnvironment();
        System.out.println("host environment: " + env);
        assertThat(env.hypervisor()).isEqualTo("QEMU");
        assertThat(env.hypervisorVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(env.libvirtVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(provisioner.networkHostAddress(NetworkSpec.LAB_NETWORK)).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void tcgProbeSeesTheKernelReachUserspace() {
        // the positive control of the probe: under TCG this kernel boots (LAB-NOTES)
        BootProbe p = AccelResolver.probe(Accel.TCG, provisioner, image, work, RUN, OWNER, Duration.ofSeconds(120));
        System.out.println("TCG boot probe: " + p);
        assertThat(p.reachedUserspace()).as("TCG probe %s", p).isTrue();
        assertThat(p.stoppedEarly()).isFalse();
    }

    @Test
    void autoResolvesToTcgOnThisNestedHost() {
        AccelResolution r = AccelResolver.resolve(Accel.AUTO, provisioner, image, work, RUN, OWNER);
        System.out.println("accel auto: " + r);
        if (Files.exists(Path.of("/sys/module/kvm_pvm"))) {
            // LAB-NOTES: under kvm_pvm a Debian kernel hangs after "Probing EDD"
            assertThat(r.resolved()).isEqualTo(Accel.TCG);
            assertThat(r.reason()).containsAnyOf("did not reach userspace", "probe domain failed", "offer no kvm");
        }
        if (r.resolved() == Accel.KVM) {
            assertThat(r.reason()).contains("reached userspace under KVM");
        }
    }

    @Test
    void startFailureCarriesLibvirtsErrorAndLeavesNoDefinition() {
        ProbeDomainSpec broken = new ProbeDomainSpec("vbench-" + RUN + "-broken", Accel.TCG,
                new RunTag(RUN, "broken", OWNER),
                Path.of("/nonexistent/vmlinuz"), null, ProbeDomainSpec.CMDLINE, work.resolve("broken.log"));
        assertThatThrownBy(() -> provisioner.start(DomainDefinition.of(broken)))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageStartingWith("start domain 'vbench-" + RUN + "-broken': ")
                .hasMessageContaining("/nonexistent/vmlinuz");
        assertThat(provisioner.listTagged()).noneMatch(t -> t.name().equals(broken.name()));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"sata, e1000", "ide, rtl8139", "virtio-scsi, virtio", "virtio, e1000"})
    void guestSeesExactlyTheVariantsDevices(String bus, String nic) throws Exception {
        DiskSpec disk = new DiskSpec(DiskBus.fromPlan(bus), CacheMode.WRITEBACK, null);
        Variant v = new Variant(disk.shortName() + "-" + nic, disk, new NicSpec(NicModel.fromPlan(nic)));
        DomainSpec spec = DomainSpec.forVariant(RUN, OWNER, v, Accel.TCG, GuestSpec.DEFAULT, image,
                NetworkSpec.libvirtNetwork(NetworkSpec.LAB_NETWORK), work);
        try (OverlayFile root = OverlayFile.create(spec.rootOverlaySpec());
             OverlayFile data = OverlayFile.create(spec.dataOverlaySpec());
             RunningDomain vm = provisioner.start(spec)) {
            String live = vm.liveXml();
            Files.writeString(CAPTURED.resolve("live-" + v.name() + ".xml"), live);
            assertThat(live).contains("machine='pc-i440fx-");
            if (disk.bus() == DiskBus.SATA) {
                assertThat(live).as("libvirt adds an AHCI controller on pc").contains("<controller type='sata'");
            }
            long cpu0 = vm.hostCpuNanos();
            Inet4Address ip = vm.waitForIpv4(Duration.ofSeconds(180));
            long cpu1 = vm.hostCpuNanos();
            vm.suspend();
            long paused = vm.hostCpuNanos();
            Thread.sleep(3000);
            assertThat(vm.hostCpuNanos() - paused).as("a suspended guest costs (almost) no host CPU")
                    .isLessThan(500_000_000L);
            vm.resume();
            System.out.printf("%s: %s, host CPU %.1f s -> %.1f s%n", v.name(), ip.getHostAddress(), cpu0 / 1e9,
                    cpu1 / 1e9);
            assertThat(cpu1).as("booting costs host CPU").isGreaterThan(cpu0 + 1_000_000_000L);

            String output = sshUntilUp(ip, GuestDeviceScript.SCRIPT, spec.name());
            Files.writeString(CAPTURED.resolve("evidence-" + v.name() + ".txt"), output);
            DeviceEvidence evidence = DeviceEvidence.parse(output);
            assertThat(DeviceCheck.verify(v, evidence)).as("mismatches, evidence:%n%s", output).isEmpty();
            assertThat(evidence.nics().get(0).mac()).isEqualTo(spec.mac().value());
            Variant other = new Variant("other", new DiskSpec(disk.bus() == DiskBus.IDE ? DiskBus.SATA : DiskBus.IDE,
                    CacheMode.WRITEBACK, null), new NicSpec(v.nic().model() == NicModel.VIRTIO ? NicModel.E1000
                    : NicModel.VIRTIO));
            assertThat(DeviceCheck.verify(other, evidence)).hasSize(2);
        }
        assertThat(spec.rootOverlay()).doesNotExist();
        assertThat(spec.dataOverlay()).doesNotExist();
    }

    /** Runs {@code command} over SSH in the lab namespace, retrying while sshd is not up yet (at most 90 s). */
    private String sshUntilUp(Inet4Address ip, String command, String name) throws Exception {
        Path known = work.resolve(name + ".known_hosts");
        Files.writeString(known, ip.getHostAddress() + " " + hostKey + "\n");
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", NETNS, "ssh", "-i", KEY.toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + known, "-o", "LogLevel=ERROR",
                "root@" + ip.getHostAddress(), command));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (p.exitValue() == 0) {
                return out;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ssh to " + ip + " failed: exit " + p.exitValue() + ": " + err);
            }
            Thread.sleep(2000);
        }
    }
}
