package dev.vbench.results.history;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert the gate raised about one series in one run; once stored it never changes.
 *
 * @param seriesId the series' id
 * @param runId    the run it was raised for
 * @param kind     what kind of alert, e.g. {@code regression} or {@code environment}
 * @param ratio    the size of the shift as a ratio to the baseline
 * @param low      lower end of the ratio's interval
 * @param high     upper end of the ratio's interval
 * @param pValue   the test's p-value
 * @param raised   when it was raised (kept to the microsecond)
 * @param text     the alert's words
 */
public record Alert(String seriesId, String runId, String kind, double ratio, double low, double high,
        double pValue, Instant raised, String text) {

    /** Checks that the key, the time and the text are present. */
    public Alert {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(raised, "raised");
        Objects.requireNonNull(text, "text");
    }
}
