package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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

    static final List<Workload> W = List.of(Workload.fio("w", FioSpec.of("randread")));

    static Measurement m(String variant, String workload, int rep, Measurement.Status status, Metric... metrics) {
        return m(variant, workload, 1, rep, status, metrics);
    }

    static Measurement m(String variant, String workload, int boot, int rep, Measurement.Status status,
            Metric... metrics) {
        return new Measurement(variant, workload, boot, rep, status, status == Measurement.Status.OK ? null : "broke",
                T, T, List.of(metrics), null);
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
            j.on(new RunEvent.VariantFailed(VariantRecord.failed("b", "boot 1: ssh lost"), "ssh lost"));
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
        assertThat(state.visited("a", 1, W, 2)).as("rep 2 was invalid: the visit is unfinished").isFalse();
        assertThat(state.visited("a", 1, W, 1)).isTrue();
    }

    @Test
    void anUnfinishedVisitIsDroppedWholeAndAFinishedOneIsKept() throws Exception {
        try (Journal j = Journal.open(dir)) {
            j.on(new RunEvent.Started("r1", 42, T, false, "/plans/p.yaml"));
            j.on(new RunEvent.Measured(m("a", "w", 1, 1, Measurement.Status.OK, iops(100)), "{}"));
            j.on(new RunEvent.Measured(m("a", "w", 1, 2, Measurement.Status.OK, iops(101)), "{}"));
            j.on(new RunEvent.Measured(m("b", "w", 1, 1, Measurement.Status.OK, iops(90)), "{}"));
            j.on(new RunEvent.Measured(m("b", "w", 1, 2, Measurement.Status.FAILED), null));
            j.on(new RunEvent.Measured(m("a", "w", 2, 1, Measurement.Status.OK, iops(99)), "{}"));
        }
        ResumeState state = ResumeState.read(dir);
        assertThat(state.dropUnfinishedVisits(W, 2)).containsExactly(
                "b boot 1 was not finished (1 of 2 measurements kept): it is measured again on a fresh boot",
                "a boot 2 was not finished (1 of 2 measurements kept): it is measured again on a fresh boot");
        assertThat(state.measurements()).extracting(Measurement::variant, Measurement::boot, Measurement::rep)
                .containsExactly(tuple("a", 1, 1), tuple("a", 1, 2));
        assertThat(state.visited("a", 1, W, 2)).isTrue();
        assertThat(state.visited("a", 2, W, 2)).isFalse();
        assertThat(state.visited("b", 1, W, 2)).isFalse();
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
    void aVisitMeasuredInThisAttemptCountsAsVisitedEvenWhenARepetitionFailed() {
        ResumeState state = ResumeState.fresh(7L, T);
        state.on(new RunEvent.Measured(m("a", "w", 1, Measurement.Status.FAILED), null));
        assertThat(state.visited("a", 1, W, 2)).isFalse();
        state.on(new RunEvent.Measured(m("a", "w", 2, Measurement.Status.OK, iops(5)), "{}"));
        assertThat(state.visited("a", 1, W, 2)).isTrue();
        assertThat(state.visited("a", 2, W, 2)).isFalse();
        assertThat(state.failedNow("a")).isFalse();
        state.on(new RunEvent.VariantFailed(VariantRecord.failed("a", "boot 2: ssh lost"), "ssh lost"));
        assertThat(state.failedNow("a")).isTrue();
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
        assertThat(state.visited("a", 1, W, 1)).isFalse();
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
