package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole comparison path (samples -> cells -> the test dual to Fieller's interval + Holm -> verdict) on
 * simulated experiments with a known truth, one boot and no boot noise. Seeded: the counts are the same on every
 * run. With boot noise: {@link FixedDesignErrorRateTest}, {@code sequential.SequentialErrorRateTest}.
 */
class ErrorRateSimulationTest {
    private static final int DATASETS = 1000;

    @Test
    void identicalDistributionsAreCalledDifferentAboutFivePercentOfTheTime() {
        Random random = new Random(1);
        int falsePositives = 0;
        for (int i = 0; i < DATASETS; i++) {
            List<Comparison> comparisons = Comparisons.against("a", Cell.group(dataset(random, 5, 1000, 1000, 0.05)));
            assertThat(comparisons).hasSize(1);
            if (comparisons.get(0).verdict() != ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE) {
                falsePositives++;
            }
        }
        double rate = falsePositives / (double) DATASETS;
        assertThat(rate).isBetween(0.03, 0.07);
    }

    @Test
    void aTwentyPercentGainAtFiveSamplesAndFivePercentNoiseIsDetected() {
        Random random = new Random(2);
        int detected = 0;
        for (int i = 0; i < DATASETS; i++) {
            List<Comparison> comparisons = Comparisons.against("a", Cell.group(dataset(random, 5, 1000, 1200, 0.05)));
            if (comparisons.get(0).verdict() == ComparisonVerdict.BETTER) {
                detected++;
            }
        }
        assertThat(detected / (double) DATASETS).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void aTwentyPercentLossIsCalledWorse() {
        Random random = new Random(3);
        int worse = 0;
        for (int i = 0; i < DATASETS; i++) {
            List<Comparison> comparisons = Comparisons.against("a", Cell.group(dataset(random, 5, 1000, 800, 0.05)));
            if (comparisons.get(0).verdict() == ComparisonVerdict.WORSE) {
                worse++;
            }
        }
        assertThat(worse / (double) DATASETS).isGreaterThanOrEqualTo(0.80);
    }

    /** Two variants, n samples each, normal with the given means and a standard deviation of cv x mean. */
    private static List<Sample> dataset(Random random, int n, double meanA, double meanB, double cv) {
        List<Sample> samples = new ArrayList<>();
        for (int rep = 0; rep < n; rep++) {
            samples.add(new Sample("a", "randread-4k", "read_iops", "IO/s", rep, meanA * (1 + cv * random.nextGaussian())));
            samples.add(new Sample("b", "randread-4k", "read_iops", "IO/s", rep, meanB * (1 + cv * random.nextGaussian())));
        }
        return samples;
    }
}
