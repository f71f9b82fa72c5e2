package dev.vbench.results.stats;

/** The outcome of comparing a candidate with the baseline on one metric, at 5% after Holm's correction. */
public enum ComparisonVerdict {
    /** Significantly better than the baseline. */
    BETTER("better"),
    /** Significantly worse than the baseline. */
    WORSE("worse"),
    /** No difference significant at 5% (or too few samples to test). */
    NO_SIGNIFICANT_DIFFERENCE("no significant difference");

    private final String text;

    ComparisonVerdict(String text) {
        this.text = text;
    }

    /** @return the verdict as written in summary.json and the report */
    public String text() {
        return text;
    }
}
