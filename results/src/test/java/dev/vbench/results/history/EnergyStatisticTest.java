package dev.vbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/**
 * The e-divisive statistic and the t-test against straightforward re-implementations: the energy distance written
 * from its definition (Matteson and James 2014, eq. 3 and 5) with plain loops, and commons-math's pooled t-test.
 */
class EnergyStatisticTest {

    /** Q = nm/(n+m) x (2/(nm) sum |x-y| - 1/C(n,2) sum |x-x'| - 1/C(m,2) sum |y-y'|), a single value's term 0. */
    private static double bruteForceQ(double[] y, int lo, int tau, int kappa) {
        int n = tau - lo;
        int m = kappa - tau;
        double across = 0;
        for (int i = lo; i < tau; i++) {
            for (int j = tau; j < kappa; j++) {
                across += Math.abs(y[i] - y[j]);
            }
        }
        double withinX = 0;
        for (int i = lo; i < tau; i++) {
            for (int k = i + 1; k < tau; k++) {
                withinX += Math.abs(y[i] - y[k]);
            }
        }
        double withinY = 0;
        for (int j = tau; j < kappa; j++) {
            for (int k = j + 1; k < kappa; k++) {
                withinY += Math.abs(y[j] - y[k]);
            }
        }
        double energy = 2 * across / (n * m) - (n > 1 ? withinX / (n * (n - 1) / 2.0) : 0)
                - (m > 1 ? withinY / (m * (m - 1) / 2.0) : 0);
        return n * m / (double) (n + m) * energy;
    }

    private static double[] series(Random random, int length) {
        double[] y = new double[length];
        double level = 100;
        for (int i = 0; i < length; i++) {
            if (random.nextInt(8) == 0) {
                level *= 0.8 + 0.4 * random.nextDouble();
            }
            y[i] = level * (1 + 0.03 * random.nextGaussian());
        }
        return y;
    }

    @Test
    void theBestSplitAndItsStatisticAreTheBruteForceMaximum() {
        Random random = new Random(5);
        int compared = 0;
        for (int trial = 0; trial < 300; trial++) {
            double[] y = series(random, 6 + random.nextInt(40));
            int from = random.nextInt(3);
            int to = y.length - random.nextInt(3);
            EnergyStatistic energy = new EnergyStatistic(y, from, to);
            int lo = from + random.nextInt(3);
            int hi = to - random.nextInt(3);
            int minBefore = 2 + random.nextInt(2);
            int minAfter = 1 + random.nextInt(3);
            int bestTau = -1;
            double bestQ = Double.NEGATIVE_INFINITY;
            for (int tau = lo + minBefore; tau <= hi - minAfter; tau++) {
                for (int kappa = tau + minAfter; kappa <= hi; kappa++) {
                    double q = bruteForceQ(y, lo, tau, kappa);
                    if (q > bestQ) {
                        bestQ = q;
                        bestTau = tau;
                    }
                }
            }
            EnergyStatistic.Candidate c = energy.best(lo, hi, minBefore, minAfter);
            if (bestTau < 0) {
                assertThat(c).isNull();
                continue;
            }
            compared++;
            assertThat(c.tau()).isEqualTo(bestTau);
            assertThat(c.q()).isCloseTo(bestQ, within(1e-9 * Math.abs(bestQ) + 1e-9));
        }
        assertThat(compared).isGreaterThan(250);
    }

    @Test
    void aCleanStepIsSplitAtItsFirstNight() {
        double[] y = {10, 10.2, 9.9, 10.1, 10, 12, 12.1, 11.9, 12, 12.2};
        assertThat(new EnergyStatistic(y, 0, y.length).best(0, y.length, 2, 2).tau()).isEqualTo(5);
    }

    @Test
    void theSegmentTestIsStudentsPooledTTest() {
        Random random = new Random(6);
        TTest reference = new TTest();
        for (int trial = 0; trial < 100; trial++) {
            double[] y = series(random, 8 + random.nextInt(30));
            int tau = 2 + random.nextInt(y.length - 4);
            double expected = reference.homoscedasticTTest(java.util.Arrays.copyOfRange(y, 0, tau),
                    java.util.Arrays.copyOfRange(y, tau, y.length));
            assertThat(SegmentTest.pValue(y, 0, tau, y.length)).isCloseTo(expected, within(1e-9 * expected + 1e-12));
        }
    }

    @Test
    void aSideOfOneValueStillHasDegreesOfFreedomAndConstantSidesAreDecided() {
        // 1 vs 3 values: df 2, pooled variance from the three
        double[] y = {1, 2, 3, 10};
        double sp2 = 2.0 / 2;
        double t = (10 - 2) / Math.sqrt(sp2 * (1.0 / 3 + 1));
        double expected = 2 * new org.apache.commons.math3.distribution.TDistribution(2).cumulativeProbability(-t);
        assertThat(SegmentTest.pValue(y, 0, 3, 4)).isCloseTo(expected, within(1e-12));
        assertThat(SegmentTest.pValue(new double[] {5, 5, 5, 5}, 0, 2, 4)).isEqualTo(1.0);
        assertThat(SegmentTest.pValue(new double[] {5, 5, 6, 6}, 0, 2, 4)).isEqualTo(0.0);
        assertThat(SegmentTest.pValue(new double[] {5, 6}, 0, 1, 2)).isEqualTo(1.0);
    }
}
