package dev.vbench.results.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Flags samples far from the rest by the median absolute deviation (Iglewicz and Hoaglin 1993): a sample x is an
 * outlier when |x - median| > {@value #CUTOFF} x {@value #MAD_TO_SD} x MAD, MAD the median of |x - median| and
 * {@value #MAD_TO_SD} the factor that makes it estimate a normal standard deviation. The scale is raised to the
 * cell's {@link SpreadFloor} so that quantised samples (a count that is 0 on most repetitions) do not flag every
 * value off the median. Needs at least 3 samples; fewer are never flagged.
 */
public final class OutlierFlags {
    /** How many robust standard deviations away an outlier is. */
    public static final double CUTOFF = 3.5;
    /** MAD x this estimates the standard deviation of normal data. */
    public static final double MAD_TO_SD = 1.4826;

    private OutlierFlags() {
    }

    /**
     * @param values  samples
     * @param sdFloor the smallest robust standard deviation to use
     * @return the indexes of the outliers, ascending
     */
    public static List<Integer> of(double[] values, double sdFloor) {
        List<Integer> outliers = new ArrayList<>();
        if (values.length < 3) {
            return outliers;
        }
        double median = new Median().evaluate(values);
        double mad = new Median().evaluate(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
        double limit = CUTOFF * Math.max(MAD_TO_SD * mad, sdFloor);
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i] - median) > limit) {
                outliers.add(i);
            }
        }
        return outliers;
    }
}
