package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vbench.results.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

    @Test
    void comparesEveryOtherVariantOnSharedCellsTestingOneMetricPerWorkload() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "base", "randread", "read_iops", "IO/s", 1000, 1010, 990, 1005);
        add(samples, "fast", "randread", "read_iops", "IO/s", 2000, 2020, 1980, 2010);
        add(samples, "base", "randread", "read_clat_p99", "ns", 500, 510, 490, 505);
        add(samples, "fast", "randread", "read_clat_p99", "ns", 250, 255, 245, 252);
        add(samples, "slow", "randread", "read_iops", "IO/s", 500, 505, 495, 502);
        add(samples, "same", "randread", "read_iops", "IO/s", 1000, 1012, 988, 1003);
        add(samples, "fast", "only-fast", "read_iops", "IO/s", 1, 2);
        List<Comparison> comparisons = Comparisons.against("base", Cell.group(samples));

        assertThat(comparisons).extracting(c -> c.candidate() + "/" + c.metric() + "/" + c.verdict().text())
                .containsExactly("fast/read_clat_p99/not tested", "fast/read_iops/better",
                        "same/read_iops/no significant difference", "slow/read_iops/worse");
        Comparison latency = comparisons.get(0);
        assertThat(latency.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(latency.gain().value()).isCloseTo(501.25 / 250.5, within(1e-12));
        assertThat(latency.gain().confidence()).isEqualTo(0.95);
        assertThat(latency.pValue()).isNaN();
        assertThat(latency.tested()).isFalse();
        Comparison slow = comparisons.get(3);
        assertThat(slow.gain().value()).isCloseTo(500.5 / 1001.25, within(1e-12));
        assertThat(slow.gain().high()).isLessThan(1);
        // three tested comparisons: the two rejected ones at 0.05 / 3 (the smaller p) and 0.05 / 2, the last at 0.05
        Comparison fast = comparisons.get(1);
        Comparison first = fast.pValue() < slow.pValue() ? fast : slow;
        Comparison second = first == fast ? slow : fast;
        assertThat(first.gain().confidence()).isCloseTo(1 - 0.05 / 3, within(1e-15));
        assertThat(second.gain().confidence()).isCloseTo(1 - 0.05 / 2, within(1e-15));
        assertThat(comparisons.get(2).gain().confidence()).isCloseTo(0.95, within(1e-15));
    }

    @Test
    void iopsIsTestedBeforeBandwidthWhichIsTheSameComparison() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "base", "w", "read_bw", "B/s", 4.1e6, 4.0e6, 4.2e6);
        add(samples, "base", "w", "read_iops", "IO/s", 1000, 980, 1020);
        add(samples, "cand", "w", "read_bw", "B/s", 8.1e6, 8.0e6, 8.2e6);
        add(samples, "cand", "w", "read_iops", "IO/s", 2000, 1980, 2020);
        List<Comparison> comparisons = Comparisons.against("base", Cell.group(samples));
        assertThat(comparisons).extracting(Comparison::metric, Comparison::tested)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("read_bw", false),
                        org.assertj.core.groups.Tuple.tuple("read_iops", true));
    }

    @Test
    void pValuesAreHolmCorrectedAcrossTheTestedComparisons() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "base", "w", "read_iops", "IO/s", 100, 104, 98, 101, 97);
        add(samples, "a", "w", "read_iops", "IO/s", 106, 110, 104, 108, 103);
        add(samples, "b", "w", "read_iops", "IO/s", 100, 103, 99, 102, 98);
        add(samples, "c", "w", "read_iops", "IO/s", 101, 105, 97, 100, 99);
        List<Comparison> comparisons = Comparisons.against("base", Cell.group(samples));
        double[] raw = comparisons.stream().mapToDouble(Comparison::pValue).toArray();
        double[] holm = HolmCorrection.adjust(raw);
        for (int i = 0; i < raw.length; i++) {
            assertThat(comparisons.get(i).pHolm()).isEqualTo(holm[i]);
            assertThat(comparisons.get(i).pHolm()).isGreaterThanOrEqualTo(raw[i]);
        }
        // "a" is significant on its own (p < 0.05) but the verdict follows the family's level
        Comparison a = comparisons.get(0);
        assertThat(a.candidate()).isEqualTo("a");
        assertThat(a.pValue()).isLessThan(0.05);
        assertThat(a.verdict()).isEqualTo(a.pHolm() < 0.05 ? ComparisonVerdict.BETTER
                : ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE);
        // the p-value of gain = 1 is Welch's: t = (a - b) / sqrt(va + vb), here on df at the estimated gain
        RatioTest test = Comparisons.test(Cell.group(samples).get(2), Cell.group(samples).get(0));
        assertThat(test.t(1)).isCloseTo(WelchTStatistic.of(new double[] {106, 110, 104, 108, 103},
                new double[] {100, 104, 98, 101, 97}), within(1e-12));
    }

    @Test
    void singleSamplesAreNotTestedAndDoNotCountInTheCorrection() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "base", "w", "read_iops", "IO/s", 100, 101, 99);
        add(samples, "one", "w", "read_iops", "IO/s", 300);
        add(samples, "two", "w", "read_iops", "IO/s", 150, 151, 149);
        List<Comparison> comparisons = Comparisons.against("base", Cell.group(samples));
        Comparison one = comparisons.get(0);
        assertThat(one.pValue()).isNaN();
        assertThat(one.pHolm()).isNaN();
        assertThat(one.verdict()).isEqualTo(ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE);
        assertThat(one.gain().value()).isEqualTo(3.0);
        Comparison two = comparisons.get(1);
        assertThat(two.pHolm()).isEqualTo(two.pValue());
    }

    /** Welch's t statistic from its textbook formula, independent of the code under test. */
    private static final class WelchTStatistic {
        static double of(double[] x, double[] y) {
            double mx = java.util.Arrays.stream(x).average().orElseThrow();
            double my = java.util.Arrays.stream(y).average().orElseThrow();
            double vx = java.util.Arrays.stream(x).map(v -> (v - mx) * (v - mx)).sum() / (x.length - 1);
            double vy = java.util.Arrays.stream(y).map(v -> (v - my) * (v - my)).sum() / (y.length - 1);
            return (mx - my) / Math.sqrt(vx / x.length + vy / y.length);
        }
    }

    private static void add(List<Sample> samples, String variant, String workload, String metric, String unit,
                            double... values) {
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(variant, workload, metric, unit, i + 1, values[i]));
        }
    }
}
