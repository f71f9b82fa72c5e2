package dev.vbench.results.history;

import java.util.Objects;

/**
 * A claim's verdict as a run's summary.json gave it, kept with the run in the history.
 *
 * @param claimId the claim's id
 * @param verdict the verdict ({@code SUPPORTED}, {@code REFUTED}, {@code INCONCLUSIVE})
 * @param gain    the measured gain, or null when there was none
 * @param low     the lower end of the gain's interval, or null
 * @param high    the upper end of the gain's interval, or null
 */
public record StoredVerdict(String claimId, String verdict, Double gain, Double low, Double high) {

    /** Checks that the claim and its verdict are present. */
    public StoredVerdict {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(verdict, "verdict");
    }
}
