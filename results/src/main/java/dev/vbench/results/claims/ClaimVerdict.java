package dev.vbench.results.claims;

/**
 * Whether the measurements support a claim, decided with the run's other claims as one family (see
 * {@link ClaimEvaluator}).
 */
public enum ClaimVerdict {
    /** The gain's interval, at the level the claim was decided at, lies wholly above the claimed minimum. */
    SUPPORTED,
    /** That interval lies wholly below the claimed minimum. */
    REFUTED,
    /** The interval contains the claimed minimum, or the data to decide are missing. */
    INCONCLUSIVE
}
