package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lab hardware, emulated: two hypervisor hosts on this machine ({@code scripts/hosts up 2}: each its own network
 * namespace, sshd and libvirtd), reached from a third namespace only over {@code qemu+ssh}. The image is pushed to
 * each host's storage pool through libvirt once; then one plan runs on both hosts at the same time from a harness
 * whose home holds no image file: guests reached through their host, the iperf3 server on the host, results kept
 * per host, and nothing of the run left on either host.
 */
class RemoteHostsIT {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(25);

    @TempDir
    static Path tmp;
    static EmulatedHosts hosts;
    static Path harnessHome;
    static Path out;
    static int exit;
    static String output;

    @BeforeAll
    static void runOnTwoHosts() throws Exception {
        LabFixture.requireLab();
        hosts = EmulatedHosts.up(2);
        LabHome lab = LabHome.fromEnvironment();
        for (int i = 1; i <= 2; i++) {
            try (HarnessProcess push = HarnessProcess.startInNamespace(hosts.harnessNamespace(), lab.root(),
                    "image", "push", "--connect", plainUri(i, lab.sshKey()), "--known-hosts",
                    hosts.knownHosts().toString())) {
                assertThat(push.waitFor(Duration.ofMinutes(10))).as(push.output()).isZero();
                System.out.println(push.output());
            }
        }
        harnessHome = Files.createDirectories(tmp.resolve("harness-home"));
        Path key = Files.createDirectories(harnessHome.resolve("ssh")).resolve("id_ed25519");
        Files.copy(lab.sshKey(), key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        StringBuilder plan = new StringBuilder("name: remote\naccel: tcg\nhosts:\n");
        for (int i = 1; i <= 2; i++) {
            plan.append("  - {name: h").append(i).append(", connect: '").append(plainUri(i, key))
                    .append("', known_hosts: ").append(hosts.knownHosts()).append("}\n");
        }
        plan.append("""
                network: vbench
                boots: 1
                repetitions: 2
                variants:
                  - {name: ide-e1000, disk: {bus: ide, cache: writethrough}, nic: {model: e1000}}
                  - {name: virtio, disk: {bus: virtio, cache: writeback}, nic: {model: virtio}}
                workloads:
                  - {name: randread, fio: {rw: randread, bs: 4k, iodepth: 16, size: 256M, runtime: 5s}}
                  - {name: tcp, iperf3: {duration: 5s}}
                """);
        Path planFile = tmp.resolve("remote.yaml");
        Files.writeString(planFile, plan.toString());
        out = tmp.resolve("out");
        try (HarnessProcess run = HarnessProcess.startInNamespace(hosts.harnessNamespace(), harnessHome, "run",
                "--plan", planFile.toString(), "--out", out.toString(), "--seed", "7")) {
            exit = run.waitFor(RUN_TIMEOUT);
            output = run.output();
        }
        System.out.println(output);
    }

    /** The URI a lab engineer writes: no command=, the host's key checked against the plan's known_hosts. */
    private static String plainUri(int host, Path key) {
        return "qemu+ssh://root@" + hosts.address(host) + "/system?keyfile=" + key;
    }

    private static String inHarness(String... cmd) {
        EmulatedHosts.Output out = EmulatedHosts.run(2, hosts.inHarness(cmd));
        assertThat(out.exitCode()).as(String.join(" ", cmd) + ": " + out.stdout()).isZero();
        return out.stdout();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    void bothHostsMeasuredEveryVariantAndWorkloadIntoTheirOwnResults() throws IOException {
        assertThat(exit).as(output).isIn(0, 10, 11);
        for (String host : List.of("h1", "h2")) {
            Path dir = out.resolve("hosts").resolve(host);
            List<Sample> samples = SampleCsv.read(dir.resolve("results.csv"));
            for (String variant : List.of("ide-e1000", "virtio")) {
                assertThat(samples).as(host + " " + variant).anyMatch(s -> s.variant().equals(variant)
                        && s.metric().equals("read_iops"));
                assertThat(samples).as(host + " " + variant).anyMatch(s -> s.variant().equals(variant)
                        && s.workload().equals("tcp"));
            }
            JsonNode run = LabFixture.json(dir.resolve("run.json"));
            assertThat(run.path("environment").path("vbench_host").asText()).isEqualTo(host);
            assertThat(run.path("environment").path("libvirt_uri").asText()).startsWith("qemu+ssh://");
            assertThat(run.path("variants")).allMatch(v -> v.path("status").asText().equals("ready"));
        }
        JsonNode summary = LabFixture.json(out.resolve("summary.json"));
        assertThat(summary.path("format").asText()).isEqualTo("vbench-hosts");
        assertThat(summary.path("hosts")).extracting(h -> h.path("status").asText()).containsOnly("complete");
        assertThat(output).contains("[h1] ", "[h2] ");
    }

    @Test
    void theHarnessHomeHoldsNoImageFile() throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(harnessHome)) {
            all.filter(Files::isRegularFile).forEach(p -> files.add(harnessHome.relativize(p).toString()));
        }
        assertThat(files).noneMatch(f -> f.endsWith(".qcow2") || f.endsWith(".raw") || f.contains("vmlinuz")
                || f.contains("initrd"));
    }

    @Test
    void nothingOfTheRunIsLeftOnEitherHost() throws Exception {
        for (int i = 1; i <= 2; i++) {
            String uri = hosts.uris().get(i - 1);
            assertThat(inHarness("virsh", "-q", "-c", uri, "list", "--all", "--name").strip())
                    .as("domains on host " + i).isEmpty();
            assertThat(inHarness("virsh", "-q", "-c", uri, "vol-list", "vbench")).as("volumes on host " + i)
                    .contains("img-").doesNotContain("ovl-").doesNotContain("con-");
            assertThat(inHarness("ssh", "-F", "none", "-o", "UserKnownHostsFile=" + hosts.knownHosts(), "-o",
                    "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-i", LabHome.fromEnvironment().sshKey()
                    .toString(), "root@" + hosts.address(i), "pgrep -a iperf3; ls /tmp").strip())
                    .as("iperf3 servers or their files on host " + i).doesNotContain("iperf3");
        }
    }
}
