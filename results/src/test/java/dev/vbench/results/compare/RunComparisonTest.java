package dev.vbench.results.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.Gain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The comparison of two runs against values computed here another way: boot means by hand, Welch's degrees of
 * freedom, and the ends of Fieller's interval found by bisection on the t statistic (not by the quadratic's roots,
 * which the code uses); Holm's levels from the p-values computed here. Then A/A runs: identical samples, and 400
 * seeded A/A pairs whose family-wise false "differs" rate must stay near 5%.
 */
class RunComparisonTest {
    /** Boot effects and repetition noise, fixed so the expected values are computable here. */
    private static final double[] BOOT = {1.00, 1.03, 0.98, 1.01};
    private static final double[] REP = {0.99, 1.012};

    @Test
    void aKnownEffectGetsTheGainAndIntervalComputedIndependently() {
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        cell(a, "v1", "randread-4k", "read_iops", "IO/s", 1000, 0);
        cell(b, "v1", "randread-4k", "read_iops", "IO/s", 1150, 1);
        cell(a, "v2", "randread-4k", "read_iops", "IO/s", 5000, 2);
        cell(b, "v2", "randread-4k", "read_iops", "IO/s", 4000, 3);
        cell(a, "v1", "randread-4k", "read_clat_p50", "ns", 800_000, 0);
        cell(b, "v1", "randread-4k", "read_clat_p50", "ns", 700_000, 1);

        RunComparison c = RunComparison.compare(a, b, "r1", "r2");

        assertThat(c.cells()).extracting(x -> x.variant() + "/" + x.metric())
                .containsExactly("v1/read_clat_p50", "v1/read_iops", "v2/read_iops");
        double[] a1 = bootMeans(1000, 0);
        double[] b1 = bootMeans(1150, 1);
        double[] a2 = bootMeans(5000, 2);
        double[] b2 = bootMeans(4000, 3);
        double p1 = pValue(b1, a1);
        double p2 = pValue(b2, a2);
        assertThat(c.cells().get(1).pValue()).isCloseTo(p1, within(1e-9));
        assertThat(c.cells().get(2).pValue()).isCloseTo(p2, within(1e-9));
        // Holm: the smaller p-value is rejected at 0.05 / 2, the other one then at 0.05.
        double level1 = p1 < p2 ? 0.975 : 0.95;
        double level2 = p1 < p2 ? 0.95 : 0.975;
        expect(c.cells().get(1), b1, a1, level1, ComparisonVerdict.BETTER);
        expect(c.cells().get(2), b2, a2, level2, ComparisonVerdict.WORSE);
        // lower is better: the gain of B is A / B, at 95%, described and not tested
        expect(c.cells().get(0), bootMeans(800_000, 0), bootMeans(700_000, 1), 0.95, ComparisonVerdict.NOT_TESTED);
        assertThat(c.differs()).isTrue();
        assertThat(c.count(ComparisonVerdict.WORSE)).isEqualTo(1);
    }

    @Test
    void identicalRunsDifferInNothing() {
        List<Sample> a = new ArrayList<>();
        cell(a, "v1", "randread-4k", "read_iops", "IO/s", 1000, 0);
        cell(a, "v1", "tcp", "throughput", "bit/s", 9e9, 1);
        cell(a, "v1", "tcp", "retransmits", "count", 12, 2);
        RunComparison c = RunComparison.compare(a, List.copyOf(a), "r1", "r1-again");
        assertThat(c.cells()).hasSize(3).allSatisfy(x -> {
            assertThat(x.gain().value()).isEqualTo(1.0);
            assertThat(x.gain().low()).isLessThan(1);
            assertThat(x.gain().high()).isGreaterThan(1);
        });
        assertThat(c.cells()).filteredOn(CellComparison::tested).extracting(CellComparison::verdict)
                .containsOnly(ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE).hasSize(2);
        assertThat(c.differs()).isFalse();
        assertThat(c.onlyInA()).isEmpty();
        assertThat(c.onlyInB()).isEmpty();
    }

    @Test
    void aaRunsDifferAboutFivePercentOfTheTimeAtMost() {
        Random random = new Random(11);
        int trials = 400;
        int differs = 0;
        for (int t = 0; t < trials; t++) {
            List<Sample> a = noisyRun(random);
            List<Sample> b = noisyRun(random);
            differs += RunComparison.compare(a, b, "a", "b").differs() ? 1 : 0;
        }
        // 4 tested cells per pair, Holm at 5% family-wise: at most 5% of pairs, plus 3 binomial standard errors.
        assertThat(differs / (double) trials).isLessThanOrEqualTo(0.05 + 3 * Math.sqrt(0.05 * 0.95 / trials));
        assertThat(differs).as("an A/A family at 5%% is sometimes wrong").isPositive();
    }

    @Test
    void anOutlierThatHidesADifferenceIsNoted() {
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        cell(a, "v1", "randread-4k", "read_iops", "IO/s", 1000, 0);
        for (Sample s : sampleList(900, 1)) {
            b.add(s.boot() == 2 && s.rep() == 0 ? new Sample(s.variant(), s.workload(), s.metric(), s.unit(),
                    s.rep(), 4000, s.boot()) : s);
        }
        CellComparison c = RunComparison.compare(a, b, "r1", "r2").cells().get(0);
        assertThat(c.b().outliers()).hasSize(1);
        assertThat(c.verdict()).isEqualTo(ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE);
        assertThat(c.withoutOutliers()).isEqualTo(ComparisonVerdict.WORSE);
    }

    @Test
    void cellsOfOneRunOnlyAreListedAndEnvironmentChangesNamed() {
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        cell(a, "v1", "randread-4k", "read_iops", "IO/s", 1000, 0);
        cell(b, "v1", "randread-4k", "read_iops", "IO/s", 1000, 1);
        cell(a, "v1", "seqwrite", "write_bw", "B/s", 5e7, 2);
        cell(b, "v3", "randread-4k", "read_iops", "IO/s", 900, 3);
        RunComparison c = RunComparison.compare(new RunSamples("r1", a, Map.of("run_id", "r1", "seed", "1",
                "hypervisor_version", "7.2.0", "host_kernel", "6.1")), new RunSamples("r2", b, Map.of("run_id", "r2",
                "seed", "2", "hypervisor_version", "8.0.0", "host_kernel", "6.1", "accelerator", "kvm")));
        assertThat(c.cells()).hasSize(1);
        assertThat(c.onlyInA()).extracting(x -> x.variant() + "/" + x.workload()).containsExactly("v1/seqwrite");
        assertThat(c.onlyInB()).extracting(x -> x.variant() + "/" + x.workload()).containsExactly("v3/randread-4k");
        assertThat(c.environmentChanges()).containsExactly("accelerator: - -> kvm",
                "hypervisor_version: 7.2.0 -> 8.0.0");
    }

    @Test
    void unusableInputIsRefusedWithTheFix() {
        List<Sample> a = new ArrayList<>();
        cell(a, "v1", "randread-4k", "read_iops", "IO/s", 1000, 0);
        List<Sample> other = new ArrayList<>();
        cell(other, "v9", "tcp", "throughput", "bit/s", 9e9, 0);
        assertThatThrownBy(() -> RunComparison.compare(a, other, "r1", "r2")).isInstanceOf(ResultsInputException.class)
                .hasMessage("runs r1 and r2 have no (variant, workload, metric) in common (r1 has v1/randread-4k "
                        + "against r2 has v9/tcp); compare two runs of one plan");
        assertThatThrownBy(() -> RunComparison.compare(a, List.of(), "r1", "r2"))
                .isInstanceOf(ResultsInputException.class)
                .hasMessage("run r2 has no samples; compare runs that measured something");
        List<Sample> otherUnit = a.stream().map(s -> new Sample(s.variant(), s.workload(), s.metric(), "B/s",
                s.rep(), s.value(), s.boot())).toList();
        assertThatThrownBy(() -> RunComparison.compare(a, otherUnit, "r1", "r2"))
                .isInstanceOf(ResultsInputException.class)
                .hasMessage("v1/randread-4k/read_iops is in IO/s in run r1 and in B/s in run r2; convert one to the "
                        + "other");
    }

    /** 4 boots x 2 repetitions around {@code level}, the boot effects rotated by {@code shift}. */
    private static void cell(List<Sample> out, String variant, String workload, String metric, String unit,
                             double level, int shift) {
        for (int boot = 0; boot < BOOT.length; boot++) {
            for (int rep = 0; rep < REP.length; rep++) {
                out.add(new Sample(variant, workload, metric, unit, rep, value(level, shift, boot, rep), boot + 1));
            }
        }
    }

    private static List<Sample> sampleList(double level, int shift) {
        List<Sample> out = new ArrayList<>();
        cell(out, "v1", "randread-4k", "read_iops", "IO/s", level, shift);
        return out;
    }

    private static double value(double level, int shift, int boot, int rep) {
        return level * BOOT[(boot + shift) % BOOT.length] * REP[rep];
    }

    private static double[] bootMeans(double level, int shift) {
        double[] means = new double[BOOT.length];
        for (int boot = 0; boot < BOOT.length; boot++) {
            means[boot] = (value(level, shift, boot, 0) + value(level, shift, boot, 1)) / 2;
        }
        return means;
    }

    /** The test of numerator / denominator = g: its t statistic, variance of each mean, Welch df at the ratio. */
    private static double t(double[] num, double[] den, double g) {
        return (mean(num) - g * mean(den)) / Math.sqrt(se2(num) + g * g * se2(den));
    }

    private static double df(double[] num, double[] den) {
        double r = mean(num) / mean(den);
        double va = se2(num);
        double vb = r * r * se2(den);
        return (va + vb) * (va + vb) / (va * va / (num.length - 1) + vb * vb / (den.length - 1));
    }

    private static double pValue(double[] num, double[] den) {
        TDistribution dist = new TDistribution(df(num, den));
        return 2 * dist.cumulativeProbability(-Math.abs(t(num, den, 1)));
    }

    /** The ends of the interval: where |t(g)| reaches the quantile, by bisection either side of the ratio. */
    private static void expect(CellComparison cell, double[] num, double[] den, double level,
                               ComparisonVerdict verdict) {
        double crit = new TDistribution(df(num, den)).inverseCumulativeProbability(1 - (1 - level) / 2);
        double r = mean(num) / mean(den);
        double low = bisect(num, den, crit, r * 0.2, r);
        double high = bisect(num, den, crit, r, r * 5);
        Gain g = cell.gain();
        assertThat(g.value()).isCloseTo(r, within(1e-12));
        assertThat(g.confidence()).isCloseTo(level, within(1e-12));
        assertThat(g.low()).isCloseTo(low, within(1e-9));
        assertThat(g.high()).isCloseTo(high, within(1e-9));
        assertThat(cell.verdict()).isEqualTo(verdict);
    }

    private static double bisect(double[] num, double[] den, double crit, double lo, double hi) {
        double fLo = Math.abs(t(num, den, lo)) - crit;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double f = Math.abs(t(num, den, mid)) - crit;
            if (Math.signum(f) == Math.signum(fLo)) {
                lo = mid;
                fLo = f;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double se2(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return ss / (x.length - 1) / x.length;
    }

    /** Two variants x two workloads (one tested metric each), 3 boots x 2 repetitions, 2% boot and 3% rep noise. */
    private static List<Sample> noisyRun(Random random) {
        List<Sample> out = new ArrayList<>();
        for (String variant : List.of("v1", "v2")) {
            for (String[] w : new String[][] {{"randread-4k", "read_iops", "IO/s"}, {"tcp", "throughput", "bit/s"}}) {
                for (int boot = 1; boot <= 3; boot++) {
                    double level = 1e4 * (1 + 0.02 * random.nextGaussian());
                    for (int rep = 0; rep < 2; rep++) {
                        out.add(new Sample(variant, w[0], w[1], w[2], rep,
                                Math.round(level * (1 + 0.03 * random.nextGaussian())), boot));
                    }
                }
            }
        }
        return out;
    }
}
