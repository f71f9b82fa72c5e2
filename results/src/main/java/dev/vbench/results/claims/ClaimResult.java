package dev.vbench.results.claims;

import dev.vbench.results.stats.Gain;

/**
 * A claim and what the measurements say about it.
 *
 * @param claim   the claim
 * @param verdict supported, refuted or inconclusive
 * @param gain    the measured gain and its 95% interval ({@code NaN} parts when they could not be computed)
 * @param reason  one sentence explaining the verdict
 */
public record ClaimResult(Claim claim, ClaimVerdict verdict, Gain gain, String reason) {
}
