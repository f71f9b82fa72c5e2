package dev.vbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunArchiveTest {
    /** sha256sum of the fixture's plan.source, computed outside Java (Python's hashlib). */
    private static final String PLAN_HASH = "cc73a732dfb5ec998a7f5419d6045942a983728d6958743f800d6fdee99d8197";
    /** The fixture's content hash, computed outside Java (Python: json.dumps sort_keys, hashlib). */
    private static final String CONTENT_HASH = "0cceb532c358c8e164f7bead05d5535c1fe72a6d7038fcc1b7d2bb96fba2b627";

    @TempDir
    Path tmp;

    @Test
    void readsTheRunDirectory() {
        RunArchive run = RunArchive.read(HistoryRuns.FIXTURE);
        assertThat(run.runId()).isEqualTo(HistoryRuns.FIXTURE_ID);
        assertThat(run.host()).isEqualTo("lab1");
        assertThat(run.planName()).isEqualTo("nightly");
        assertThat(run.planHash()).isEqualTo(PLAN_HASH);
        assertThat(run.started()).isEqualTo(Instant.parse("2026-11-26T04:00:00.123456Z"));
        assertThat(run.ended()).isEqualTo(Instant.parse("2026-11-26T04:35:10Z"));
        assertThat(run.status()).isEqualTo("complete");
        assertThat(run.canary()).isEqualTo("ide-wt-e1000");
        assertThat(run.environment()).containsEntry("hypervisor_version", "7.2.0")
                .containsEntry("host_cpu_model", "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz").hasSize(12);
        assertThat(run.variantDefs()).containsOnlyKeys("ide-wt-e1000", "virtio-wb-virtio")
                .containsEntry("ide-wt-e1000", "{\"disk\":{\"bus\":\"ide\",\"cache\":\"writethrough\",\"io\":null},"
                        + "\"name\":\"ide-wt-e1000\",\"nic\":{\"model\":\"e1000\"}}");
        assertThat(run.workloadDefs()).containsExactly(org.assertj.core.api.Assertions.entry("randread-4k",
                "{\"fio\":{\"bs_bytes\":4096,\"direct\":true,\"fsync\":0,\"iodepth\":16,\"ioengine\":\"libaio\","
                + "\"numjobs\":1,\"ramp_time_s\":0.0,\"runtime_s\":5.0,\"rw\":\"randread\",\"size_bytes\":268435456},"
                + "\"name\":\"randread-4k\"}"));
        assertThat(run.samples()).hasSize(16).first()
                .isEqualTo(new Sample("ide-wt-e1000", "randread-4k", "read_iops", "IO/s", 1, 1165.5, 1));
        assertThat(run.verdicts()).containsExactly(
                new StoredVerdict("virtio-disk-randread", "SUPPORTED", 4.41262, 4.27127, 4.55912),
                new StoredVerdict("scsi-latency", "INCONCLUSIVE", null, null, null));
    }

    @Test
    void theGuestKernelComesFromTheFirstReadyVariantWhenTheEnvironmentHasNone() throws IOException {
        assertThat(RunArchive.read(HistoryRuns.FIXTURE).environment()).containsEntry("guest_kernel", "6.1.0-50-amd64");
        Path dir = copy();
        edit(dir, "run.json", "\"accelerator\" : \"kvm\",", "\"accelerator\" : \"kvm\", \"guest_kernel\" : \"6.9\",");
        assertThat(RunArchive.read(dir).environment()).containsEntry("guest_kernel", "6.9");
    }

    @Test
    void withoutSummaryOrCanaryThereAreNoVerdictsAndNoCanary() throws IOException {
        Path dir = copy();
        Files.delete(dir.resolve("summary.json"));
        edit(dir, "run.json", "\"canary\" : \"ide-wt-e1000\",", "");
        RunArchive run = RunArchive.read(dir);
        assertThat(run.verdicts()).isEmpty();
        assertThat(run.canary()).isNull();
    }

    @Test
    void theContentHashIsPinnedAndIndependentOfTheSampleOrder() throws IOException {
        RunArchive run = RunArchive.read(HistoryRuns.FIXTURE);
        assertThat(run.contentHash()).isEqualTo(CONTENT_HASH).hasSize(64);
        Path dir = copy();
        List<Sample> shuffled = new ArrayList<>(run.samples());
        Collections.shuffle(shuffled, new Random(7));
        SampleCsv.write(dir.resolve("results.csv"), shuffled);
        assertThat(RunArchive.read(dir).contentHash()).isEqualTo(CONTENT_HASH);
    }

    @Test
    void theContentHashChangesWithAValueTheEnvironmentOrADefinition() throws IOException {
        Path value = copy();
        edit(value, "results.csv", "1165.5", "1165.25");
        Path env = copy();
        edit(env, "run.json", "\"7.2.0\"", "\"8.0.0\"");
        Path def = copy();
        edit(def, "run.json", "\"cache\" : \"writeback\"", "\"cache\" : \"writethrough\"");
        assertThat(Stream.of(value, env, def).map(d -> RunArchive.read(d).contentHash()))
                .doesNotContain(CONTENT_HASH).doesNotHaveDuplicates();
    }

    @Test
    void aBadRunDirectoryIsOneClearLine() throws IOException {
        assertBad(tmp.resolve("absent"), "absent: not a directory; give the run directory that vbench run wrote");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertBad(empty, "run.json: missing; give a run directory that vbench run wrote");
        Path corrupt = copy();
        Files.writeString(corrupt.resolve("run.json"), "{\n  \"format\" : \"vbench-run\",\n  oops");
        assertBad(corrupt, "run.json: not valid JSON at line 3 (");
        Path old = copy();
        edit(old, "run.json", "\"format_version\" : 2", "\"format_version\" : 1");
        assertBad(old, "run.json: format vbench-run version 1, expected vbench-run 2; re-run it with this vbench");
        Path noCsv = copy();
        Files.delete(noCsv.resolve("results.csv"));
        assertBad(noCsv, "results.csv: missing; a run directory holds its samples in results.csv");
        Path noHost = copy();
        edit(noHost, "run.json", "\"host_name\" : \"lab1\",", "");
        assertBad(noHost, "run.json: no environment.host_name; a series needs its host");
        Path badSummary = copy();
        Files.writeString(badSummary.resolve("summary.json"), "[1, 2");
        assertBad(badSummary, "summary.json: not valid JSON");
        Path badTime = copy();
        edit(badTime, "run.json", "\"2026-11-26T04:35:10Z\"", "\"yesterday\"");
        assertBad(badTime, "run.json: ended 'yesterday' is not a UTC time like 2026-11-26T04:00:00Z");
    }

    private void assertBad(Path dir, String message) {
        assertThatThrownBy(() -> RunArchive.read(dir)).isInstanceOf(ResultsInputException.class)
                .hasMessageContaining(message).message().doesNotContain("\n");
    }

    private Path copy() throws IOException {
        Path dir = Files.createTempDirectory(tmp, "run");
        for (String f : List.of("run.json", "results.csv", "summary.json")) {
            Files.copy(HistoryRuns.FIXTURE.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    private static void edit(Path dir, String file, String from, String to) throws IOException {
        String text = Files.readString(dir.resolve(file));
        assertThat(text).contains(from);
        Files.writeString(dir.resolve(file), text.replace(from, to));
    }
}
