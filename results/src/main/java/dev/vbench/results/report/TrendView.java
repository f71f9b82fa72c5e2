package dev.vbench.results.report;

import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.HumanScale;
import dev.vbench.results.history.ChangePoint;
import dev.vbench.results.history.Night;
import dev.vbench.results.history.SeriesHistory;
import dev.vbench.results.history.TrendSeries;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.CellStatistics;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code trend.mustache} shows, as plain text: the series grouped by host, then variant and workload, each with
 * its chart and, under it, its change points, annotations, environment changes and alerts in words.
 *
 * @param title       the report's title
 * @param summary     how many series, nights, change points, alerts and environment changes
 * @param alerts      every alert, series by series
 * @param anyAlerts   whether there are any
 * @param hosts       the series by host
 * @param anySeries   whether there are any series
 */
record TrendView(String title, String summary, List<AlertRow> alerts, boolean anyAlerts, List<HostGroup> hosts,
                 boolean anySeries) {

    /** The series of one host, by variant and workload. */
    record HostGroup(String host, List<Group> groups) {
    }

    /** The series of one variant and workload. */
    record Group(String variant, String workload, List<SeriesView> series) {
    }

    /** An alert, with the series it concerns. */
    record AlertRow(String series, String runId, String text) {
    }

    /**
     * One series: its chart (null without nights), its nights in words, and what is marked on it.
     */
    record SeriesView(String id, String label, String metric, ChartFile chart, String nights, String last,
                      List<String> changePoints, List<String> annotations, List<String> environment,
                      List<String> alerts) {
        /** @return whether anything is listed under the chart */
        public boolean anyNotes() {
            return !changePoints.isEmpty() || !annotations.isEmpty() || !environment.isEmpty() || !alerts.isEmpty();
        }

        static SeriesView of(TrendSeries s, ChartFile chart) {
            SeriesHistory h = s.history();
            List<Night> nights = h.nights();
            HumanScale scale = HumanScale.of(h.unit(), s.nightStatistics().stream()
                    .mapToDouble(x -> Math.abs(x.mean())).max().orElse(0));
            String span = nights.isEmpty() ? "no nights"
                    : nights.size() + (nights.size() == 1 ? " night, " : " nights, ") + date(nights.get(0))
                    + (nights.size() == 1 ? "" : " to " + date(nights.get(nights.size() - 1)));
            String last = nights.isEmpty() ? null : "last night " + nights.get(nights.size() - 1).runId() + ": "
                    + interval(s.nightStatistics().get(nights.size() - 1), scale);
            List<String> changePoints = s.changePoints().stream().map(c -> changePoint(s, c, scale)).toList();
            List<String> annotations = h.annotations().stream().map(a -> a.kind().text() + " from "
                    + a.fromRun() + ": " + a.reason() + (s.nightIndex(a.fromRun()) < 0 ? " (night not shown)" : ""))
                    .toList();
            List<String> environment = new ArrayList<>();
            s.environmentChanges().forEach(e -> e.changes().forEach(c -> environment.add(c + " at run "
                    + e.runId())));
            return new SeriesView(h.key().id(), h.key().label(), MetricCatalog.label(h.key().metric()), chart, span,
                    last, changePoints, annotations, environment,
                    s.alerts().stream().map(a -> a.runId() + ": " + a.text()).toList());
        }
    }

    /**
     * @param title  the report's title
     * @param series the series, in {@link TrendSeries#ORDER}
     * @param charts each series' chart, or null for a series without nights; parallel to {@code series}
     */
    static TrendView of(String title, List<TrendSeries> series, List<ChartFile> charts) {
        Map<String, Map<List<String>, List<SeriesView>>> byHost = new LinkedHashMap<>();
        List<AlertRow> alerts = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            TrendSeries s = series.get(i);
            SeriesHistory h = s.history();
            byHost.computeIfAbsent(h.key().host(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(List.of(h.key().variant(), h.key().workload()), k -> new ArrayList<>())
                    .add(SeriesView.of(s, charts.get(i)));
            s.alerts().forEach(a -> alerts.add(new AlertRow(h.key().label(), a.runId(), a.text())));
        }
        List<HostGroup> hosts = byHost.entrySet().stream().map(e -> new HostGroup(e.getKey(), e.getValue()
                .entrySet().stream().map(g -> new Group(g.getKey().get(0), g.getKey().get(1), g.getValue()))
                .toList())).toList();
        long nights = series.stream().flatMap(s -> s.history().nights().stream()).map(Night::runId).distinct()
                .count();
        String summary = series.size() + " series, " + nights + " nights, "
                + series.stream().mapToInt(s -> s.changePoints().size()).sum() + " change points, "
                + alerts.size() + " alerts, "
                + series.stream().mapToInt(s -> s.environmentChanges().size()).sum() + " environment changes";
        return new TrendView(title, summary, alerts, !alerts.isEmpty(), hosts, !series.isEmpty());
    }

    private static String changePoint(TrendSeries s, ChangePoint c, HumanScale scale) {
        return "at " + c.runId() + ": " + TrendSeries.ratio(c) + " (" + scale.format(c.before()) + " before, "
                + scale.format(c.after()) + " after), " + pText(c.pValue()) + ", "
                + c.algorithm() + (c.params().isEmpty() ? "" : " (" + c.params() + ")")
                + (s.nightIndex(c.runId()) < 0 ? "; night not shown" : "");
    }

    /** {@code p = 0.0004}, {@code p < 0.0001}. */
    private static String pText(double p) {
        String text = ReportView.ComparisonRow.p(p);
        return text.startsWith("<") ? "p " + text : "p = " + text;
    }

    private static String interval(CellStatistics st, HumanScale scale) {
        return scale.format(st.mean()) + (Double.isFinite(st.ci95Low()) ? " [" + HumanScale.number(scale.apply(
                st.ci95Low())) + ", " + HumanScale.number(scale.apply(st.ci95High())) + "] (95%)" : "");
    }

    private static String date(Night night) {
        return LocalDate.ofInstant(night.started(), ZoneOffset.UTC).toString();
    }
}
