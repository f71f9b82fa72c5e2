package dev.vbench.results.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Whether a cell's values trend with the order they were measured in (a guest warming up, a host filling its page
 * cache, a disk image growing), by the least-squares slope of value against position, pooled within groups (each
 * group its own intercept: the boots of a cell, or one group of boot means), tested with Student's t on
 * N - groups - 1 degrees of freedom. Checked when there are at least {@value #MIN_DF} degrees of freedom; flagged at
 * {@value #ALPHA}, not 5%: it is a warning over every cell of a run, and at 5% an A/A run of 40 cells would
 * flag two.
 *
 * @param slope the change per position, in the cell's unit ({@code NaN} when not checked)
 * @param p     the two-sided p-value of slope = 0 ({@code NaN} when not checked)
 */
public record DriftCheck(double slope, double p) {
    /** Level at which a trend is flagged. */
    public static final double ALPHA = 0.01;
    /** Fewest residual degrees of freedom checked. */
    public static final int MIN_DF = 2;

    /** @return whether the cell drifts */
    public boolean flagged() {
        return p < ALPHA;
    }

    /**
     * @param groups the values of each group in measurement order
     * @return the slope and its p-value
     */
    public static DriftCheck of(List<double[]> groups) {
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (double[] g : groups) {
            double xMean = (g.length - 1) / 2.0;
            double yMean = Arrays.stream(g).average().orElse(0);
            for (int i = 0; i < g.length; i++) {
                sxx += (i - xMean) * (i - xMean);
                sxy += (i - xMean) * (g[i] - yMean);
            }
            n += g.length;
        }
        int df = n - groups.size() - 1;
        if (df < MIN_DF || sxx == 0) {
            return new DriftCheck(Double.NaN, Double.NaN);
        }
        double slope = sxy / sxx;
        double rss = 0;
        for (double[] g : groups) {
            double xMean = (g.length - 1) / 2.0;
            double yMean = Arrays.stream(g).average().orElse(0);
            for (int i = 0; i < g.length; i++) {
                double r = g[i] - yMean - slope * (i - xMean);
                rss += r * r;
            }
        }
        if (rss == 0) {
            return new DriftCheck(slope, slope == 0 ? 1 : 0);
        }
        double t = slope / Math.sqrt(rss / df / sxx);
        return new DriftCheck(slope, 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t)));
    }
}
