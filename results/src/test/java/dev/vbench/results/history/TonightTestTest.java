package dev.vbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The gate's two tests against closed forms and commons-math, and the duality of each test and its interval. */
class TonightTestTest {

    @Test
    void thePredictionTestIsTheClosedFormOnNMinusOneDegreesOfFreedom() {
        Random random = new Random(21);
        for (int trial = 0; trial < 100; trial++) {
            int n = 3 + random.nextInt(40);
            double[] nights = new double[n];
            for (int i = 0; i < n; i++) {
                nights[i] = 500 * (1 + 0.02 * random.nextGaussian());
            }
            double x = 500 * (1 + 0.05 * random.nextGaussian());
            double mean = StatUtils.mean(nights);
            double sd = Math.sqrt(StatUtils.variance(nights));
            double t = (x - mean) / (sd * Math.sqrt(1 + 1.0 / n));
            TDistribution dist = new TDistribution(n - 1);
            TonightTest test = new TonightTest.Prediction(x, mean, sd, n);
            assertThat(test.ratio()).isCloseTo(x / mean, within(1e-15));
            assertThat(test.pBelow()).isCloseTo(dist.cumulativeProbability(t), within(1e-12));
            assertThat(test.pAbove()).isCloseTo(1 - dist.cumulativeProbability(t), within(1e-12));

            double tail = 0.001 + 0.05 * random.nextDouble();
            double[] interval = test.interval(tail);
            double c = dist.inverseCumulativeProbability(1 - tail);
            // at each end the test of that ratio sits exactly on its critical value
            for (double g : interval) {
                double tg = (x - g * mean) / (sd * Math.sqrt(1 + g * g / n));
                assertThat(Math.abs(tg)).isCloseTo(c, within(1e-7));
            }
            assertThat(interval[0]).isLessThan(test.ratio());
            assertThat(interval[1]).isGreaterThan(test.ratio());
            assertThat(interval[1] < 1).isEqualTo(test.pBelow() < tail);
            assertThat(interval[0] > 1).isEqualTo(test.pAbove() < tail);
        }
    }

    @Test
    void aConstantBaselineDecidesByTheSignAndItsIntervalIsThePoint() {
        TonightTest below = new TonightTest.Prediction(90, 100, 0, 10);
        assertThat(below.pBelow()).isZero();
        assertThat(below.pAbove()).isEqualTo(1);
        assertThat(below.interval(0.01)).containsExactly(0.9, 0.9);
        assertThat(new TonightTest.Prediction(100, 100, 0, 10).pBelow()).isEqualTo(0.5);
    }

    @Test
    void anIntervalIsUnboundedWhenTheBaselineIsNotDistinguishableFromZero() {
        assertThat(new TonightTest.Prediction(1, 1, 10, 5).interval(0.025)).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void theBootTestIsWelchsTOnTheBootMeans() {
        Random random = new Random(22);
        for (int trial = 0; trial < 100; trial++) {
            double[] tonight = new double[2 + random.nextInt(4)];
            double[] baseline = new double[2 + random.nextInt(12)];
            for (int i = 0; i < tonight.length; i++) {
                tonight[i] = 95 * (1 + 0.03 * random.nextGaussian());
            }
            for (int i = 0; i < baseline.length; i++) {
                baseline[i] = 100 * (1 + 0.03 * random.nextGaussian());
            }
            TonightTest test = TonightTest.Boots.of(tonight, baseline);
            double va = StatUtils.variance(tonight) / tonight.length;
            double vb = StatUtils.variance(baseline) / baseline.length;
            double r = StatUtils.mean(tonight) / StatUtils.mean(baseline);
            // Welch-Satterthwaite at the estimated ratio (RatioTest's choice, which keeps test and interval dual)
            double df = Math.pow(va + r * r * vb, 2) / (va * va / (tonight.length - 1)
                    + Math.pow(r, 4) * vb * vb / (baseline.length - 1));
            double t = new TTest().t(tonight, baseline);
            assertThat(test.pBelow()).isCloseTo(new TDistribution(df).cumulativeProbability(t), within(1e-9));
            assertThat(test.pAbove()).isCloseTo(1 - test.pBelow(), within(1e-12));
            double tail = 0.001 + 0.05 * random.nextDouble();
            double[] interval = test.interval(tail);
            if (!Double.isNaN(interval[0])) {
                assertThat(interval[1] < 1).isEqualTo(test.pBelow() < tail);
                assertThat(interval[0] > 1).isEqualTo(test.pAbove() < tail);
            }
        }
    }
}
