package dev.vbench.results.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction, which keeps the family-wise error rate of several tests at the nominal level
 * (Holm 1979).
 */
public final class HolmCorrection {
    private HolmCorrection() {
    }

    /**
     * Holm-adjusted p-values: sorted ascending, the i-th smallest (from 0) is multiplied by (m - i), made
     * non-decreasing and capped at 1. A hypothesis is rejected at level alpha when its adjusted p-value is below
     * alpha.
     *
     * @param pValues raw p-values
     * @return adjusted p-values, in the order of the input
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
