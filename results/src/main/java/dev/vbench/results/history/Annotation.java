package dev.vbench.results.history;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a person said about a series from one night on.
 *
 * @param seriesId the series' id ({@link SeriesKey#id()}), or {@code *} for every series of the run's host
 * @param fromRun  the run the annotation starts at
 * @param kind     what it means for the baseline
 * @param reason   the person's words
 * @param created  when it was recorded
 */
public record Annotation(String seriesId, String fromRun, Kind kind, String reason, Instant created) {

    /** What an annotation does to the baseline. */
    public enum Kind {
        /** An intended change: the baseline restarts at this night (a new stable segment). */
        EXPECTED,
        /** A bad night: it drops out of the baseline and of change-point detection, and stays on the chart. */
        OUTLIER,
        /** A broken night: it drops out of every analysis and is drawn greyed. */
        EXCLUDE;

        /** @return the kind as the command line and the database write it: {@code expected}... */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param text {@code expected}, {@code outlier} or {@code exclude}
         * @return the kind
         * @throws IllegalArgumentException for any other text
         */
        public static Kind of(String text) {
            for (Kind k : values()) {
                if (k.text().equals(text)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown annotation kind '" + text + "': use expected, outlier or"
                    + " exclude");
        }
    }

    /** Checks that every field is present. */
    public Annotation {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(fromRun, "fromRun");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(created, "created");
    }

    /** @return whether this annotation concerns the series */
    public boolean applies(SeriesKey key) {
        return seriesId.equals("*") || seriesId.equals(key.id());
    }
}
