package dev.vbench.results.history;

import dev.vbench.results.stats.Direction;
import java.util.List;
import java.util.Objects;

/**
 * A series with its nights in time order and the annotations that concern it.
 *
 * @param key         which series
 * @param unit        the unit of every value
 * @param direction   whether higher or lower is better (from the metric catalog)
 * @param nights      the nights, oldest first
 * @param annotations the annotations of this series (and those for every series), oldest first
 */
public record SeriesHistory(SeriesKey key, String unit, Direction direction, List<Night> nights,
        List<Annotation> annotations) {

    /** Copies the lists. */
    public SeriesHistory {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        nights = List.copyOf(nights);
        annotations = List.copyOf(annotations);
    }
}
