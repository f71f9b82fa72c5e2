package dev.vbench.results.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Descriptive statistics of the samples of one cell. Values that need two samples or more (standard deviation,
 * coefficient of variation, interval) are {@code NaN} for a single sample.
 *
 * @param n        number of samples
 * @param mean     arithmetic mean
 * @param median   median (mean of the two middle values for an even count)
 * @param stddev   sample standard deviation (n - 1 denominator)
 * @param cv       coefficient of variation: stddev / |mean| ({@code NaN} when the mean is 0)
 * @param ci95Low  lower bound of the two-sided 95% confidence interval of the mean (Student's t, n - 1 df; for a
 *                 cell, over its {@link Replicates} with their floored standard deviation)
 * @param ci95High upper bound of that interval
 */
public record CellStatistics(int n, double mean, double median, double stddev, double cv, double ci95Low,
                             double ci95High) {

    /** Two-sided confidence level of every interval vbench reports. */
    public static final double CONFIDENCE = 0.95;

    /**
     * Computes the statistics of samples.
     *
     * @param values the samples, at least one
     * @return their statistics
     */
    public static CellStatistics of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double mean = new Mean().evaluate(values);
        double median = new Median().evaluate(values);
        if (n < 2) {
            return new CellStatistics(n, mean, median, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double stddev = new StandardDeviation(true).evaluate(values);
        double half = halfWidth(stddev, n);
        double cv = mean == 0 ? Double.NaN : stddev / Math.abs(mean);
        return new CellStatistics(n, mean, median, stddev, cv, mean - half, mean + half);
    }

    /**
     * The statistics of a cell: count, median, standard deviation and coefficient of variation of its samples; mean
     * and interval of its replicates (equal to the samples' mean when every boot has as many repetitions).
     *
     * @param samples    the samples, at least one
     * @param replicates their replicates
     * @return the statistics
     */
    public static CellStatistics of(double[] samples, Replicates replicates) {
        CellStatistics raw = of(samples);
        double mean = replicates.mean();
        double half = replicates.n() < 2 ? Double.NaN : halfWidth(replicates.effectiveSd(), replicates.n());
        return new CellStatistics(raw.n, mean, raw.median, raw.stddev,
                mean == 0 ? Double.NaN : raw.stddev / Math.abs(mean), mean - half, mean + half);
    }

    /**
     * @param values the samples, at least one
     * @return their statistics
     */
    public static CellStatistics of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** @return half the width of the 95% interval of the mean ({@code NaN} for one sample) */
    public double ci95HalfWidth() {
        return (ci95High - ci95Low) / 2;
    }

    /**
     * Half-width of the two-sided 95% t interval of a mean.
     *
     * @param stddev sample standard deviation
     * @param n      number of samples, at least 2
     * @return t(0.975, n - 1) * stddev / sqrt(n)
     */
    static double halfWidth(double stddev, int n) {
        return tQuantile(n - 1) * stddev / Math.sqrt(n);
    }

    /**
     * @param degreesOfFreedom degrees of freedom, may be fractional (Welch)
     * @return the 97.5% quantile of Student's t distribution
     */
    static double tQuantile(double degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    @Override
    public String toString() {
        return "CellStatistics" + Arrays.toString(new double[] {n, mean, median, stddev, cv, ci95Low, ci95High});
    }
}
