package dev.vbench.results.stats;

/**
 * The gain of a candidate over a baseline with a 95% confidence interval by Fieller's method for the ratio of
 * two independent means, with Welch-Satterthwaite degrees of freedom (Fieller 1954; the unequal-variance form of
 * Tamhane and Logan 2004). Unlike a bootstrap it is exact for normal data, needs no random numbers and keeps
 * its coverage at the small repetition counts VM benchmarks can afford (3 to 10). Its interval is asymmetric
 * around the ratio, as the uncertainty of a ratio is.
 *
 * <p>For a ratio r = a / b of the means a (numerator) and b (denominator), with squared standard errors
 * va = sa²/na and vb = sb²/nb, the interval is the set of r for which (a - r b)² ≤ t² (va + r² vb), t the 97.5%
 * t quantile for df = (va + r² vb)² / (va²/(na-1) + r⁴ vb²/(nb-1)). It is bounded only when the denominator mean
 * is itself significantly different from 0 (b² > t² vb).
 */
public final class FiellerGain {
    /** Identifies this method in summary.json. */
    public static final String METHOD = "fieller-welch";

    private FiellerGain() {
    }

    /**
     * Estimates the gain of {@code candidate} over {@code baseline}.
     *
     * @param baseline  baseline samples
     * @param candidate candidate samples
     * @param direction which way the metric improves
     * @return the gain and its interval; {@code NaN} parts with a note when they cannot be computed
     */
    public static Gain estimate(double[] baseline, double[] candidate, Direction direction) {
        double[] numerator = direction == Direction.HIGHER_IS_BETTER ? candidate : baseline;
        double[] denominator = direction == Direction.HIGHER_IS_BETTER ? baseline : candidate;
        String denominatorName = direction == Direction.HIGHER_IS_BETTER ? "baseline" : "candidate";
        if (numerator.length == 0 || denominator.length == 0) {
            return new Gain(Double.NaN, Double.NaN, Double.NaN, "no samples");
        }
        CellStatistics num = CellStatistics.of(numerator);
        CellStatistics den = CellStatistics.of(denominator);
        double a = num.mean();
        double b = den.mean();
        if (a == 0 && b == 0) {
            return new Gain(Double.NaN, Double.NaN, Double.NaN, "both means are 0");
        }
        if (b == 0) {
            return new Gain(Double.NaN, Double.NaN, Double.NaN, "the " + denominatorName + " mean is 0");
        }
        double ratio = a / b;
        if (num.n() < 2 || den.n() < 2) {
            return new Gain(ratio, Double.NaN, Double.NaN, "an interval needs at least 2 samples on each side");
        }
        double va = num.stddev() * num.stddev() / num.n();
        double vb = den.stddev() * den.stddev() / den.n();
        double spread = va + ratio * ratio * vb;
        if (spread == 0) {
            return new Gain(ratio, ratio, ratio, "");
        }
        double df = spread * spread
                / (va * va / (num.n() - 1) + Math.pow(ratio, 4) * vb * vb / (den.n() - 1));
        double t = CellStatistics.tQuantile(df);
        double q = b * b - t * t * vb;
        if (q <= 0) {
            return new Gain(ratio, Double.NaN, Double.NaN,
                    "the interval is unbounded: the " + denominatorName + " mean is not distinguishable from 0");
        }
        double root = t * Math.sqrt(a * a * vb + q * va);
        double low = (a * b - root) / q;
        double high = (a * b + root) / q;
        return new Gain(ratio, low, high, "");
    }
}
