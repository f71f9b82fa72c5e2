package dev.vbench.results.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The Clopper-Pearson exact interval of a binomial probability from {@code x} events in {@code n} trials: the
 * two-sided interval {@code [low, high]} at {@code confidence} puts at most (1 - confidence)/2 in each tail, so
 * low is the beta(x, n - x + 1) quantile at (1 - confidence)/2 (0 when x = 0) and high the beta(x + 1, n - x)
 * quantile at (1 + confidence)/2 (1 when x = n). It is conservative: its coverage is at least {@code confidence}
 * for every true probability. With no trials it is [0, 1]. {@link #upperOneSided} is the one-sided bound, for
 * "the probability is at most p" statements (at x = 0 it is 1 - (1 - confidence)^(1/n)).
 *
 * @param x          events (e.g. trials that lost an acknowledged record)
 * @param n          trials
 * @param confidence the two-sided level, e.g. 0.95
 * @param low        the lower bound, 0 exactly when x = 0
 * @param high       the upper bound, 1 exactly when x = n
 */
public record ClopperPearson(int x, int n, double confidence, double low, double high) {
    /** The method in words, for reports. */
    public static final String METHOD = "clopper-pearson exact two-sided interval of the per-trial probability";
    private static final double ACCURACY = 1e-13;

    /** Checks 0 &lt;= x &lt;= n, confidence in (0, 1) and 0 &lt;= low &lt;= high &lt;= 1. */
    public ClopperPearson {
        if (x < 0 || x > n || !(confidence > 0 && confidence < 1) || !(low >= 0 && low <= high && high <= 1)) {
            throw new IllegalArgumentException("clopper-pearson: x " + x + ", n " + n + ", confidence " + confidence
                    + ", [" + low + ", " + high + "]");
        }
    }

    /**
     * @param x          events, {@code 0..n}
     * @param n          trials, {@code >= 0}
     * @param confidence two-sided level in (0, 1)
     * @return the exact two-sided interval
     */
    public static ClopperPearson of(int x, int n, double confidence) {
        requireCounts(x, n, confidence);
        if (n == 0) {
            return new ClopperPearson(0, 0, confidence, 0, 1);
        }
        double tail = (1 - confidence) / 2;
        double low = x == 0 ? 0 : beta(x, n - x + 1).inverseCumulativeProbability(tail);
        double high = x == n ? 1 : beta(x + 1, n - x).inverseCumulativeProbability(1 - tail);
        return new ClopperPearson(x, n, confidence, low, high);
    }

    /**
     * The one-sided upper bound: the largest probability p for which seeing {@code x} or fewer events in {@code n}
     * trials still has probability {@code 1 - confidence}; 1 when x = n or n = 0.
     */
    public static double upperOneSided(int x, int n, double confidence) {
        requireCounts(x, n, confidence);
        return x == n ? 1 : beta(x + 1, n - x).inverseCumulativeProbability(confidence);
    }

    /** The observed proportion x / n, NaN without trials. */
    public double rate() {
        return n == 0 ? Double.NaN : (double) x / n;
    }

    private static BetaDistribution beta(double a, double b) {
        return new BetaDistribution(null, a, b, ACCURACY);
    }

    private static void requireCounts(int x, int n, double confidence) {
        if (n < 0 || x < 0 || x > n || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("clopper-pearson needs 0 <= x <= n and a level in (0, 1): x " + x
                    + ", n " + n + ", confidence " + confidence);
        }
    }
}
