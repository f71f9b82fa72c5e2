package dev.vbench.results.history;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Hunter's significance test of a change point (Fleming et al., ICPE 2023): Student's two-sample t-test with pooled
 * variance between the values before and after it, two-sided. Deterministic, unlike Matteson and James'
 * permutation test, and exact for normal values of equal variance.
 */
final class SegmentTest {
    private SegmentTest() {
    }

    /**
     * @param y   the series
     * @param lo  first index of the segment before
     * @param tau first index of the segment after
     * @param hi  end of the segment after (exclusive)
     * @return the two-sided p-value of equal means; 1 when there are no degrees of freedom or both sides are constant
     *         and equal, 0 when both are constant and differ
     */
    static double pValue(double[] y, int lo, int tau, int hi) {
        int n1 = tau - lo;
        int n2 = hi - tau;
        int df = n1 + n2 - 2;
        if (n1 < 1 || n2 < 1 || df < 1) {
            return 1.0;
        }
        double m1 = mean(y, lo, tau);
        double m2 = mean(y, tau, hi);
        double ss = squares(y, lo, tau, m1) + squares(y, tau, hi, m2);
        double diff = m2 - m1;
        if (ss == 0) {
            return diff == 0 ? 1.0 : 0.0;
        }
        double t = Math.abs(diff) / Math.sqrt(ss / df * (1.0 / n1 + 1.0 / n2));
        return Math.min(1.0, 2 * new TDistribution(null, df).cumulativeProbability(-t));
    }

    /** @return the mean of y[from..to) */
    static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum / (to - from);
    }

    private static double squares(double[] y, int from, int to, double mean) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (y[i] - mean) * (y[i] - mean);
        }
        return sum;
    }
}
