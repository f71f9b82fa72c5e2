package dev.vbench.results.stats;

import org.apache.commons.math3.stat.inference.TTest;

/** Welch's two-sample t-test (unequal variances), two-sided. */
public final class WelchTest {
    private WelchTest() {
    }

    /**
     * The two-sided p-value of Welch's t-test that the two means are equal (Commons Math {@link TTest}). When
     * both samples are constant the test is degenerate: 1 if the values are equal, 0 if they differ.
     *
     * @param a first sample, at least 2 values
     * @param b second sample, at least 2 values
     * @return the p-value
     */
    public static double pValue(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("Welch's t-test needs at least 2 values on each side");
        }
        CellStatistics sa = CellStatistics.of(a);
        CellStatistics sb = CellStatistics.of(b);
        if (sa.stddev() == 0 && sb.stddev() == 0) {
            return sa.mean() == sb.mean() ? 1.0 : 0.0;
        }
        return new TTest().tTest(a, b);
    }
}
