package dev.vbench.results.chart;

import dev.vbench.results.OutputFiles;
import dev.vbench.results.history.Annotation;
import dev.vbench.results.history.ChangePoint;
import dev.vbench.results.history.Night;
import dev.vbench.results.history.SeriesHistory;
import dev.vbench.results.history.SeriesKey;
import dev.vbench.results.history.TrendSeries;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.CellStatistics;
import dev.vbench.results.stats.Direction;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart of one series over time, night by night (x: the nights in order, labelled with their UTC date, a
 * {@code *} where the environment changed): every sample as a point, each night's mean as a line and its 95%
 * interval as a band; samples of nights annotated as outliers or excluded in their own colours; dashed vertical
 * lines between the last night before and the first after a change point (with its ratio in the legend), an
 * expected change or an environment change; alerts as diamonds on top. Drawn the same byte for byte for the same
 * series.
 */
public final class TrendChart {
    private static final Color MEAN = ChartStyle.PALETTE[0];
    private static final Color BAND = new Color(0x00, 0x72, 0xB2, 0x40);
    private static final Color SAMPLE = new Color(0x555555);
    private static final Color OUTLIER = new Color(0xE69F00);
    private static final Color EXCLUDED = new Color(0xB0B0B0);
    private static final Color ALERT = new Color(0xC0392B);
    private static final Color CHANGE = new Color(0xD55E00);
    private static final Color EXPECTED = new Color(0x009E73);
    private static final Color ENVIRONMENT = new Color(0x7F3C8D);

    private TrendChart() {
    }

    /**
     * Renders the chart into {@code dir/subdir} as {@code trend-ID.png} (ID the series' id); no SVG, which would
     * hold every sample of a year of nights.
     *
     * @param series a series with at least one night
     * @param dir    the output directory
     * @param subdir the chart directory inside it
     * @return the chart's file (its {@code svg} null)
     * @throws IOException when a file cannot be written
     */
    public static ChartFile render(TrendSeries series, Path dir, String subdir) throws IOException {
        ChartStyle.offScreen();
        XYChart chart = of(series);
        OutputFiles.subdirectory(dir, subdir);
        return ChartSet.writePng(chart, "trend", chart.getTitle(), dir, subdir, "trend-"
                + series.history().key().id());
    }

    static XYChart of(TrendSeries s) {
        SeriesHistory h = s.history();
        SeriesKey key = h.key();
        List<Night> nights = h.nights();
        if (nights.isEmpty()) {
            throw new IllegalArgumentException("series " + key.label() + " has no nights to chart");
        }
        int n = nights.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (double v : nights.get(i).values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            CellStatistics st = s.nightStatistics().get(i);
            if (Double.isFinite(st.ci95Low())) {
                lo = Math.min(lo, st.ci95Low());
                hi = Math.max(hi, st.ci95High());
            }
        }
        HumanScale scale = HumanScale.of(h.unit(), Math.max(Math.abs(lo), Math.abs(hi)));
        double pad = (hi - lo) * 0.08 + Math.max(Math.abs(hi), 1e-12) * (hi == lo ? 0.05 : 0);
        double yMin = scale.apply(lo >= 0 ? Math.max(0, lo - pad) : lo - pad);
        double yMax = scale.apply(hi + pad);
        int legend = 7 + s.changePoints().size() + (int) h.annotations().stream()
                .filter(a -> a.kind() == Annotation.Kind.EXPECTED).count();
        String title = key.variant() + " \u00b7 " + key.workload() + ": " + MetricCatalog.label(key.metric()) + " ("
                + (h.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower") + " is better)";
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(430 + 20 * legend).title(title)
                .xAxisTitle("night (UTC date; * the environment changed)")
                .yAxisTitle(MetricCatalog.label(key.metric()) + " (" + scale.label() + ")").build();
        ChartStyle.apply(chart.getStyler(), 0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(n - 0.5);
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        chart.getStyler().setXAxisTickMarkSpacingHint(110);
        double top = Math.max(Math.abs(yMin), Math.abs(yMax));
        chart.getStyler().setYAxisDecimalPattern(top >= 100 ? "#,##0" : top >= 10 ? "#,##0.#" : "#,##0.##");
        double[] x = new double[n];
        double[] means = new double[n];
        double[] band = new double[2 * n];
        double[] bandX = new double[2 * n];
        for (int i = 0; i < n; i++) {
            CellStatistics st = s.nightStatistics().get(i);
            boolean ci = Double.isFinite(st.ci95Low());
            x[i] = i;
            means[i] = scale.apply(st.mean());
            bandX[i] = i;
            band[i] = scale.apply(ci ? st.ci95Low() : st.mean());
            bandX[2 * n - 1 - i] = i;
            band[2 * n - 1 - i] = scale.apply(ci ? st.ci95High() : st.mean());
        }
        XYSeries interval = chart.addSeries("95% interval of the night's mean", bandX, band);
        interval.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        interval.setMarker(SeriesMarkers.NONE);
        interval.setFillColor(BAND);
        interval.setLineColor(BAND);
        XYSeries mean = chart.addSeries("night mean", x, means);
        mean.setMarker(SeriesMarkers.CIRCLE);
        mean.setMarkerColor(MEAN);
        mean.setLineColor(MEAN);
        samples(chart, s, scale);
        Set<String> names = new HashSet<>();
        for (ChangePoint c : s.changePoints()) {
            int i = s.nightIndex(c.runId());
            if (i >= 0) {
                vertical(chart, unique(names, "change point at " + c.runId() + ": " + TrendSeries.ratio(c)), i,
                        yMin, yMax, CHANGE, new float[] {8f, 6f}, true);
            }
        }
        for (Annotation a : h.annotations()) {
            int i = s.nightIndex(a.fromRun());
            if (a.kind() == Annotation.Kind.EXPECTED && i >= 0) {
                vertical(chart, unique(names, "expected change at " + a.fromRun()), i, yMin, yMax, EXPECTED,
                        new float[] {2f, 4f}, true);
            }
        }
        Set<Integer> changed = new HashSet<>();
        for (TrendSeries.EnvironmentChange e : s.environmentChanges()) {
            int i = s.nightIndex(e.runId());
            changed.add(i);
            vertical(chart, unique(names, "environment changed (listed below the chart)"), i, yMin, yMax,
                    ENVIRONMENT, new float[] {3f, 3f}, changed.size() == 1);
        }
        List<double[]> alerts = new ArrayList<>();
        s.alerts().stream().mapToInt(a -> s.nightIndex(a.runId())).filter(i -> i >= 0)
                .forEach(i -> alerts.add(new double[] {i, means[i]}));
        scatter(chart, "alert (on the night's mean)", alerts, SeriesMarkers.DIAMOND, ALERT);
        List<String> labels = nights.stream().map(night -> LocalDate.ofInstant(night.started(), ZoneOffset.UTC)
                .toString()).toList();
        chart.setCustomXAxisTickLabelsFormatter(v -> tick(labels, changed, v));
        return chart;
    }

    /** The samples, each night's in the colour of its annotation (none, outlier, excluded). */
    private static void samples(XYChart chart, TrendSeries s, HumanScale scale) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        points.put("samples", new ArrayList<>());
        points.put("samples of nights annotated as outliers", new ArrayList<>());
        points.put("samples of excluded nights", new ArrayList<>());
        List<Night> nights = s.history().nights();
        for (int i = 0; i < nights.size(); i++) {
            String which = s.nightMark(i).map(k -> k == Annotation.Kind.OUTLIER
                    ? "samples of nights annotated as outliers" : "samples of excluded nights").orElse("samples");
            for (double v : nights.get(i).values()) {
                points.get(which).add(new double[] {i, scale.apply(v)});
            }
        }
        Color[] colors = {SAMPLE, OUTLIER, EXCLUDED};
        Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.CROSS, SeriesMarkers.CROSS};
        int k = 0;
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            scatter(chart, e.getKey(), e.getValue(), markers[k], colors[k]);
            k++;
        }
    }

    private static void scatter(XYChart chart, String name, List<double[]> points, Marker marker, Color color) {
        if (points.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
    }

    /** A dashed line between night {@code i - 1} and night {@code i}, from the bottom of the plot to its top. */
    private static void vertical(XYChart chart, String name, int i, double yMin, double yMax, Color color,
                                 float[] dash, boolean inLegend) {
        XYSeries line = chart.addSeries(name, new double[] {i - 0.5, i - 0.5}, new double[] {yMin, yMax});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(color);
        line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        line.setShowInLegend(inLegend);
    }

    /** XChart needs distinct series names: a repeated one gets a number. */
    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int k = 2; !names.add(candidate); k++) {
            candidate = name + " (" + k + ")";
        }
        return candidate;
    }

    /**
     * The date of the night at {@code v} ({@code *} when its environment changed); between nights distinct invisible
     * labels, since XChart hides every tick label when two are equal.
     */
    private static String tick(List<String> labels, Set<Integer> changed, double v) {
        long i = Math.round(v);
        if (Math.abs(v - i) > 1e-6 || i < 0 || i >= labels.size()) {
            return "\u200B".repeat(1 + (int) Math.max(0, Math.round((v + 1) * 16)));
        }
        return labels.get((int) i) + (changed.contains((int) i) ? " *" : "");
    }
}
