package dev.vbench.results.claims;

import dev.vbench.results.stats.Gain;

/**
 * A claim and what the measurements say about it.
 *
 * @param claim           the claim
 * @param verdict         supported, refuted or inconclusive
 * @param gain            the measured gain and its interval at the level the claim was decided at ({@code NaN}
 *                        parts when they could not be computed)
 * @param reason          one sentence explaining the verdict
 * @param pValue          two-sided p-value of gain = min_gain ({@code NaN} when not tested)
 * @param pHolm           that p-value after Holm's correction across the run's claims
 * @param wouldNeed       for an inconclusive claim with data, the boots x repetitions that would decide it at the
 *                        observed noise; else empty
 * @param withoutOutliers the verdict with the cells' outliers left out, when it differs; else {@code null}
 */
public record ClaimResult(Claim claim, ClaimVerdict verdict, Gain gain, String reason, double pValue, double pHolm,
                          String wouldNeed, ClaimVerdict withoutOutliers) {

    /**
     * A result without a test: missing or too few data.
     *
     * @param claim   the claim
     * @param verdict the verdict
     * @param gain    the gain, if any
     * @param reason  why
     */
    public ClaimResult(Claim claim, ClaimVerdict verdict, Gain gain, String reason) {
        this(claim, verdict, gain, reason, Double.NaN, Double.NaN, "", null);
    }

    /**
     * @param other the verdict without outliers
     * @return this result noting {@code other} when it differs from the verdict
     */
    public ClaimResult withoutOutliers(ClaimVerdict other) {
        return new ClaimResult(claim, verdict, gain, reason, pValue, pHolm, wouldNeed, other == verdict ? null : other);
    }
}
