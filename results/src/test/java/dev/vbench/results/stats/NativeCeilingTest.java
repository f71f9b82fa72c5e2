package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.ResultsInputException;
import dev.vbench.results.RunContext;
import dev.vbench.results.Sample;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Each variant as a share of the host's own ceiling, checked against Fieller's interval worked out here from the
 * boot means by hand; the ceiling never enters the comparisons with the baseline and cannot be the baseline.
 */
class NativeCeilingTest {
    private static final double[] NATIVE = {77_000, 78_600, 77_800};
    private static final double[] VIRTIO = {16_100, 16_700, 16_250};
    private static final double[] IDE = {3_900, 4_150, 4_010};

    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "native", NATIVE);
        add(samples, "ide", IDE);
        add(samples, "virtio", VIRTIO);
        for (int boot = 1; boot <= 3; boot++) {
            samples.add(new Sample("ide", "randread-4k", "read_clat_mean", "ns", 1, 4_000_000 + boot * 10_000,
                    boot));
            samples.add(new Sample("native", "randread-4k", "read_clat_mean", "ns", 1, 200_000 + boot * 1_000, boot));
        }
        return samples;
    }

    /** One sample a boot: the boot means are the values. */
    private static void add(List<Sample> samples, String variant, double[] perBoot) {
        for (int b = 0; b < perBoot.length; b++) {
            samples.add(new Sample(variant, "randread-4k", "read_iops", "IO/s", 1, perBoot[b], b + 1));
            samples.add(new Sample(variant, "randread-4k", "io_per_host_cpu_s", "IO/cpu-s", 1, perBoot[b] / 2,
                    b + 1));
        }
    }

    @Test
    void theShareAndItsIntervalAreFiellersRatioOfTheBootMeans() {
        AnalysisResult r = Analysis.compute(samples(), "ide", List.of(), RunContext.unknown());
        NativeCeiling.Share virtio = r.ceiling().stream().filter(s -> s.variant().equals("virtio")
                && s.metric().equals("read_iops")).findFirst().orElseThrow();
        double[] expected = fieller(VIRTIO, NATIVE, 0.95);
        assertThat(virtio.percent()).isCloseTo(100 * expected[0], within(1e-9));
        assertThat(virtio.low()).isCloseTo(100 * expected[1], within(1e-6));
        assertThat(virtio.high()).isCloseTo(100 * expected[2], within(1e-6));
        assertThat(virtio.percent()).isCloseTo(21.0, within(0.1));
        assertThat(virtio.share().confidence()).isEqualTo(0.95);
        assertThat(virtio.ceiling()).isCloseTo(77_800, within(1e-9));
    }

    @Test
    void onlyTheTestedMetricAndTheEfficiencyOfEachVariantAreShared() {
        AnalysisResult r = Analysis.compute(samples(), "ide", List.of(), RunContext.unknown());
        assertThat(r.ceiling()).extracting(s -> s.variant() + "/" + s.metric()).containsExactly(
                "ide/io_per_host_cpu_s", "ide/read_iops", "virtio/io_per_host_cpu_s", "virtio/read_iops");
        assertThat(r.comparisons()).extracting(Comparison::candidate).containsOnly("virtio");
        assertThat(r.cells()).extracting(Cell::variant).contains("native");
    }

    @Test
    void theCeilingIsNeverTheBaselineAndARunWithoutItHasNoShares() {
        assertThatThrownBy(() -> Analysis.compute(samples(), "native", List.of(), RunContext.unknown()))
                .isInstanceOf(ResultsInputException.class).hasMessageContaining("never the baseline");
        List<Sample> without = NativeCeiling.withoutNative(samples());
        assertThat(without).noneMatch(s -> s.variant().equals("native"));
        assertThat(Analysis.compute(without, "ide", List.of(), RunContext.unknown()).ceiling()).isEmpty();
    }

    /** Fieller's interval of mean(x) / mean(y) with Welch's df, written out from the formula. */
    private static double[] fieller(double[] x, double[] y, double confidence) {
        double a = mean(x);
        double b = mean(y);
        double va = var(x) / x.length;
        double vb = var(y) / y.length;
        double r = a / b;
        double df = Math.pow(va + r * r * vb, 2) / (va * va / (x.length - 1) + Math.pow(r, 4) * vb * vb
                / (y.length - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        // (a - g b)^2 = t^2 (va + g^2 vb)  <=>  (b^2 - t^2 vb) g^2 - 2 a b g + (a^2 - t^2 va) = 0
        double qa = b * b - t * t * vb;
        double qb = -2 * a * b;
        double qc = a * a - t * t * va;
        double disc = Math.sqrt(qb * qb - 4 * qa * qc);
        return new double[] {r, (-qb - disc) / (2 * qa), (-qb + disc) / (2 * qa)};
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double var(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
