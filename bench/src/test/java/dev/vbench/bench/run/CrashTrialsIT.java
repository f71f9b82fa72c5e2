package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host-crash model on the local lab: crash trials on a data disk served by nbdkit's writeback cache, under
 * {@code cache=writethrough} and {@code cache=unsafe}, each with the synced writer (fdatasync per record) and the
 * buffered one (no sync). What this stack predicts, and the test asserts: the synced writer loses no acknowledged
 * record under either mode, because QEMU's NBD driver sends the guest's flush to the server as its "flush to the
 * OS", which {@code cache=unsafe} does not skip (it only skips the flush to disk of a local file); the buffered
 * writer loses acknowledged records (they die in the guest's page cache) under both, which shows the crash does
 * take away what no flush made durable. Every trial boots a fresh guest; afterwards no nbdkit, domain, overlay or
 * backing file is left.
 */
class CrashTrialsIT {
    static final int SYNCED_TRIALS = 1;

    @TempDir
    static Path tmp;
    static Path out;
    static LabFixture.Invocation run;

    @BeforeAll
    static void runCrashTrials() throws Exception {
        LabFixture.requireLab();
        Path plan = tmp.resolve("crash.yaml");
        Files.writeString(plan, """
                name: crash
                accel: tcg
                baseline: writethrough
                parallel_boots: 2
                variants:
                  - {name: writethrough, disk: {bus: virtio, cache: writethrough, backend: nbdkit}}
                  - {name: unsafe, disk: {bus: virtio, cache: unsafe, backend: nbdkit}}
                workloads:
                  - {name: synced, durability: {mode: sync, trials: %d, records: 50000, crash_after: [3s, 5s]}}
                  - {name: buffered, durability: {mode: buffered, trials: 1, records: 50000, crash_after: [3s, 4s]}}
                repetitions: 1
                claims:
                  - {id: writethrough-keeps-synced, variant: writethrough, workload: synced, metric: acked_lost, max: 0}
                  - {id: unsafe-keeps-synced, variant: unsafe, workload: synced, metric: acked_lost, max: 0}
                  - {id: unsafe-keeps-buffered, variant: unsafe, workload: buffered, metric: acked_lost, max: 0}
                """.formatted(SYNCED_TRIALS));
        out = tmp.resolve("out");
        run = LabFixture.vbench("run", "--plan", plan.toString(), "--out", out.toString(), "--seed", "13");
        System.out.println(run.out());
        System.err.println(run.err());
    }

    @Test
    void syncedRecordsSurviveTheCrashAndBufferedOnesDoNot() throws Exception {
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        List<JsonNode> trials = trials();
        assertThat(trials).hasSize(2 * (SYNCED_TRIALS + 1));
        for (JsonNode t : trials) {
            JsonNode check = t.path("result").path("check");
            assertThat(t.path("result").path("failure").isNull()).as(t.toString()).isTrue();
            assertThat(check.path("acked").asLong()).as("acknowledged before the crash: " + t).isPositive();
            assertThat(check.path("corrupt").asLong()).as(t.toString()).isZero();
            assertThat(check.path("unacked").isIntegralNumber()).as("records issued, never acknowledged: " + t)
                    .isTrue();
            assertThat(check.path("unacked_lost").asLong()).as(t.toString()).isBetween(0L,
                    check.path("unacked").asLong());
            if (t.path("result").path("workload").asText().equals("synced")) {
                assertThat(check.path("acked_lost").asLong()).as("a synced record survives: " + t).isZero();
            } else {
                assertThat(check.path("acked_lost").asLong()).as("a buffered record dies with the guest: " + t)
                        .isPositive();
            }
        }
        assertThat(run.exitCode()).as("unsafe-keeps-buffered is refuted").isEqualTo(11);
        assertThat(run.out()).as("one trial of each variant at a time").contains((2 * (SYNCED_TRIALS + 1))
                + " crash trials to run, 2 at once");
    }

    @Test
    void durabilityJsonAndTheReportDecideTheClaims() throws Exception {
        JsonNode durability = LabFixture.json(out.resolve("durability.json"));
        assertThat(durability.path("cells")).hasSize(4);
        JsonNode claims = durability.path("claims");
        assertThat(claims).hasSize(3);
        for (JsonNode c : claims) {
            String expected = c.path("id").asText().equals("unsafe-keeps-buffered") ? "REFUTED" : "SUPPORTED";
            assertThat(c.path("verdict").asText()).as(c.toString()).isEqualToIgnoringCase(expected);
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("<section id=\"durability\">")
                .contains("unsafe-keeps-buffered");
        assertThat(out.resolve("charts/durability.png")).isNotEmptyFile();
        assertThat(run.out()).contains("durability claim unsafe-keeps-buffered: REFUTED")
                .contains("results: " + out + " (run.json, results.csv, report.html, durability.json)");
    }

    @Test
    void nothingIsLeftBehind() throws Exception {
        String runId = LabFixture.json(out.resolve("run.json")).path("run_id").asText();
        LabFixture.assertNothingLeftBehind(runId);
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertThat(all.map(ph -> ph.info().commandLine().orElse(""))
                    .filter(c -> c.contains("nbdkit") && c.contains(runId)).toList())
                    .as("nbdkit servers left behind").isEmpty();
        }
    }

    private static List<JsonNode> trials() throws Exception {
        List<JsonNode> out2 = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(CrashTrials.FILE))) {
            out2.add(LabFixture.JSON.readTree(line));
        }
        return out2;
    }
}
