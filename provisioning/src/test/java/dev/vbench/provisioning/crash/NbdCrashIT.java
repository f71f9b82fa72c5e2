package dev.vbench.provisioning.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.LabFacts;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.OverlayFile;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.RunOwner;
import dev.vbench.provisioning.RunningDomain;
import dev.vbench.provisioning.Variant;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The host-crash model on the local lab, one boot: a guest whose data disk (virtio-blk, cache=writeback) is served by
 * nbdkit's writeback cache writes one block with a flush ({@code oflag=direct,dsync}) and one without
 * ({@code oflag=direct}: it reaches nbdkit but no flush follows), then nbdkit is SIGKILLed and the domain destroyed.
 * The backing file must hold the flushed block and not the unflushed one, and nothing may be left behind.
 */
@EnabledIfSystemProperty(named = "vbench.lab.uri", matches = ".+")
class NbdCrashIT {
    static final String URI = System.getProperty("vbench.lab.uri", "");
    static final String RUN = "nbdit" + ProcessHandle.current().pid();
    static final RunOwner OWNER = RunOwner.of(Path.of("/nbd-crash-it"), "nbd-crash-it");
    static final Path KEY = Path.of(System.getProperty("vbench.lab.key", "/var/lib/vbench/ssh/id_ed25519"));
    static final int BLOCK = 65536;
    static final long UNFLUSHED_AT = 16L * BLOCK;
    static final String GUEST_WRITES = "set -e; d=$(readlink -f /dev/disk/by-id/virtio-" + "vbdata); echo dev=$d;"
            + " yes VBNBD-FLUSHED | head -c 65536 > /tmp/f; yes VBNBD-UNFLUSHED | head -c 65536 > /tmp/u;"
            + " dd if=/tmp/f of=$d bs=64k count=1 oflag=direct,dsync status=none;"
            + " dd if=/tmp/u of=$d bs=64k seek=16 count=1 oflag=direct status=none; echo written";

    Path work;
    Provisioner provisioner;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory(Path.of("/var/tmp"), "vbench-nbd-it-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        provisioner = LibvirtProvisioner.connect(URI);
    }

    @AfterEach
    void tearDown() throws IOException {
        provisioner.close();
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void flushedDataSurvivesTheHostCrashUnflushedDoesNotAndNothingIsLeft() throws Exception {
        Path dir = Path.of(System.getProperty("vbench.lab.image", "/var/lib/vbench/images/default")).toRealPath();
        String hostKey = Files.readString(dir.resolve("host_key.pub")).strip();
        ImageSpec image = new ImageSpec(dir.resolve("disk.qcow2"), dir.resolve("vmlinuz"), dir.resolve("initrd.img"),
                Files.readString(dir.resolve("cmdline")).strip(), hostKey);
        Path file = work.resolve("disk.raw");
        BackingFile.createSparse(file, 64L << 20);
        NbdServerSpec nbd = new NbdServerSpec(file, work.resolve("nbd"), "libvirt-qemu");
        DiskSpec disk = new DiskSpec(DiskBus.VIRTIO, CacheMode.WRITEBACK, null);
        Variant v = new Variant("nbd-" + disk.shortName(), disk, new NicSpec(NicModel.VIRTIO));
        DomainSpec spec = DomainSpec.forVariant(RUN, OWNER, v, Accel.TCG, GuestSpec.DEFAULT, image,
                NetworkSpec.libvirtNetwork(NetworkSpec.LAB_NETWORK), work).withDataNbdSocket(nbd.socket());
        long pid;
        long t0 = System.nanoTime();
        try (NbdServer server = NbdServer.start(nbd, Duration.ofSeconds(30));
             OverlayFile root = OverlayFile.create(spec.rootOverlaySpec());
             RunningDomain vm = provisioner.start(spec)) {
            pid = server.pid();
            assertThat(Files.getOwner(nbd.socket()).getName()).isEqualTo("libvirt-qemu");
            assertThat(vm.liveXml()).contains("<source protocol='nbd'", "socket='" + nbd.socket() + "'");
            Inet4Address ip = vm.waitForIpv4(Duration.ofSeconds(300));
            String out = ssh(ip, hostKey, GUEST_WRITES);
            System.out.printf("guest up and written after %.0f s: %s%n", (System.nanoTime() - t0) / 1e9, out.strip());
            assertThat(out).contains("dev=/dev/vd", "written");
            // before the crash: the flush made block 0 durable, block 16 sits in nbdkit's write cache only
            assertThat(block(file, 0)).isEqualTo(pattern("VBNBD-FLUSHED"));
            assertThat(block(file, UNFLUSHED_AT)).isEqualTo(new byte[BLOCK]);
            server.crash();
            assertThat(server.alive()).isFalse();
            vm.close();
        }
        assertThat(block(file, 0)).as("flushed block after the crash").isEqualTo(pattern("VBNBD-FLUSHED"));
        assertThat(block(file, UNFLUSHED_AT)).as("unflushed block after the crash").isEqualTo(new byte[BLOCK]);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("nbdkit pid %d", pid).isEmpty();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(Arrays::asList)
                .map(a -> a.contains(nbd.socket().toString())).orElse(false)).toList())
                .as("processes naming the socket").isEmpty();
        assertThat(provisioner.listTagged()).noneMatch(t -> t.tag().runId().equals(RUN));
        assertThat(spec.rootOverlay()).doesNotExist();
        assertThat(nbd.dir()).doesNotExist();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("disk.raw", spec.name() + "-console.log", spec.name() + ".known_hosts");
        }
    }

    static byte[] pattern(String word) {
        byte[] line = (word + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            b[i] = line[i % line.length];
        }
        return b;
    }

    static byte[] block(Path file, long offset) throws IOException {
        byte[] b = new byte[BLOCK];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(offset);
            f.readFully(b);
        }
        return b;
    }

    /** Runs {@code command} over SSH in the lab namespace, retrying while sshd is not up yet (at most 120 s). */
    private String ssh(Inet4Address ip, String hostKey, String command) throws Exception {
        Path known = work.resolve("vbench-" + RUN + "-nbd-virtio-wb.known_hosts");
        Files.writeString(known, ip.getHostAddress() + " " + hostKey + "\n");
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", LabFacts.namespace(), "ssh", "-i",
                KEY.toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + known, "-o", "LogLevel=ERROR",
                "root@" + ip.getHostAddress(), command));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (p.exitValue() == 0) {
                return out;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ssh to " + ip + " failed: exit " + p.exitValue() + ": " + out);
            }
            Thread.sleep(2000);
        }
    }
}
