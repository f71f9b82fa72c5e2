package dev.vbench.results.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The gain of a candidate over a baseline, from the replicates of both, with the test and the interval that are
 * exactly dual to each other. For the oriented ratio r = a / b of the means (a the numerator: the candidate when
 * higher is better, the baseline when lower is better), with squared standard errors va and vb of the replicates
 * (floored, {@link SpreadFloor}), the test of gain = g0 uses
 * <pre>t(g0) = (a - g0 b) / sqrt(va + g0² vb)</pre>
 * on Welch-Satterthwaite's df = (va + r² vb)² / (va² / (na - 1) + r⁴ vb² / (nb - 1)) at the estimated gain, and
 * the interval at confidence 1 - p is Fieller's: every g0 whose two-sided test does not reject at level p, the
 * roots of (a - g0 b)² = t² (va + g0² vb) (Fieller 1954; unequal variances, Tamhane and Logan 2004). So a verdict
 * taken at a level never contradicts the interval printed at that level. The interval is bounded only when the
 * denominator's mean is itself distinguishable from 0 at that level (b² &gt; t² vb).
 *
 * @param numerator       the numerator's replicates
 * @param denominator     the denominator's replicates
 * @param denominatorName {@code baseline} or {@code candidate}, for the notes
 */
public record RatioTest(Replicates numerator, Replicates denominator, String denominatorName) {

    /**
     * @param baseline  the baseline's replicates
     * @param candidate the candidate's replicates
     * @param direction which way the metric improves
     * @return the test, oriented so that a gain above 1 is better
     */
    public static RatioTest of(Replicates baseline, Replicates candidate, Direction direction) {
        return direction == Direction.HIGHER_IS_BETTER ? new RatioTest(candidate, baseline, "baseline")
                : new RatioTest(baseline, candidate, "candidate");
    }

    /** @return the estimated gain a / b ({@code NaN} when b is 0) */
    public double ratio() {
        return denominator.mean() == 0 ? Double.NaN : numerator.mean() / denominator.mean();
    }

    /** @return why there is no gain or no test, or empty when both exist */
    public String problem() {
        if (numerator.mean() == 0 && denominator.mean() == 0) {
            return "both means are 0";
        }
        if (denominator.mean() == 0) {
            return "the " + denominatorName + " mean is 0";
        }
        if (numerator.n() < 2 || denominator.n() < 2) {
            return "an interval needs at least 2 replicates on each side";
        }
        return "";
    }

    /** @return Welch-Satterthwaite's degrees of freedom at the estimated gain */
    public double df() {
        double r = ratio();
        double va = numerator.squaredStandardError();
        double vb = denominator.squaredStandardError();
        return Math.pow(va + r * r * vb, 2)
                / (va * va / (numerator.n() - 1) + Math.pow(r, 4) * vb * vb / (denominator.n() - 1));
    }

    /**
     * @param g0 a gain
     * @return the test statistic, positive when the data say the gain is above {@code g0}
     */
    public double t(double g0) {
        double a = numerator.mean();
        double b = denominator.mean();
        double spread = Math.sqrt(numerator.squaredStandardError() + g0 * g0 * denominator.squaredStandardError());
        return Math.signum(b) * (a - g0 * b) / spread;
    }

    /**
     * @param g0 a gain
     * @return the one-sided p-value of "the gain is at most g0" against "above g0"
     */
    public double pAbove(double g0) {
        return tail(-t(g0));
    }

    /**
     * @param g0 a gain
     * @return the one-sided p-value of "the gain is at least g0" against "below g0"
     */
    public double pBelow(double g0) {
        return tail(t(g0));
    }

    /**
     * @param g0 a gain
     * @return the two-sided p-value of "the gain is g0"
     */
    public double pTwoSided(double g0) {
        return Math.min(1, 2 * Math.min(pAbove(g0), pBelow(g0)));
    }

    /** P(T &lt;= x) on {@link #df()}; constant replicates give an infinite t (0 or 1) or 0 / 0 (no evidence: 1/2). */
    private double tail(double x) {
        if (Double.isNaN(x)) {
            return 0.5;
        }
        return Double.isInfinite(x) ? (x > 0 ? 1 : 0) : new TDistribution(null, df()).cumulativeProbability(x);
    }

    /**
     * The gain and its Fieller interval.
     *
     * @param confidence two-sided confidence level, in (0, 1)
     * @return the gain; {@code NaN} parts with a note when they cannot be computed
     */
    public Gain interval(double confidence) {
        String problem = problem();
        if (!problem.isEmpty()) {
            return new Gain(ratio(), Double.NaN, Double.NaN, confidence, problem);
        }
        double a = numerator.mean();
        double b = denominator.mean();
        double r = ratio();
        double va = numerator.squaredStandardError();
        double vb = denominator.squaredStandardError();
        if (va + r * r * vb == 0) {
            return new Gain(r, r, r, confidence, "");
        }
        double t = tQuantile(df(), confidence);
        double q = b * b - t * t * vb;
        if (!(q > 0)) {
            return new Gain(r, Double.NaN, Double.NaN, confidence, "the interval is unbounded: the "
                    + denominatorName + " mean is not distinguishable from 0 at this level");
        }
        double root = t * Math.sqrt(a * a * vb + q * va);
        return new Gain(r, (a * b - root) / q, (a * b + root) / q, confidence, "");
    }

    /**
     * @param df         degrees of freedom
     * @param confidence two-sided confidence level
     * @return the t quantile at 1 - (1 - confidence) / 2, infinite when the level is beyond double precision
     */
    static double tQuantile(double df, double confidence) {
        double tail = (1 - confidence) / 2;
        if (!(tail > 1e-300)) {
            return Double.POSITIVE_INFINITY;
        }
        return -new TDistribution(null, df).inverseCumulativeProbability(tail);
    }
}
