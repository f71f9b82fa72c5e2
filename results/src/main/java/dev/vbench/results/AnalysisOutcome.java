package dev.vbench.results;

/** What the claims of an analysis came to; the command line maps it to its exit status. */
public enum AnalysisOutcome {
    /** Every claim is SUPPORTED, or there are no claims. */
    ALL_SUPPORTED,
    /** No claim is REFUTED but at least one is INCONCLUSIVE. */
    SOME_INCONCLUSIVE,
    /** At least one claim is REFUTED. */
    SOME_REFUTED
}
