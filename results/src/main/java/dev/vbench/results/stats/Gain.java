package dev.vbench.results.stats;

/**
 * How much better a candidate is than a baseline: candidate / baseline for a higher-is-better metric,
 * baseline / candidate for a lower-is-better one, so a gain above 1 is always an improvement. Values that cannot
 * be computed are {@code NaN} and {@link #note()} says why.
 *
 * @param value      the gain (ratio of the means)
 * @param ci95Low    lower bound of its 95% confidence interval
 * @param ci95High   upper bound of that interval
 * @param note       why the gain or its interval is missing, empty when both exist
 */
public record Gain(double value, double ci95Low, double ci95High, String note) {

    /** @return whether the gain and both bounds are finite numbers */
    public boolean hasInterval() {
        return Double.isFinite(value) && Double.isFinite(ci95Low) && Double.isFinite(ci95High);
    }
}
