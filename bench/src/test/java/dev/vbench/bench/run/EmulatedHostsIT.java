package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/hosts}: two emulated hypervisor hosts, reached from the harness namespace over qemu+ssh only. */
class EmulatedHostsIT {
    private static final Pattern KEYFILE = Pattern.compile("[?&]keyfile=([^&]+)");

    @TempDir
    Path tmp;

    @Test
    void twoHostsAnswerOverQemuSshFromTheHarnessNamespaceAndDownLeavesNothing() throws IOException {
        List<Long> pids;
        try (EmulatedHosts hosts = EmulatedHosts.up(2)) {
            assertThat(hosts.uris()).hasSize(2);
            assertThat(Files.readAllLines(hosts.knownHosts())).hasSize(2)
                    .anyMatch(l -> l.startsWith("10.231.1.2 ssh-ed25519 "))
                    .anyMatch(l -> l.startsWith("10.231.2.2 ssh-ed25519 "));
            for (int i = 1; i <= 2; i++) {
                String uri = hosts.uris().get(i - 1);
                assertThat(uri).startsWith("qemu+ssh://root@" + hosts.address(i) + "/system?");
                assertThat(virsh(hosts, uri, "hostname")).isEqualTo("vbench-h" + i);
                // its own libvirtd: only its own network (none of the local lab's), on its own subnet
                assertThat(virsh(hosts, uri, "net-list", "--all", "--name")).isEqualTo("vbench");
                assertThat(virsh(hosts, uri, "net-dumpxml", "vbench")).contains("192.168." + (160 + i) + ".1");
                assertThat(virsh(hosts, uri, "list", "--all", "--name")).isEmpty();
                assertThat(virsh(hosts, uri, "pool-list", "--all", "--name")).isEmpty();
                assertThat(ssh(hosts, uri, i, "cat /proc/sys/kernel/hostname")).isEqualTo("vbench-h" + i);
            }
            storageAndGuestOnHost1(hosts, hosts.uris().get(0));
            // the harness namespace has routes to the hosts only: nothing it sends leaves the namespaces
            assertThat(EmulatedHosts.run(1, "ip", "-n", hosts.harnessNamespace(), "route").stdout().lines()
                    .map(String::strip))
                    .containsExactlyInAnyOrder("10.231.1.0/24 dev h1 proto kernel scope link src 10.231.1.1",
                            "10.231.2.0/24 dev h2 proto kernel scope link src 10.231.2.1");
            // and outside it they are unreachable (not sent to this machine's default route)
            assertThat(EmulatedHosts.run(1, "ip", "route", "get", hosts.address(1)).exitCode()).isNotZero();
            pids = hosts.hostProcesses();
            assertThat(pids).as("sshd, virtlogd, libvirtd, dnsmasq of both hosts, QEMU").hasSizeGreaterThanOrEqualTo(7);
        }
        for (String ns : List.of("vbench-h1", "vbench-h2", EmulatedHosts.HARNESS_NAMESPACE)) {
            assertThat(Path.of("/run/netns", ns)).as("namespace " + ns).doesNotExist();
        }
        assertThat(EmulatedHosts.HOME).doesNotExist();
        assertThat(EmulatedHosts.RUN).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain("vbench-hosts");
        List<Long> alive = new ArrayList<>();
        for (long pid : pids) {
            // a process killed by down may still be a zombie until PID 1 reaps it: wait a little, zombies are gone
            ProcessHandle.of(pid).filter(p -> !exits(p)).ifPresent(p -> alive.add(pid));
        }
        assertThat(alive).as("processes of the hosts still running").isEmpty();
    }

    /**
     * Through libvirt's storage API over qemu+ssh: a pool on host 1 (in its own /var/lib/vbench), a file uploaded
     * and downloaded unchanged, the lab kernel uploaded and booted by host 1's QEMU; pool and guest are left
     * for {@code scripts/hosts down} to remove.
     */
    private void storageAndGuestOnHost1(EmulatedHosts hosts, String uri) throws IOException {
        Path poolXml = Files.writeString(tmp.resolve("pool.xml"), "<pool type='dir'><name>it</name><target>"
                + "<path>/var/lib/vbench/emulated-hosts-it</path></target></pool>");
        virsh(hosts, uri, "pool-define", poolXml.toString());
        virsh(hosts, uri, "pool-build", "it");
        virsh(hosts, uri, "pool-start", "it");
        byte[] data = new byte[100_000];
        new java.util.Random(12).nextBytes(data);
        Path up = Files.write(tmp.resolve("up.bin"), data);
        Path down = tmp.resolve("down.bin");
        virsh(hosts, uri, "vol-create-as", "it", "small.bin", Integer.toString(data.length), "--format", "raw");
        virsh(hosts, uri, "vol-upload", "--pool", "it", "small.bin", up.toString());
        virsh(hosts, uri, "vol-download", "--pool", "it", "small.bin", down.toString());
        assertThat(Files.readAllBytes(down)).isEqualTo(data);
        assertThat(LabHome.fromEnvironment().root().resolve("emulated-hosts-it")).as("the harness's home")
                .doesNotExist();

        Path kernel = LabHome.fromEnvironment().defaultImageDir().resolve("vmlinuz");
        virsh(hosts, uri, "vol-create-as", "it", "vmlinuz", Long.toString(Files.size(kernel)), "--format", "raw");
        virsh(hosts, uri, "vol-upload", "--pool", "it", "vmlinuz", kernel.toString());
        Path domain = Files.writeString(tmp.resolve("domain.xml"), "<domain type='qemu'><name>emulated-hosts-it</name>"
                + "<memory unit='MiB'>128</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type>"
                + "<kernel>/var/lib/vbench/emulated-hosts-it/vmlinuz</kernel><cmdline>console=ttyS0 panic=0</cmdline>"
                + "</os><devices><serial type='pty'/><interface type='network'><source network='vbench'/>"
                + "<model type='virtio'/></interface></devices></domain>");
        virsh(hosts, uri, "create", domain.toString());
        assertThat(virsh(hosts, uri, "list", "--state-running", "--name")).isEqualTo("emulated-hosts-it");
    }

    private static String virsh(EmulatedHosts hosts, String uri, String... args) {
        List<String> argv = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
        argv.addAll(List.of(args));
        EmulatedHosts.Output out = EmulatedHosts.run(2, hosts.inHarness(argv.toArray(String[]::new)));
        assertThat(out.exitCode()).as("virsh " + String.join(" ", args) + " on " + uri).isZero();
        return out.stdout().strip();
    }

    /** ssh as the harness would: the lab key, the hosts' known_hosts, strict host key checking. */
    private static String ssh(EmulatedHosts hosts, String uri, int i, String command) {
        Matcher key = KEYFILE.matcher(uri);
        assertThat(key.find()).as("keyfile in " + uri).isTrue();
        EmulatedHosts.Output out = EmulatedHosts.run(2, hosts.inHarness("ssh", "-F", "none", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + hosts.knownHosts(),
                "-o", "GlobalKnownHostsFile=none", "-i", key.group(1), "root@" + hosts.address(i), command));
        assertThat(out.exitCode()).as("ssh root@" + hosts.address(i)).isZero();
        return out.stdout().strip();
    }

    /** Whether {@code p} exits (or is a zombie, dead but not yet reaped) within 10 s. */
    private static boolean exits(ProcessHandle p) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                return true; // gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
