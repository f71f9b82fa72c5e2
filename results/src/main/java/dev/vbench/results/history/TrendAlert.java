package dev.vbench.results.history;

import java.util.Objects;

/**
 * An alert raised on a series at a night, as the trend report shows it; once raised it never changes.
 *
 * @param seriesId the series' id ({@link SeriesKey#id()})
 * @param runId    the night it was raised at
 * @param text     what it says, e.g. {@code regression confirmed: 0.91x [0.88, 0.94]}
 */
public record TrendAlert(String seriesId, String runId, String text) {

    /** Checks that every field is present. */
    public TrendAlert {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(text, "text");
    }
}
