package dev.vbench.results.sequential;

/**
 * What a group-sequential look says about one hypothesis. For a claim, SUPPORTED and REFUTED are its verdicts; for a
 * tested comparison with the baseline (gain = 1), STOP_SUPPORTED means the candidate is better, STOP_REFUTED worse.
 */
public enum SequentialAction {
    /** Not decided yet, and more data may decide it: measure another round. */
    CONTINUE,
    /** The boundary was crossed upwards: the gain is above the hypothesis' gain. Final. */
    STOP_SUPPORTED,
    /** The boundary was crossed downwards: the gain is below it. Final. */
    STOP_REFUTED,
    /**
     * Not decided, and more data are unlikely to decide it: the conditional power under the current trend is below
     * the design's futility threshold, or a side has no data at all (a failed variant), or the last look was taken.
     * Non-binding: a later look may still decide it.
     */
    STOP_FUTILE
}
