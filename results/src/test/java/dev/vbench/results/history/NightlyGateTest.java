package dev.vbench.results.history;

import static dev.vbench.results.history.Histories.annotation;
import static dev.vbench.results.history.Histories.history;
import static dev.vbench.results.history.Histories.night;
import static dev.vbench.results.history.Histories.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.history.NightlyGate.GateDecision;
import dev.vbench.results.history.NightlyGate.GateInput;
import dev.vbench.results.history.NightlyGate.GateParams;
import dev.vbench.results.history.NightlyGate.GateReport;
import dev.vbench.results.history.NightlyGate.GateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NightlyGateTest {
    static final GateParams DEFAULTS = GateParams.defaults();
    static final SeriesKey BW = new SeriesKey("lab", "virtio-wb", "randread-4k", "read_bw");
    static final SeriesKey LATENCY = new SeriesKey("lab", "virtio-wb", "randread-4k", "read_clat_mean");
    static final SeriesKey WRITES = new SeriesKey("lab", "virtio-wb", "randwrite-4k", "write_iops");
    static final SeriesKey CANARY = new SeriesKey("lab", "canary", "randread-4k", "read_iops");

    static List<Night> nights(Random random, int count, double mean) {
        List<Night> nights = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nights.add(night(i, random, mean, 0.02, 0.01, 3, 2));
        }
        return nights;
    }

    static GateInput input(SeriesKey key, List<Night> nights, double tonight, long seed, Annotation... notes) {
        Night t = night(nights.size(), new Random(seed), tonight, 0.02, 0.01, 3, 2);
        return new GateInput(history(key, nights, List.of(notes)), List.of(), t, key.variant().equals("canary"));
    }

    static GateDecision one(GateInput input) {
        GateReport report = NightlyGate.decide(List.of(input), DEFAULTS);
        assertThat(report.decisions()).hasSize(1);
        return report.decisions().get(0);
    }

    @Test
    void aClearDropIsARegressionWithItsIntervalWhollyBelowOne() {
        GateReport report = NightlyGate.decide(List.of(input(Histories.READS, nights(new Random(1), 30, 1000), 800,
                2)), DEFAULTS);
        GateDecision d = report.decisions().get(0);
        assertThat(d.status()).isEqualTo(GateStatus.REGRESSION);
        assertThat(report.regressions()).containsExactly(d);
        assertThat(d.replicate()).isEqualTo("night");
        assertThat(d.baselineNights()).isEqualTo(30);
        assertThat(d.unit()).isEqualTo("IO/s");
        assertThat(d.ratio()).isBetween(0.77, 0.83);
        assertThat(d.ratio()).isEqualTo(d.tonight() / d.baseline());
        assertThat(d.low()).isLessThan(d.ratio());
        assertThat(d.high()).isBetween(d.ratio(), 1.0);
        assertThat(d.pAdjusted()).isLessThanOrEqualTo(0.05);
        assertThat(d.reason()).startsWith("read IOPS 2").contains("lower (worse) against 30 nights whole history,"
                + " night replicate").contains("90% interval").contains("at least the minimum effect");
    }

    @Test
    void aClearGainIsAnImprovementAndNoChangeIsNoChange() {
        GateDecision up = one(input(Histories.READS, nights(new Random(3), 30, 1000), 1200, 4));
        assertThat(up.status()).isEqualTo(GateStatus.IMPROVEMENT);
        assertThat(up.low()).isGreaterThan(1);
        GateDecision same = one(input(Histories.READS, nights(new Random(3), 30, 1000), 1000, 5));
        assertThat(same.status()).isEqualTo(GateStatus.NO_CHANGE);
        assertThat(same.reason()).startsWith("no significant change against 30 nights");
    }

    @Test
    void aSignificantChangeBelowTheMinimumEffectIsNoChange() {
        List<Night> quiet = new ArrayList<>();
        Random random = new Random(6);
        for (int i = 0; i < 30; i++) {
            quiet.add(night(i, random, 1000, 0.0005, 0.0002, 3, 2));
        }
        Night tonight = night(30, random, 985, 0.0005, 0.0002, 3, 2);
        GateDecision d = one(new GateInput(history(quiet), List.of(), tonight, false));
        assertThat(d.status()).isEqualTo(GateStatus.NO_CHANGE);
        assertThat(d.pAdjusted()).isLessThan(1e-6);
        assertThat(d.high()).isLessThan(1);
        assertThat(d.minEffect()).isEqualTo(0.02);
        assertThat(d.reason())
                .startsWith("read IOPS 1.5% lower (worse), significant but below the minimum effect 2.0%");
    }

    @Test
    void onlyTheWorkloadsTestedMetricIsInTheFamily() {
        List<Night> base = nights(new Random(7), 30, 1000);
        GateReport report = NightlyGate.decide(List.of(input(Histories.READS, base, 800, 8), input(BW, base, 800, 8),
                input(LATENCY, base, 1250, 8)), DEFAULTS);
        assertThat(report.decisions()).extracting(GateDecision::status).containsExactly(GateStatus.REGRESSION,
                GateStatus.NOT_TESTED, GateStatus.NOT_TESTED);
        GateDecision bw = report.decisions().get(1);
        assertThat(bw.pAdjusted()).isNaN();
        assertThat(bw.ratio()).isBetween(0.77, 0.83);
        assertThat(bw.high()).isLessThan(1);
        assertThat(bw.reason()).startsWith("not the workload's tested metric, described only").contains("95% interval");
        // alone, bandwidth is its workload's tested metric
        assertThat(one(input(BW, base, 800, 8)).status()).isEqualTo(GateStatus.REGRESSION);
    }

    @Test
    void aYoungSegmentIsTestedByBootAndNoSegmentIsNoBaseline() {
        List<Night> base = nights(new Random(9), 30, 1000);
        ChangePoint cp = new ChangePoint(Histories.READS.id(), run(27), 1, 1, 1, 1, 1, 0, "x", "");
        Night tonight = night(30, new Random(10), 800, 0.02, 0.01, 3, 2);
        GateDecision young = one(new GateInput(history(base), List.of(cp), tonight, false));
        assertThat(young.replicate()).isEqualTo("boot");
        assertThat(young.baselineNights()).isEqualTo(3);
        assertThat(young.status()).isEqualTo(GateStatus.REGRESSION);
        assertThat(young.reason()).contains("young baseline of 3 nights since change point at n0027 (fewer than 5):"
                + " Welch test of tonight's 3 boot means against its 9");

        GateDecision none = one(new GateInput(history(List.of()), List.of(), tonight, false));
        assertThat(none.status()).isEqualTo(GateStatus.NO_BASELINE);
        assertThat(none.replicate()).isEqualTo("none");
        assertThat(none.ratio()).isNaN();
        GateDecision expected = one(input(Histories.READS, base, 800, 11, annotation(Histories.READS, 30,
                Annotation.Kind.EXPECTED)));
        assertThat(expected.status()).isEqualTo(GateStatus.NO_BASELINE);
        assertThat(expected.reason()).startsWith("an expected change starts tonight");
        GateDecision outlier = one(input(Histories.READS, base, 800, 11, annotation(Histories.READS, 30,
                Annotation.Kind.OUTLIER)));
        assertThat(outlier.status()).isEqualTo(GateStatus.NOT_TESTED);
        assertThat(outlier.reason()).isEqualTo("tonight is annotated outlier (test)");
    }

    @Test
    void theStableSegmentStartsAtTheLastChangePointOrExpectedChangeAndDropsOutliers() {
        List<Night> base = nights(new Random(12), 30, 1000);
        List<ChangePoint> cps = List.of(new ChangePoint(Histories.READS.id(), run(10), 1, 1, 1, 1, 1, 0, "a", ""),
                new ChangePoint("ffffffffffffffff", run(25), 1, 1, 1, 1, 1, 0, "a", ""),
                new ChangePoint(Histories.READS.id(), "elsewhere", 1, 1, 1, 1, 1, 0, "a", ""));
        StableSegment segment = StableSegment.of(history(base), cps);
        assertThat(segment.nights()).hasSize(20).first().extracting(Night::runId).isEqualTo(run(10));
        assertThat(segment.since()).isEqualTo("since change point at n0010");
        SeriesHistory annotated = history(base, annotation(Histories.READS, 15, Annotation.Kind.EXPECTED),
                annotation(Histories.READS, 20, Annotation.Kind.OUTLIER),
                new Annotation("*", run(21), Annotation.Kind.EXCLUDE, "broken", Histories.FIRST),
                annotation(WRITES, 22, Annotation.Kind.OUTLIER));
        StableSegment later = StableSegment.of(annotated, cps);
        assertThat(later.since()).isEqualTo("since expected change at n0015");
        assertThat(later.nights()).extracting(Night::runId).hasSize(13).doesNotContain(run(20), run(21))
                .contains(run(22));
    }

    @Test
    void aLowerIsBetterMetricRegressesUpwards() {
        GateInput slower = input(LATENCY, nights(new Random(13), 30, 1000), 1250, 14);
        SeriesCase c = SeriesCase.of(slower, DEFAULTS, "read_clat_mean");
        assertThat(c.tested()).isTrue();
        assertThat(c.pWorse()).isLessThan(1e-4);
        assertThat(c.pBetter()).isGreaterThan(0.999);
        GateDecision d = c.decide(c.pWorse(), c.pWorse(), 0.025, true, DEFAULTS);
        assertThat(d.status()).isEqualTo(GateStatus.REGRESSION);
        assertThat(d.low()).isGreaterThan(1);
        assertThat(d.reason()).contains("higher (worse)");
    }

    @Test
    void aCanaryShiftTurnsRegressionsIntoAnEnvironmentChange() {
        List<Night> base = nights(new Random(15), 30, 1000);
        GateReport shifted = NightlyGate.decide(List.of(input(CANARY, base, 850, 16),
                input(Histories.READS, base, 800, 17), input(WRITES, base, 1000, 18)), DEFAULTS);
        assertThat(shifted.environmentShift()).isTrue();
        assertThat(shifted.regressions()).isEmpty();
        assertThat(shifted.decisions()).extracting(GateDecision::status).containsExactly(GateStatus.ENVIRONMENT,
                GateStatus.ENVIRONMENT, GateStatus.NO_CHANGE);
        assertThat(shifted.decisions().get(1).reason()).startsWith("canary lab/canary/randread-4k/read_iops shifted"
                + " by -1").contains("%: environment change, not a regression of the variants (read IOPS");
        GateReport quiet = NightlyGate.decide(List.of(input(CANARY, base, 1000, 19),
                input(Histories.READS, base, 800, 17)), DEFAULTS);
        assertThat(quiet.environmentShift()).isFalse();
        assertThat(quiet.regressions()).hasSize(1);
    }

    @Test
    void theGateRefusesAHistoryThatHoldsTonight() {
        List<Night> base = nights(new Random(20), 5, 1000);
        assertThatThrownBy(() -> new GateInput(history(base), List.of(), base.get(4), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds tonight's run n0004: give the gate the earlier nights only");
        assertThatThrownBy(() -> new GateParams(3, 0.02, 0, 5)).hasMessageContaining("q must be in (0, 1)");
        assertThatThrownBy(() -> new GateParams(3, 0.02, 0.05, 2)).hasMessageContaining("minNights");
    }
}
