package dev.vbench.results.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini and Hochberg's step-up procedure (1995), which keeps the expected share of false discoveries among the
 * rejected hypotheses at level q for independent or positively dependent tests: the nightly gate's correction
 * across the series of a night, where one false alarm among many true ones is tolerable but a night of false alarms
 * is not.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /**
     * BH-adjusted p-values: sorted ascending, the i-th smallest (from 1) is multiplied by m / i, made non-decreasing
     * from the largest down (the minimum over it and every larger one) and capped at 1. A hypothesis is rejected at
     * level q when its adjusted p-value is at most q.
     *
     * @param pValues raw p-values
     * @return adjusted p-values, in the order of the input
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, (double) m / rank * pValues[i]);
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * The number of rejections R at level q: the largest i with p(i) &lt;= q i / m. Every rejected hypothesis has a
     * raw p-value of at most q R / m and every other one a larger one, so one-sided intervals at level q R / m
     * (q / m when nothing is rejected) agree with the decisions (Benjamini and Yekutieli 2005: false coverage rate).
     *
     * @param pValues raw p-values
     * @param q       the false discovery rate, in (0, 1)
     * @return the number of hypotheses rejected
     */
    public static int rejections(double[] pValues, double q) {
        double[] sorted = pValues.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        for (int i = m; i >= 1; i--) {
            if (sorted[i - 1] <= q * i / m) {
                return i;
            }
        }
        return 0;
    }
}
