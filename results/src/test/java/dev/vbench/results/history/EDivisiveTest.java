package dev.vbench.results.history;

import static dev.vbench.results.history.Histories.annotation;
import static dev.vbench.results.history.Histories.history;
import static dev.vbench.results.history.Histories.nights;
import static dev.vbench.results.history.Histories.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class EDivisiveTest {
    private static final EDivisive.Params DEFAULTS = EDivisive.Params.defaults();

    /** Night values: {@code level} x (1 + 1% noise), with the level multiplied by {@code factor} from {@code at}. */
    private static double[] steps(long seed, int length, int[] at, double[] factor) {
        Random random = new Random(seed);
        double[] y = new double[length];
        for (int i = 0; i < length; i++) {
            double level = 1000;
            for (int s = 0; s < at.length; s++) {
                level *= i >= at[s] ? factor[s] : 1;
            }
            y[i] = level * (1 + 0.01 * random.nextGaussian());
        }
        return y;
    }

    @Test
    void aStepIsFoundAtItsNightWithTheSegmentsOnEitherSide() {
        double[] y = steps(1, 40, new int[] {25}, new double[] {0.9});
        List<ChangePoint> found = EDivisive.detect(history(nights(y)), DEFAULTS);
        assertThat(found).hasSize(1);
        ChangePoint cp = found.get(0);
        double[] before = Arrays.copyOfRange(y, 0, 25);
        double[] after = Arrays.copyOfRange(y, 25, 40);
        assertThat(cp.seriesId()).isEqualTo(Histories.READS.id());
        assertThat(cp.runId()).isEqualTo(run(25));
        assertThat(cp.before()).isCloseTo(Arrays.stream(before).average().orElseThrow(), within(1e-9));
        assertThat(cp.after()).isCloseTo(Arrays.stream(after).average().orElseThrow(), within(1e-9));
        assertThat(cp.ratio()).isCloseTo(cp.after() / cp.before(), within(1e-12));
        assertThat(cp.low()).isBetween(0.88, cp.ratio());
        assertThat(cp.high()).isBetween(cp.ratio(), 0.92);
        assertThat(cp.pValue()).isCloseTo(new TTest().homoscedasticTTest(before, after), within(1e-20));
        assertThat(cp.algorithm()).isEqualTo("e-divisive-means/1");
        assertThat(cp.params()).isEqualTo("minSegment=3,pValue=0.001,window=50");
        assertThat(EDivisive.detect(history(nights(y)), DEFAULTS)).isEqualTo(found);
    }

    @Test
    void severalStepsInALongSeriesAreAllFoundAcrossWindows() {
        int[] at = {30, 90, 150, 151 + 60};
        double[] y = steps(2, 300, at, new double[] {0.9, 1.2, 0.85, 1.1});
        List<String> runs = EDivisive.detect(history(nights(y)), DEFAULTS).stream().map(ChangePoint::runId).toList();
        assertThat(runs).containsExactly(run(30), run(90), run(150), run(211));
    }

    @Test
    void noiseAloneRarelyGivesAChangePoint() {
        // the t-test is taken at the best split of many, so its 0.001 is not the false-alarm rate of a series; the
        // gate simulation measures about 1.5% per 30-night series
        int falseAlarms = 0;
        for (long seed = 100; seed < 500; seed++) {
            double[] y = steps(seed, 60, new int[0], new double[0]);
            falseAlarms += EDivisive.detect(history(nights(y)), DEFAULTS).isEmpty() ? 0 : 1;
        }
        assertThat(falseAlarms / 400.0).isLessThanOrEqualTo(0.05);
        assertThat(EDivisive.detect(history(nights(5, 5, 5, 5, 5, 5, 5, 5)), DEFAULTS)).isEmpty();
        assertThat(EDivisive.detect(history(List.of()), DEFAULTS)).isEmpty();
    }

    @Test
    void aShiftInTheLastNightsWaitsUntilMinSegmentNightsShowItThenIsFoundAtItsNight() {
        double[] y = steps(3, 36, new int[] {30}, new double[] {0.9});
        for (int end = 31; end <= 32; end++) {
            assertThat(EDivisive.detect(history(nights(Arrays.copyOf(y, end))), DEFAULTS)).as("%d nights", end)
                    .isEmpty();
        }
        for (int end = 33; end <= 36; end++) {
            assertThat(EDivisive.detect(history(nights(Arrays.copyOf(y, end))), DEFAULTS))
                    .extracting(ChangePoint::runId).as("%d nights", end).containsExactly(run(30));
        }
    }

    @Test
    void outlierAndExcludedNightsDropOut() {
        double[] y = steps(4, 40, new int[] {20}, new double[] {0.9});
        y[8] = 3000;
        y[30] = 10;
        SeriesHistory h = history(nights(y), annotation(Histories.READS, 8, Annotation.Kind.OUTLIER),
                new Annotation("*", run(30), Annotation.Kind.EXCLUDE, "broken", Histories.FIRST));
        List<ChangePoint> found = EDivisive.detect(h, DEFAULTS);
        assertThat(found).extracting(ChangePoint::runId).containsExactly(run(20));
        double before = (Arrays.stream(y, 0, 20).sum() - y[8]) / 19;
        double after = (Arrays.stream(y, 20, 40).sum() - y[30]) / 19;
        assertThat(found.get(0).before()).isCloseTo(before, within(1e-9));
        assertThat(found.get(0).after()).isCloseTo(after, within(1e-9));
    }

    @Test
    void anExpectedChangeIsABoundaryNotAChangePoint() {
        double[] y = steps(5, 60, new int[] {20, 40}, new double[] {0.8, 1.1});
        SeriesHistory annotated = history(nights(y), annotation(Histories.READS, 20, Annotation.Kind.EXPECTED));
        List<ChangePoint> found = EDivisive.detect(annotated, DEFAULTS);
        assertThat(found).extracting(ChangePoint::runId).containsExactly(run(40));
        assertThat(found.get(0).before()).isCloseTo(Arrays.stream(y, 20, 40).average().orElseThrow(), within(1e-9));
        // annotated on a night that is itself dropped: the boundary moves to the next night kept
        SeriesHistory dropped = history(nights(y), annotation(Histories.READS, 20, Annotation.Kind.EXPECTED),
                annotation(Histories.READS, 20, Annotation.Kind.OUTLIER));
        List<ChangePoint> later = EDivisive.detect(dropped, DEFAULTS);
        assertThat(later).extracting(ChangePoint::runId).containsExactly(run(40));
        assertThat(later.get(0).before()).isCloseTo(Arrays.stream(y, 21, 40).average().orElseThrow(), within(1e-9));
        // another series' annotation does not apply
        SeriesKey other = new SeriesKey("lab", "ide", "randread-4k", "read_iops");
        assertThat(EDivisive.detect(history(nights(y), annotation(other, 20, Annotation.Kind.EXPECTED)), DEFAULTS))
                .extracting(ChangePoint::runId).containsExactly(run(20), run(40));
    }

    @Test
    void paramsReadBackFromTheirTextAndRejectBadValues() {
        EDivisive.Params p = new EDivisive.Params(0.0005, 4, 40);
        assertThat(p.text()).isEqualTo("minSegment=4,pValue=0.0005,window=40");
        assertThat(EDivisive.Params.parse(p.text())).isEqualTo(p);
        assertThatThrownBy(() -> new EDivisive.Params(0, 3, 50)).hasMessageContaining("pValue must be in (0, 1)");
        assertThatThrownBy(() -> new EDivisive.Params(0.001, 1, 50)).hasMessageContaining("minSegment");
        assertThatThrownBy(() -> new EDivisive.Params(0.001, 3, 5)).hasMessageContaining("window must be at least");
        assertThatThrownBy(() -> EDivisive.Params.parse("minSegment=3,pValue=0.001"))
                .hasMessageContaining("must be minSegment, pValue and window");
        assertThatThrownBy(() -> EDivisive.Params.parse("minSegment=x,pValue=0.001,window=50"))
                .hasMessageContaining("do not parse");
    }

    @Test
    void mergeKeepsStoredChangePointsAndAddsOnlyThoseFarFromThem() {
        SeriesHistory h = history(nights(steps(6, 60, new int[0], new double[0])));
        String params = DEFAULTS.text();
        ChangePoint stored = cp(20, params);
        List<ChangePoint> detected = new ArrayList<>(List.of(cp(20, params), cp(23, params), cp(17, params),
                cp(24, params), cp(40, params), cp(22, "minSegment=2,pValue=0.001,window=50")));
        List<ChangePoint> merged = EDivisive.merge(h, List.of(stored), detected);
        assertThat(merged).extracting(ChangePoint::runId, ChangePoint::params).containsExactly(
                org.assertj.core.groups.Tuple.tuple(run(20), params),
                org.assertj.core.groups.Tuple.tuple(run(24), params),
                org.assertj.core.groups.Tuple.tuple(run(40), params),
                org.assertj.core.groups.Tuple.tuple(run(22), "minSegment=2,pValue=0.001,window=50"));
        assertThat(merged.get(0)).isSameAs(stored);
        // a stored change point at a run the history no longer holds blocks only that run
        ChangePoint gone = new ChangePoint(Histories.READS.id(), "old-run", 1, 1, 1, 1, 1, 0, EDivisive.ALGORITHM,
                params);
        assertThat(EDivisive.merge(h, List.of(gone), List.of(cp(0, params)))).hasSize(2);
        ChangePoint foreign = new ChangePoint("0123456789abcdef", run(5), 1, 1, 1, 1, 1, 0, EDivisive.ALGORITHM,
                params);
        assertThatThrownBy(() -> EDivisive.merge(h, List.of(), List.of(foreign)))
                .hasMessageContaining("merge one series at a time");
    }

    private static ChangePoint cp(int night, String params) {
        return new ChangePoint(Histories.READS.id(), run(night), 1000, 900, 0.9, 0.88, 0.92, 1e-6,
                EDivisive.ALGORITHM, params);
    }
}
