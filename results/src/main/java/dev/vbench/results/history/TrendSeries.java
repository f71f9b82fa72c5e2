package dev.vbench.results.history;

import dev.vbench.results.DecimalText;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.CellStatistics;
import dev.vbench.results.stats.Replicates;
import dev.vbench.results.stats.ReplicationUnit;
import dev.vbench.results.stats.SpreadFloor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A series as the trend report shows it: its history, each night's statistics, and what is marked on its time axis
 * (change points, alerts, environment changes; the annotations are in the history).
 *
 * @param history            the series and its nights, oldest first
 * @param nightStatistics    each night's statistics ({@link #statistics(Night)}), parallel to the nights
 * @param changePoints       the series' change points, in night order (one at a night the history lacks last)
 * @param alerts             the series' alerts, in the order given
 * @param environmentChanges the nights whose environment fingerprint differs from the previous night's
 */
public record TrendSeries(SeriesHistory history, List<CellStatistics> nightStatistics, List<ChangePoint> changePoints,
                          List<TrendAlert> alerts, List<EnvironmentChange> environmentChanges) {

    /** Orders series by host, variant, workload, then primary metric first, then metric name. */
    public static final Comparator<SeriesHistory> ORDER = Comparator.comparing((SeriesHistory s) -> s.key().host())
            .thenComparing(s -> s.key().variant()).thenComparing(s -> s.key().workload())
            .thenComparing(s -> !MetricCatalog.isPrimary(s.key().metric())).thenComparing(s -> s.key().metric());

    /**
     * A night whose environment changed.
     *
     * @param runId   the first night of the new environment
     * @param changes what changed, {@code key: old -> new} ({@link Night#changes})
     */
    public record EnvironmentChange(String runId, List<String> changes) {
        /** Copies the list. */
        public EnvironmentChange {
            changes = List.copyOf(changes);
        }
    }

    /** Copies the lists. */
    public TrendSeries {
        nightStatistics = List.copyOf(nightStatistics);
        changePoints = List.copyOf(changePoints);
        alerts = List.copyOf(alerts);
        environmentChanges = List.copyOf(environmentChanges);
    }

    /**
     * @param histories    the series
     * @param changePoints change points of these series (others are left out)
     * @param alerts       alerts of these series (others are left out)
     * @return the series in {@link #ORDER}
     * @throws IllegalArgumentException when a series is given twice
     */
    public static List<TrendSeries> of(List<SeriesHistory> histories, List<ChangePoint> changePoints,
                                       List<TrendAlert> alerts) {
        Set<String> seen = new HashSet<>();
        for (SeriesHistory h : histories) {
            if (!seen.add(h.key().id())) {
                throw new IllegalArgumentException("series " + h.key().label() + " is given twice");
            }
        }
        return histories.stream().sorted(ORDER).map(h -> of(h, changePoints, alerts)).toList();
    }

    /**
     * @param history      a series
     * @param changePoints change points, of any series
     * @param alerts       alerts, of any series
     * @return the series with its own change points and alerts
     */
    public static TrendSeries of(SeriesHistory history, List<ChangePoint> changePoints, List<TrendAlert> alerts) {
        String id = history.key().id();
        List<Night> nights = history.nights();
        List<String> runs = nights.stream().map(Night::runId).toList();
        List<ChangePoint> own = changePoints.stream().filter(c -> c.seriesId().equals(id))
                .sorted(Comparator.comparingInt(c -> runs.contains(c.runId()) ? runs.indexOf(c.runId())
                        : Integer.MAX_VALUE)).toList();
        List<EnvironmentChange> changes = new ArrayList<>();
        for (int i = 1; i < nights.size(); i++) {
            List<String> c = Night.changes(nights.get(i - 1), nights.get(i));
            if (!c.isEmpty()) {
                changes.add(new EnvironmentChange(nights.get(i).runId(), c));
            }
        }
        return new TrendSeries(history, nights.stream().map(TrendSeries::statistics).toList(), own,
                alerts.stream().filter(a -> a.seriesId().equals(id)).toList(), changes);
    }

    /**
     * A night's statistics as a run's cell has them: mean and 95% interval over its replicates (boot means from 2
     * boots, else the samples), their standard deviation floored ({@link SpreadFloor}).
     *
     * @param night a night
     * @return its statistics; the interval is {@code NaN} for a night of one sample
     */
    public static CellStatistics statistics(Night night) {
        double[] values = night.values();
        double[] bootMeans = night.bootMeans();
        Replicates r = bootMeans.length >= 2 ? Replicates.of(ReplicationUnit.BOOT, bootMeans, 0)
                : Replicates.of(ReplicationUnit.REPETITION, values, 0);
        double floor = SpreadFloor.of(values, r.mean());
        return CellStatistics.of(values, new Replicates(r.unit(), r.values(), r.mean(), r.sd(), floor));
    }

    /**
     * @param c a change point
     * @return its ratio after / before and the ratio's interval, {@code 1.12x [1.08, 1.16]} (the interval left out
     *         when it does not exist)
     */
    public static String ratio(ChangePoint c) {
        String text = Double.isFinite(c.ratio()) ? DecimalText.significant(c.ratio(), 3) + "x" : "n/a";
        return Double.isFinite(c.low()) && Double.isFinite(c.high()) ? text + " [" + DecimalText.significant(c.low(),
                3) + ", " + DecimalText.significant(c.high(), 3) + "]" : text;
    }

    /**
     * @param runId a run
     * @return the index of its night in the history, or -1 when the history does not have it
     */
    public int nightIndex(String runId) {
        List<Night> nights = history.nights();
        for (int i = 0; i < nights.size(); i++) {
            if (nights.get(i).runId().equals(runId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param night a night's index
     * @return the kind of the annotation that marks that night as an outlier or excluded, if any (the last one)
     */
    public Optional<Annotation.Kind> nightMark(int night) {
        String run = history.nights().get(night).runId();
        return history.annotations().stream().filter(a -> a.kind() != Annotation.Kind.EXPECTED)
                .filter(a -> a.fromRun().equals(run) && a.applies(history.key())).map(Annotation::kind)
                .reduce((first, second) -> second);
    }
}
