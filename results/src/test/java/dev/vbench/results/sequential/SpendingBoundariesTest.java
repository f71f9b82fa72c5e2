package dev.vbench.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Boundaries against values computed elsewhere: the published two-sided symmetric Lan-DeMets O'Brien-Fleming
 * boundaries at alpha = 0.05 (as printed by R's ldbounds and gsDesign, 4 decimals), a boundary set for alpha = 0.01
 * computed with scipy's multivariate normal integration (Genz's method, not recursive integration), and a seeded
 * Monte Carlo of Brownian motion.
 */
class SpendingBoundariesTest {

    @Test
    void oneLookIsTheFixedTwoSidedCriticalValue() {
        assertThat(SpendingBoundaries.obrienFleming(1, 0.05)).containsExactly(new double[] {1.959964}, within(1e-5));
    }

    @Test
    void matchThePublishedBoundaries() {
        assertThat(SpendingBoundaries.obrienFleming(3, 0.05)).containsExactly(new double[] {3.7103, 2.5114, 1.9930},
                within(1e-3));
        assertThat(SpendingBoundaries.obrienFleming(4, 0.05))
                .containsExactly(new double[] {4.3326, 2.9631, 2.3590, 2.0141}, within(1e-3));
        assertThat(SpendingBoundaries.obrienFleming(5, 0.05))
                .containsExactly(new double[] {4.8769, 3.3569, 2.6803, 2.2898, 2.0310}, within(1e-3));
    }

    @Test
    void matchAnIndependentMultivariateNormalComputation() {
        // scipy.stats.multivariate_normal.cdf over the box, each c_k solved with brentq
        assertThat(SpendingBoundaries.obrienFleming(4, 0.01))
                .containsExactly(new double[] {5.4930, 3.8014, 3.0445, 2.6030}, within(1e-3));
        assertThat(SpendingBoundaries.obrienFleming(2, 0.05)).containsExactly(new double[] {2.9626, 1.9686},
                within(1e-3));
    }

    @Test
    void aBrownianMotionCrossesWithTheSpentProbability() {
        int looks = 5;
        double[] c = SpendingBoundaries.obrienFleming(looks, 0.05);
        Random random = new Random(31);
        int paths = 200_000;
        int[] crossedBy = new int[looks];
        for (int i = 0; i < paths; i++) {
            double s = 0;
            for (int k = 0; k < looks; k++) {
                s += random.nextGaussian() * Math.sqrt(1.0 / looks);
                if (Math.abs(s) / Math.sqrt((k + 1.0) / looks) >= c[k]) {
                    for (int j = k; j < looks; j++) {
                        crossedBy[j]++;
                    }
                    break;
                }
            }
        }
        // O'Brien-Fleming-type spending, computed here: 4 (1 - Phi(z(0.9875) / sqrt(t))), z(0.9875) = 2.241403
        org.apache.commons.math3.distribution.NormalDistribution normal =
                new org.apache.commons.math3.distribution.NormalDistribution();
        for (int k = 0; k < looks; k++) {
            double spent = 4 * (1 - normal.cumulativeProbability(2.241403 / Math.sqrt((k + 1.0) / looks)));
            double sd = Math.sqrt(Math.max(spent, 1e-6) * (1 - spent) / paths);
            assertThat(crossedBy[k] / (double) paths).as("look %d", k + 1).isCloseTo(spent, within(4 * sd + 1e-5));
        }
        assertThat(crossedBy[looks - 1] / (double) paths).isCloseTo(0.05, within(0.002));
    }

    @Test
    void tailsAreAccurateFarOut() {
        assertThat(SpendingBoundaries.upper(1.959964)).isCloseTo(0.025, within(1e-8));
        assertThat(SpendingBoundaries.upper(10)).isCloseTo(7.619853e-24, within(1e-29));
        assertThat(SpendingBoundaries.inverseUpper(7.619853e-24)).isCloseTo(10, within(1e-6));
    }
}
