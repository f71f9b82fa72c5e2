package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.bench.ssh.HostPublicKey;
import dev.vbench.bench.ssh.SshTarget;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.TaggedDomain;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on the local lab: a guest's QEMU killed mid-run, sshd stopped inside a guest, the harness sent
 * SIGTERM, the harness killed with SIGKILL followed by {@code vbench cleanup}. After each: nothing left behind,
 * every completed measurement still in the journal, and {@code --resume} finishes the run.
 */
class FaultsIT {
    static final String PLAN = "src/test/resources/plans/faults.yaml";
    static final Duration RUN_LIMIT = Duration.ofMinutes(8);
    static final Pattern FIRST_MEASUREMENT = Pattern.compile("^\\[1/\\d+] (\\S+) ");

    @TempDir
    Path tmp;

    @BeforeAll
    static void lab() {
        LabFixture.requireLab();
    }

    @Test
    void guestKilledMidRunFailsOnlyThatVariantAndResumeFinishes() throws Exception {
        Path out = tmp.resolve("destroyed");
        try (HarnessProcess vbench = HarnessProcess.start("run", "--plan", PLAN, "--out", out.toString(), "--seed", "7")) {
            String variant = variantOf(vbench.awaitLine(l -> FIRST_MEASUREMENT.matcher(l).find(), RUN_LIMIT));
            String runId = runId(out);
            destroyDomainOf(runId, variant); // like `virsh destroy`: QEMU is killed
            int exit = vbench.waitFor(RUN_LIMIT);
            assertThat(exit).as(vbench.output()).isEqualTo(7);
            assertThat(vbench.output()).contains("failed: " + variant);
            JsonNode run = LabFixture.json(out.resolve("run.json"));
            assertThat(run.path("status").asText()).isEqualTo("partial");
            assertThat(Journal.measurements(Journal.read(out))).anyMatch(m -> m.ok() && m.variant().equals(variant));
            String other = variant.equals("ide-wt-e1000") ? "virtio-wb-virtio" : "ide-wt-e1000";
            assertThat(Journal.measurements(Journal.read(out)).stream()
                    .filter(m -> m.ok() && m.variant().equals(other)).count()).as("the other variant went on")
                    .isEqualTo(2 * 2);
            LabFixture.assertNothingLeftBehind(runId);
        }
        resumeFinishes(out);
    }

    @Test
    void sshdStoppedInGuestFailsThatVariantAndResumeFinishes() throws Exception {
        Path out = tmp.resolve("sshd");
        try (HarnessProcess vbench = HarnessProcess.start("run", "--plan", PLAN, "--out", out.toString(), "--seed", "8")) {
            String variant = variantOf(vbench.awaitLine(l -> FIRST_MEASUREMENT.matcher(l).find(), RUN_LIMIT));
            String runId = runId(out);
            stopSshdIn(out, variant);
            int exit = vbench.waitFor(RUN_LIMIT);
            assertThat(exit).as(vbench.output()).isEqualTo(7);
            assertThat(vbench.output()).contains("failed: " + variant);
            LabFixture.assertNothingLeftBehind(runId);
        }
        resumeFinishes(out);
    }

    @Test
    void sigtermKeepsCompletedMeasurementsAndResumeFinishes() throws Exception {
        Path out = tmp.resolve("sigterm");
        try (HarnessProcess vbench = HarnessProcess.start("run", "--plan", PLAN, "--out", out.toString(), "--seed", "9")) {
            vbench.awaitLine(l -> FIRST_MEASUREMENT.matcher(l).find(), RUN_LIMIT);
            String runId = runId(out);
            vbench.terminate();
            int exit = vbench.waitFor(Duration.ofMinutes(3));
            assertThat(exit).as(vbench.output()).isEqualTo(143);
            JsonNode run = LabFixture.json(out.resolve("run.json"));
            assertThat(run.path("status").asText()).isEqualTo("interrupted");
            assertThat(out.resolve("report.html")).exists();
            assertThat(Journal.measurements(Journal.read(out))).anyMatch(Measurement::ok);
            LabFixture.assertNothingLeftBehind(runId);
        }
        resumeFinishes(out);
    }

    @Test
    void sigkillThenCleanupLeavesNothingAndResumeFinishes() throws Exception {
        Path out = tmp.resolve("sigkill");
        String runId;
        try (HarnessProcess vbench = HarnessProcess.start("run", "--plan", PLAN, "--out", out.toString(), "--seed", "10")) {
            vbench.awaitLine(l -> FIRST_MEASUREMENT.matcher(l).find(), RUN_LIMIT);
            runId = runId(out);
            vbench.kill();
            vbench.waitFor(Duration.ofSeconds(30));
        }
        assertThat(tagged(runId)).as("SIGKILL leaves the domains running").isNotEmpty();
        int completed = (int) Journal.measurements(Journal.read(out)).stream().filter(Measurement::ok).count();
        assertThat(completed).isGreaterThanOrEqualTo(1);
        LabFixture.Invocation cleanup = LabFixture.vbench("cleanup");
        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
        assertThat(cleanup.out()).contains("removed domain vbench-" + runId);
        LabFixture.assertNothingLeftBehind(runId);
        resumeFinishes(out);
    }

    /** {@code --resume DIR} completes the run: every cell has all its repetitions, and nothing is left behind. */
    private void resumeFinishes(Path out) throws Exception {
        int before = (int) Journal.measurements(Journal.read(out)).stream().filter(Measurement::ok).count();
        try (HarnessProcess resumed = HarnessProcess.start("run", "--resume", out.toString())) {
            int exit = resumed.waitFor(RUN_LIMIT);
            assertThat(exit).as(resumed.output()).isIn(0, 10, 11);
        }
        JsonNode run = LabFixture.json(out.resolve("run.json"));
        assertThat(run.path("status").asText()).isEqualTo("complete");
        List<Measurement> ok = Journal.measurements(Journal.read(out)).stream().filter(Measurement::ok).toList();
        assertThat(ok.size()).isGreaterThanOrEqualTo(before);
        for (String v : List.of("ide-wt-e1000", "virtio-wb-virtio")) {
            for (String w : List.of("randwrite-4k", "tcp-tx")) {
                assertThat(ok.stream().filter(m -> m.variant().equals(v) && m.workload().equals(w))
                        .map(Measurement::rep).distinct().count()).as(v + " " + w).isEqualTo(2);
            }
        }
        assertThat(LabFixture.lines(out.resolve("results.csv"))).hasSizeGreaterThan(1);
        LabFixture.assertNothingLeftBehind(run.path("run_id").asText());
    }

    private static String variantOf(String progressLine) {
        Matcher m = FIRST_MEASUREMENT.matcher(progressLine);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String runId(Path out) throws Exception {
        return Journal.start(Journal.read(out)).orElseThrow().runId();
    }

    private static List<TaggedDomain> tagged(String runId) {
        try (Provisioner p = LibvirtProvisioner.connect(LabFixture.URI)) {
            return p.listTagged().stream().filter(d -> d.tag().runId().equals(runId)).toList();
        }
    }

    private static void destroyDomainOf(String runId, String variant) throws Exception {
        String name = tagged(runId).stream().filter(d -> d.tag().variant().equals(variant)).findFirst()
                .orElseThrow().name();
        Process virsh = new ProcessBuilder("virsh", "-c", LabFixture.URI, "destroy", name).inheritIO().start();
        assertThat(virsh.waitFor()).isZero();
    }

    /** Stops sshd inside the guest of {@code variant} (found through the journal's variant record). */
    private static void stopSshdIn(Path out, String variant) throws Exception {
        VariantRecord record = Journal.read(out).stream().filter(JournalEntry.VariantEntry.class::isInstance)
                .map(e -> ((JournalEntry.VariantEntry) e).record()).filter(r -> r.variant().equals(variant))
                .findFirst().orElseThrow();
        LabHome lab = LabHome.fromEnvironment();
        SshTarget target = new SshTarget(record.address(), 22, "root", lab.sshKey(),
                HostPublicKey.read(lab.defaultImageDir().resolve("host_key.pub")));
        try (GuestShell shell = GuestShell.connect(target, Duration.ofSeconds(60))) {
            // the harness is measuring this guest's next workload: stop the listener and every session, so the
            // harness' own connection breaks and its next one finds no sshd.
            shell.execAnyStatus(List.of("sh", "-c", "systemctl stop ssh.socket ssh.service; pkill -x sshd; true"),
                    Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            // our own session dies with sshd: expected
        }
    }
}
