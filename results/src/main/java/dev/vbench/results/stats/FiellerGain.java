package dev.vbench.results.stats;

/**
 * The gain of a candidate over a baseline with a confidence interval by Fieller's method for the ratio of two
 * independent means, with Welch-Satterthwaite degrees of freedom (see {@link RatioTest}, which also gives the test
 * dual to the interval). Unlike a bootstrap it is exact for normal data, needs no random numbers and keeps its
 * coverage at the small replicate counts VM benchmarks can afford (2 to 10 boots). Its interval is asymmetric
 * around the ratio, as the uncertainty of a ratio is.
 */
public final class FiellerGain {
    /** Identifies this method in summary.json. */
    public static final String METHOD = "fieller-welch";

    private FiellerGain() {
    }

    /**
     * The gain of raw samples, each one replicate, without a floor, with its 95% interval.
     *
     * @param baseline  baseline samples
     * @param candidate candidate samples
     * @param direction which way the metric improves
     * @return the gain and its interval; {@code NaN} parts with a note when they cannot be computed
     */
    public static Gain estimate(double[] baseline, double[] candidate, Direction direction) {
        if (baseline.length == 0 || candidate.length == 0) {
            return Gain.missing("no samples");
        }
        return estimate(Replicates.raw(baseline), Replicates.raw(candidate), direction, CellStatistics.CONFIDENCE);
    }

    /**
     * @param baseline   the baseline's replicates
     * @param candidate  the candidate's replicates
     * @param direction  which way the metric improves
     * @param confidence the interval's two-sided confidence level
     * @return the gain and its interval
     */
    public static Gain estimate(Replicates baseline, Replicates candidate, Direction direction, double confidence) {
        return RatioTest.of(baseline, candidate, direction).interval(confidence);
    }
}
