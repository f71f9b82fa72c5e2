package dev.vbench.results.claims;

/** Whether the measurements support a claim. */
public enum ClaimVerdict {
    /** The lower bound of the gain's 95% interval reaches the claimed minimum gain. */
    SUPPORTED,
    /** The upper bound of the gain's 95% interval is below the claimed minimum gain. */
    REFUTED,
    /** The interval contains the claimed minimum, or the data to decide are missing. */
    INCONCLUSIVE
}
