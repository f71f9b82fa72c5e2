package dev.vbench.results.history;

/**
 * The e-divisive statistic of Matteson and James (2014) with alpha = 1 over one window of a univariate series, with
 * the pairwise distances summed once per window so that the best split of any interval inside it costs O(L²).
 *
 * <p>For a split of {@code [lo, kappa)} at {@code tau} into X = {@code [lo, tau)} (n values) and Y =
 * {@code [tau, kappa)} (m values), with B the sum of |x - y| over the pairs across, W and R the sums over the pairs
 * within X and within Y:
 * <pre>Q(tau, kappa) = 2 B / (n + m) - 2 m W / ((n + m)(n - 1)) - 2 n R / ((n + m)(m - 1))</pre>
 * which is nm / (n + m) times the energy distance between X and Y (a term with a single value is 0). The candidate
 * of an interval {@code [lo, hi)} maximises Q over tau and kappa with at least a minimum number of values in X and in
 * Y; ties go to the earliest tau.
 */
final class EnergyStatistic {
    private final double[] y;
    private final int from;
    /** prefix[j - from][t - from] = sum of |y[i] - y[j]| for from &lt;= i &lt; t, for t &lt;= j. */
    private final double[][] prefix;

    /**
     * @param y    the series
     * @param from first index of the window
     * @param to   end of the window (exclusive)
     */
    EnergyStatistic(double[] y, int from, int to) {
        this.y = y;
        this.from = from;
        this.prefix = new double[to - from][];
        for (int j = from; j < to; j++) {
            double[] row = new double[j - from + 1];
            double sum = 0;
            for (int i = from; i < j; i++) {
                sum += Math.abs(y[i] - y[j]);
                row[i - from + 1] = sum;
            }
            prefix[j - from] = row;
        }
    }

    /** A split: the first index of the new segment and its statistic. */
    record Candidate(int tau, double q) {
    }

    /** Sum of |y[i] - y[j]| for u &lt;= i &lt; v, where v &lt;= j. */
    private double column(int j, int u, int v) {
        double[] row = prefix[j - from];
        return row[v - from] - row[u - from];
    }

    /**
     * @param lo         first index of the interval (inside the window)
     * @param hi         end of the interval (exclusive, inside the window)
     * @param minSegment the fewest values before the split
     * @param minAfter   the fewest values after it (in Y)
     * @return the best split, or {@code null} when the interval is too short for both
     */
    Candidate best(int lo, int hi, int minSegment, int minAfter) {
        int bestTau = -1;
        double bestQ = Double.NEGATIVE_INFINITY;
        double within = 0;
        for (int tau = lo + 1; tau <= hi - minAfter; tau++) {
            within += column(tau - 1, lo, tau - 1);
            int n = tau - lo;
            if (n < minSegment) {
                continue;
            }
            double across = 0;
            double right = 0;
            for (int kappa = tau + 1; kappa <= hi; kappa++) {
                across += column(kappa - 1, lo, tau);
                right += column(kappa - 1, tau, kappa - 1);
                int m = kappa - tau;
                if (m < minAfter) {
                    continue;
                }
                double q = q(n, m, across, within, right);
                if (q > bestQ) {
                    bestQ = q;
                    bestTau = tau;
                }
            }
        }
        return bestTau < 0 ? null : new Candidate(bestTau, bestQ);
    }

    /** The statistic from the three distance sums; a side with one value has no within term. */
    static double q(int n, int m, double across, double withinX, double withinY) {
        double total = n + m;
        double q = 2 * across / total;
        if (n > 1) {
            q -= 2.0 * m * withinX / (total * (n - 1));
        }
        if (m > 1) {
            q -= 2.0 * n * withinY / (total * (m - 1));
        }
        return q;
    }
}
