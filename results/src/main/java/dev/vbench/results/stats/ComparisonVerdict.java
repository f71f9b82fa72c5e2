package dev.vbench.results.stats;

/**
 * The outcome of comparing a candidate with the baseline on one metric. Only each workload's tested metric
 * ({@link dev.vbench.results.metric.MetricCatalog#testedMetric}) is tested, at 5% family-wise after Holm's
 * correction; every other metric is described by its gain and interval, not tested.
 */
public enum ComparisonVerdict {
    /** Significantly better than the baseline. */
    BETTER("better"),
    /** Significantly worse than the baseline. */
    WORSE("worse"),
    /** Tested, and no difference significant at the family's level (or too few replicates to test). */
    NO_SIGNIFICANT_DIFFERENCE("no significant difference"),
    /** A secondary metric: its gain and 95% interval describe it, no test decides it. */
    NOT_TESTED("not tested");

    private final String text;

    ComparisonVerdict(String text) {
        this.text = text;
    }

    /** @return the verdict as written in summary.json and the report */
    public String text() {
        return text;
    }

    /**
     * @param call what a family's decision found for a tested comparison
     * @return better, worse or no significant difference
     */
    public static ComparisonVerdict of(RatioFamily.Call call) {
        return switch (call) {
            case ABOVE -> BETTER;
            case BELOW -> WORSE;
            case NONE -> NO_SIGNIFICANT_DIFFERENCE;
        };
    }
}
