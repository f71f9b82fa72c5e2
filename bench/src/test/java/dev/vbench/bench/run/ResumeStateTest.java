package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.bench.plan.FioSpec;
import dev.vbench.bench.plan.Workload;
import dev.vbench.bench.workload.Metric;
import dev.vbench.results.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeStateTest {
    static final Instant T = Instant.parse("2026-11-26T04:00:00Z");
    static final List<String> PLAN_ORDER = List.of("ide-wt-e1000", "b", "c");

    @TempDir
    Path dir;

    static Measurement m(String variant, String workload, int rep, Measurement.Status status, Metric... metrics) {
        return new Measurement(variant, workload, rep, status, status == Measurement.Status.OK ? null : "broke", T, T,
                List.of(metrics), null);
    }

    static Metric iops(double v) {
        return new Metric("read_iops", "IO/s", v);
    }

    /** An interrupted first attempt: a ready, b failed, one ok and one invalid measurement. */
    private void firstAttempt() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.on(new RunEvent.Started("r1", 42, T, false, "/plans/p.yaml"));
            j.on(new RunEvent.EnvironmentKnown(Map.of("host_kernel", "6.1.0")));
            j.on(new RunEvent.VariantReady(JournalTest.ready()));
            j.on(new RunEvent.VariantReady(new VariantRecord("b", "ready", null, "d", "ip", "k", "/dev/vdb", "e",
                    "x")));
            j.on(new RunEvent.VariantFailed(VariantRecord.failed("b", "round 1: ssh lost"), "ssh lost"));
            j.on(new RunEvent.Measured(m("a", "w", 1, Measurement.Status.OK, iops(100)), "{}"));
            j.on(new RunEvent.Measured(m("a", "w", 2, Measurement.Status.INVALID), null));
        }
    }

    @Test
    void aResumeKeepsTheIdSeedStartAndOkMeasurementsAndMeasuresFailedOnesAgain() throws Exception {
        firstAttempt();
        ResumeState state = ResumeState.read(dir);
        assertThat(state.runId()).isEqualTo("r1");
        assertThat(state.seed()).isEqualTo(42);
        assertThat(state.started()).isEqualTo(T);
        assertThat(state.resumed()).isTrue();
        assertThat(state.measurements()).extracting(Measurement::rep).containsExactly(1);
        RepetitionPolicy two = new FixedRepetitions(2);
        assertThat(state.needs(two, "a", "w", 1)).isFalse();
        assertThat(state.needs(two, "a", "w", 2)).as("invalid before: measured again").isTrue();
    }

    @Test
    void eachVariantsLatestRecordStandsUntilThisAttemptRecordsItAgain() throws Exception {
        firstAttempt();
        ResumeState state = ResumeState.read(dir);
        assertThat(state.variants(PLAN_ORDER)).extracting(VariantRecord::status).containsExactly("ready", "failed");
        assertThat(state.anyFailedNow()).as("b failed in the earlier attempt").isFalse();
        state.on(new RunEvent.VariantReady(new VariantRecord("b", "ready", null, "d", "ip", "k", "/dev/vdb", "e",
                "x")));
        state.on(new RunEvent.VariantFailed(VariantRecord.failed("c", "boot timeout"), "boot timeout"));
        assertThat(state.variants(List.of("c", "b", "ide-wt-e1000"))).extracting(VariantRecord::variant)
                .containsExactly("c", "b", "ide-wt-e1000");
        assertThat(state.variants(PLAN_ORDER)).extracting(VariantRecord::status)
                .containsExactly("ready", "ready", "failed");
        assertThat(state.anyFailedNow()).isTrue();
    }

    @Test
    void theEarlierEnvironmentStandsUntilThisAttemptRecordsItsOwn() throws Exception {
        firstAttempt();
        ResumeState state = ResumeState.read(dir);
        assertThat(state.environment()).containsExactly(Map.entry("host_kernel", "6.1.0"));
        state.on(new RunEvent.EnvironmentKnown(Map.of("host_kernel", "6.2.0", "accelerator", "kvm")));
        assertThat(state.environment()).containsExactly(Map.entry("accelerator", "kvm"),
                Map.entry("host_kernel", "6.2.0"));
    }

    @Test
    void aRepetitionMeasuredInThisAttemptIsNotMeasuredAgainEvenWhenItFailed() {
        ResumeState state = ResumeState.fresh(7L, T);
        state.on(new RunEvent.Measured(m("a", "w", 1, Measurement.Status.FAILED), null));
        assertThat(state.needs(new FixedRepetitions(2), "a", "w", 1)).isFalse();
        assertThat(state.needs(new FixedRepetitions(2), "a", "w", 2)).isTrue();
        assertThat(state.needs(new FixedRepetitions(2), "a", "w", 3)).isFalse();
    }

    @Test
    void theAdaptiveRuleWatchesTheFirstPrimaryMetricOfEachOkMeasurement() {
        ResumeState state = ResumeState.fresh(7L, T);
        Metric cpu = new Metric("host_cpu", "s", 1);
        double[] iops = {1000, 1001, 999};
        double[] latencies = {10, 900, 50};
        for (int rep = 1; rep <= 3; rep++) {
            // host_cpu and latency spread wildly; IOPS is tight, bandwidth comes after it
            state.on(new RunEvent.Measured(m("a", "w", rep, Measurement.Status.OK, cpu,
                    new Metric("read_clat_p99", "ns", latencies[rep - 1]), iops(iops[rep - 1]),
                    new Metric("read_bw", "B/s", rep * 1e6)), "{}"));
        }
        RepetitionPolicy adaptive = new TargetCiRepetitions(3, 10, 5.0);
        assertThat(state.needs(adaptive, "a", "w", 4)).isFalse();
        assertThat(state.complete(adaptive, "a", List.of(Workload.fio("w", FioSpec.of("randread"))))).isTrue();
        assertThat(state.complete(adaptive, "b", List.of(Workload.fio("w", FioSpec.of("randread"))))).isFalse();
    }

    @Test
    void aNewRunGetsATimestampedIdAndTheGivenSeed() {
        ResumeState state = ResumeState.fresh(99L, T);
        assertThat(state.runId()).matches("20261126-040000-[0-9a-f]{4}");
        assertThat(state.seed()).isEqualTo(99);
        assertThat(state.resumed()).isFalse();
        assertThat(state.measurements()).isEmpty();
        state.on(new RunEvent.Ended(RunStatus.COMPLETE, T));
        assertThat(ResumeState.fresh(null, T).runId()).startsWith("20261126-040000-");
    }

    /** The first attempt's journal with line {@code number} (from 1) replaced by {@code text}. */
    private void corrupt(int number, String text) throws Exception {
        Path file = dir.resolve(Journal.FILE);
        Files.deleteIfExists(file);
        firstAttempt();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(number - 1, text);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void aCorruptMiddleLineIsSkippedWithAWarningAndItsMeasurementIsTakenAgain() throws Exception {
        // line 6 is the ok measurement of a/w rep 1: cut in the middle, as a disk error might leave it
        corrupt(6, "{\"type\":\"measurement\",\"variant\":\"a\",\"wor");
        ResumeState state = ResumeState.read(dir);
        assertThat(state.runId()).isEqualTo("r1");
        assertThat(state.measurements()).isEmpty();
        assertThat(state.needs(new FixedRepetitions(2), "a", "w", 1)).isTrue();
        assertThat(state.variants(PLAN_ORDER)).extracting(VariantRecord::status).containsExactly("ready", "failed");
        assertThat(state.skippedLines()).singleElement().asString()
                .startsWith(dir.resolve(Journal.FILE) + ":6: not a journal entry (")
                .endsWith("; line skipped (a measurement it held is taken again)");
    }

    @Test
    void aMiddleLineThatIsJsonButNoMeasurementIsSkippedToo() throws Exception {
        corrupt(6, "{\"type\":\"measurement\",\"variant\":\"a\",\"workload\":\"w\",\"rep\":1,"
                + "\"status\":\"splendid\",\"metrics\":[]}");
        ResumeState state = ResumeState.read(dir);
        assertThat(state.measurements()).isEmpty();
        assertThat(state.skippedLines()).singleElement().asString().contains(":6: not a journal entry");
        corrupt(4, "{\"type\":\"variant\"}");
        assertThat(ResumeState.read(dir).skippedLines()).singleElement().asString().contains(":4: ");
    }

    @Test
    void namesReadBackFromTheJournalFollowThePlansGrammar() throws Exception {
        // a forged name would become a path under raw/ ("raw/../../etc"): such a line is no journal entry
        corrupt(6, "{\"type\":\"measurement\",\"variant\":\"../../etc\",\"workload\":\"w\",\"rep\":1,"
                + "\"status\":\"ok\",\"metrics\":[]}");
        ResumeState state = ResumeState.read(dir);
        assertThat(state.measurements()).isEmpty();
        assertThat(state.skippedLines()).singleElement().asString().contains(":6: not a journal entry");
        corrupt(4, "{\"type\":\"variant\",\"record\":{\"variant\":\"/home\",\"status\":\"ready\"}}");
        assertThat(ResumeState.read(dir).skippedLines()).singleElement().asString().contains(":4: ");
    }

    @Test
    void aCorruptFirstLineRefusesTheResume() throws Exception {
        corrupt(1, "{\"type\":\"start\",\"run_id\":\"r1\",\"seed\":4");
        assertThatThrownBy(() -> ResumeState.read(dir)).isInstanceOf(RunInputException.class)
                .hasMessageStartingWith(dir.resolve(Journal.FILE) + ":1: not a journal entry (")
                .hasMessageEndingWith("the run's start line is unreadable, so the run cannot be resumed; start a new"
                        + " run with --plan and --out");
    }

    @Test
    void aDirectoryWithoutAJournalCannotBeResumed() {
        assertThatThrownBy(() -> ResumeState.read(dir)).isInstanceOf(RunInputException.class)
                .hasMessage(dir + " holds no vbench run to resume (no journal.jsonl); start a new run with --plan"
                        + " and --out");
    }
}
