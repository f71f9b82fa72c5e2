package dev.vbench.results.stats;

/**
 * How much better a candidate is than a baseline: candidate / baseline for a higher-is-better metric,
 * baseline / candidate for a lower-is-better one, so a gain above 1 is always an improvement. Values that cannot
 * be computed are {@code NaN} and {@link #note()} says why.
 *
 * @param value      the gain (ratio of the means)
 * @param low        lower bound of its two-sided confidence interval
 * @param high       upper bound of that interval
 * @param confidence the interval's two-sided confidence level, e.g. 0.95; the level at which a verdict beside it
 *                   was decided
 * @param note       why the gain or its interval is missing, empty when both exist
 */
public record Gain(double value, double low, double high, double confidence, String note) {

    /** A missing note is an empty one. */
    public Gain {
        note = note == null ? "" : note;
    }

    /**
     * @param note why the gain is missing
     * @return a gain that could not be computed
     */
    public static Gain missing(String note) {
        return new Gain(Double.NaN, Double.NaN, Double.NaN, Double.NaN, note);
    }

    /** @return whether the gain and both bounds are finite numbers */
    public boolean hasInterval() {
        return Double.isFinite(value) && Double.isFinite(low) && Double.isFinite(high);
    }

    /**
     * @param g0 a gain
     * @return whether the interval exists and lies wholly above or wholly below {@code g0}
     */
    public boolean excludes(double g0) {
        return hasInterval() && (low > g0 || high < g0);
    }
}
