package dev.vbench.results.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nights a new night is judged against: those since the last change point of the series or the last expected
 * change annotated on it, whichever is later, without the nights annotated as outliers or excluded.
 *
 * @param nights the baseline nights, oldest first
 * @param since  where the segment starts, for the reports: {@code since change point at RUN}, {@code since expected
 *               change at RUN} or {@code whole history}
 */
public record StableSegment(List<Night> nights, String since) {

    /** Copies the list. */
    public StableSegment {
        nights = List.copyOf(nights);
    }

    /**
     * @param history       the series' earlier nights and annotations
     * @param changePoints  its stored change points (of any algorithm); those of other series or of runs the history
     *                      does not hold are ignored
     * @return the current stable segment
     */
    public static StableSegment of(SeriesHistory history, List<ChangePoint> changePoints) {
        Map<String, Integer> position = positions(history);
        int start = 0;
        String since = "whole history";
        for (ChangePoint cp : changePoints) {
            Integer at = position.get(cp.runId());
            if (cp.seriesId().equals(history.key().id()) && at != null && at >= start) {
                start = at;
                since = "since change point at " + cp.runId();
            }
        }
        for (String run : expectedRuns(history)) {
            Integer at = position.get(run);
            if (at != null && at >= start) {
                start = at;
                since = "since expected change at " + run;
            }
        }
        Set<String> dropped = droppedRuns(history);
        List<Night> kept = new ArrayList<>();
        for (Night night : history.nights().subList(start, history.nights().size())) {
            if (!dropped.contains(night.runId())) {
                kept.add(night);
            }
        }
        return new StableSegment(kept, since);
    }

    /**
     * @param history a series' history
     * @return the runs annotated {@code outlier} or {@code exclude} for this series: each drops that one night
     */
    public static Set<String> droppedRuns(SeriesHistory history) {
        Set<String> runs = new LinkedHashSet<>();
        for (Annotation a : history.annotations()) {
            if (a.applies(history.key()) && a.kind() != Annotation.Kind.EXPECTED) {
                runs.add(a.fromRun());
            }
        }
        return runs;
    }

    /**
     * @param history a series' history
     * @return the runs annotated {@code expected} for this series: each starts a new segment at that night
     */
    public static Set<String> expectedRuns(SeriesHistory history) {
        Set<String> runs = new LinkedHashSet<>();
        for (Annotation a : history.annotations()) {
            if (a.applies(history.key()) && a.kind() == Annotation.Kind.EXPECTED) {
                runs.add(a.fromRun());
            }
        }
        return runs;
    }

    /**
     * @param history a series' history
     * @return each night's run id with its index in the history's nights
     */
    static Map<String, Integer> positions(SeriesHistory history) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < history.nights().size(); i++) {
            position.put(history.nights().get(i).runId(), i);
        }
        return position;
    }
}
