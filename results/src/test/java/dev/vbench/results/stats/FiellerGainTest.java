package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FiellerGainTest {

    @Test
    void constantDenominatorReducesToTheTIntervalOfTheNumerator() {
        // baseline constant 100; candidate 140, 150, 160: mean 150, sd 10, se² = 100/3, df = 2, t = 4.302653 (table):
        // gain 1.5 +- 4.302653 * sqrt(100/3) / 100 = [1.251586, 1.748414]
        Gain gain = FiellerGain.estimate(new double[] {100, 100, 100}, new double[] {140, 150, 160},
                Direction.HIGHER_IS_BETTER);
        assertThat(gain.value()).isCloseTo(1.5, within(1e-12));
        assertThat(gain.low()).isCloseTo(1.251586, within(1e-5));
        assertThat(gain.high()).isCloseTo(1.748414, within(1e-5));
        assertThat(gain.note()).isEmpty();
    }

    @Test
    void boundsSolveFiellersEquation() {
        // At each bound r: (a - r b)² = t² (va + r² vb), t the 97.5% quantile for the Welch df at the estimate.
        double[] base = {1000, 1100, 950, 1050, 980};
        double[] cand = {1500, 1380, 1620, 1490, 1555};
        Gain gain = FiellerGain.estimate(base, cand, Direction.HIGHER_IS_BETTER);
        CellStatistics a = CellStatistics.of(cand);
        CellStatistics b = CellStatistics.of(base);
        double va = a.stddev() * a.stddev() / 5;
        double vb = b.stddev() * b.stddev() / 5;
        double r = gain.value();
        double df = Math.pow(va + r * r * vb, 2) / (va * va / 4 + Math.pow(r, 4) * vb * vb / 4);
        double t = CellStatistics.tQuantile(df);
        for (double bound : new double[] {gain.low(), gain.high()}) {
            double lhs = Math.pow(a.mean() - bound * b.mean(), 2);
            double rhs = t * t * (va + bound * bound * vb);
            assertThat(lhs).isCloseTo(rhs, within(1e-6 * rhs));
        }
        assertThat(gain.low()).isLessThan(r);
        assertThat(gain.high()).isGreaterThan(r);
        // asymmetric: the interval of a ratio stretches further up than down
        assertThat(gain.high() - r).isGreaterThan(r - gain.low());
    }

    @Test
    void lowerIsBetterInvertsTheRatio() {
        Gain gain = FiellerGain.estimate(new double[] {200, 200}, new double[] {100, 100}, Direction.LOWER_IS_BETTER);
        assertThat(gain.value()).isEqualTo(2.0);
        assertThat(gain.low()).isEqualTo(2.0);
        assertThat(gain.high()).isEqualTo(2.0);
    }

    @Test
    void missingOrTooFewSamples() {
        Gain one = FiellerGain.estimate(new double[] {100}, new double[] {150, 160}, Direction.HIGHER_IS_BETTER);
        assertThat(one.value()).isCloseTo(1.55, within(1e-12));
        assertThat(one.hasInterval()).isFalse();
        assertThat(one.note()).isEqualTo("an interval needs at least 2 replicates on each side");

        Gain zero = FiellerGain.estimate(new double[] {0, 0}, new double[] {1, 2}, Direction.HIGHER_IS_BETTER);
        assertThat(zero.value()).isNaN();
        assertThat(zero.note()).isEqualTo("the baseline mean is 0");

        assertThat(FiellerGain.estimate(new double[] {0, 0}, new double[] {0, 0}, Direction.LOWER_IS_BETTER).note())
                .isEqualTo("both means are 0");
        Gain lowerZero = FiellerGain.estimate(new double[] {3, 4}, new double[] {0, 0}, Direction.LOWER_IS_BETTER);
        assertThat(lowerZero.note()).isEqualTo("the candidate mean is 0");
    }

    @Test
    void denominatorIndistinguishableFromZeroGivesNoInterval() {
        Gain gain = FiellerGain.estimate(new double[] {-5, 1, 9}, new double[] {10, 11, 12}, Direction.HIGHER_IS_BETTER);
        assertThat(gain.hasInterval()).isFalse();
        assertThat(gain.note()).isEqualTo("the interval is unbounded: the baseline mean is not distinguishable from 0 at this level");
    }

    /** The 95% interval must contain the true ratio in about 95% of repeated experiments (seeded). */
    @Test
    void coverageIsNearNinetyFivePercentAtFiveSamples() {
        Random random = new Random(42);
        int trials = 2000;
        int covered = 0;
        for (int i = 0; i < trials; i++) {
            double[] base = new double[5];
            double[] cand = new double[5];
            for (int j = 0; j < 5; j++) {
                base[j] = 1000 + 100 * random.nextGaussian();
                cand[j] = 1500 + 200 * random.nextGaussian();
            }
            Gain gain = FiellerGain.estimate(base, cand, Direction.HIGHER_IS_BETTER);
            if (gain.low() <= 1.5 && 1.5 <= gain.high()) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isBetween(0.93, 0.97);
    }
}
