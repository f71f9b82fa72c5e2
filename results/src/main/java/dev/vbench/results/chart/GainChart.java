package dev.vbench.results.chart;

import dev.vbench.results.AnalysisResult;
import dev.vbench.results.DecimalText;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.Gain;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The gain chart of a run: one row per comparison of a primary or claimed metric, its gain over the baseline as a
 * diamond coloured by verdict and its interval (at the level its verdict was decided at, 95% when not tested) as a
 * bar, with dashed lines at 1 (no change) and at each claim's minimum gain.
 */
final class GainChart {
    private static final Color BETTER = new Color(0x009E73);
    private static final Color WORSE = new Color(0xD55E00);
    private static final Color NOT_SIGNIFICANT = new Color(0x777777);
    private static final Color NOT_TESTED = new Color(0xB0B0B0);
    private static final Color[] CLAIM_COLORS = {new Color(0xCC79A7), new Color(0x0072B2), new Color(0xE69F00),
        new Color(0x56B4E9), new Color(0x7F3C8D)};

    private GainChart() {
    }

    /**
     * @param result  the analysis
     * @param primary whether a metric is primary; comparisons of other metrics are shown only when claimed
     * @return the chart, or empty when no comparison to show has a finite gain
     */
    static Optional<XYChart> of(AnalysisResult result, Predicate<String> primary) {
        Set<List<String>> claimed = new HashSet<>();
        for (ClaimResult claim : result.claims()) {
            Claim c = claim.claim();
            claimed.add(List.of(c.baseline(), c.candidate(), c.workload(), c.metric()));
        }
        List<Comparison> shown = result.comparisons().stream()
                .filter(c -> Double.isFinite(c.gain().value()))
                .filter(c -> primary.test(c.metric())
                        || claimed.contains(List.of(c.baseline(), c.candidate(), c.workload(), c.metric())))
                .sorted(Comparator.comparing(Comparison::workload).thenComparing(Comparison::metric)
                        .thenComparing(Comparison::candidate))
                .toList();
        Map<Double, List<String>> minGains = new TreeMap<>();
        for (ClaimResult claim : result.claims()) {
            minGains.computeIfAbsent(claim.claim().minGain(), g -> new ArrayList<>()).add(claim.claim().id());
        }
        return of("Gain over baseline " + result.baseline() + " (above 1 is better)", shown.stream()
                .map(c -> new Row(c.candidate() + " \u00b7 " + c.workload() + " \u00b7 "
                        + MetricCatalog.label(c.metric()), c.gain(), c.verdict())).toList(), minGains);
    }

    /**
     * One row of a gain chart.
     *
     * @param label   what is compared, e.g. {@code virtio · randread-4k · read IOPS}
     * @param gain    the gain and its interval
     * @param verdict its verdict, which sets the colour
     */
    record Row(String label, Gain gain, ComparisonVerdict verdict) {
    }

    /**
     * @param title    the chart's title
     * @param shown    the rows, top first, each with a finite gain
     * @param minGains claimed minimum gains, each with the claims that name it, drawn as dashed lines
     * @return the chart, or empty when there are no rows
     */
    static Optional<XYChart> of(String title, List<Row> shown, Map<Double, List<String>> minGains) {
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        int rows = shown.size();
        long verdicts = shown.stream().map(Row::verdict).distinct().count();
        int height = 170 + 46 * rows + 22 * (int) (1 + verdicts + minGains.size());
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH + 200).height(height).title(title)
                .xAxisTitle("gain (95% confidence interval, Fieller)").yAxisTitle("").build();
        ChartStyle.apply(chart.getStyler(), 0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        chart.getStyler().setYAxisMin(-0.6);
        chart.getStyler().setYAxisMax(rows - 0.4);
        chart.getStyler().setYAxisTickMarkSpacingHint(40);
        chart.getStyler().setMarkerSize(11);
        List<String> labels = new ArrayList<>();
        double low = 1;
        double high = 1;
        Map<ComparisonVerdict, List<double[]>> points = new LinkedHashMap<>();
        for (ComparisonVerdict v : ComparisonVerdict.values()) {
            points.put(v, new ArrayList<>());
        }
        for (int i = 0; i < rows; i++) {
            Row c = shown.get(i);
            double y = rows - 1 - i;
            labels.add(c.label());
            points.get(c.verdict()).add(new double[] {c.gain().value(), y});
            low = Math.min(low, c.gain().value());
            high = Math.max(high, c.gain().value());
            if (c.gain().hasInterval()) {
                XYSeries ci = chart.addSeries("ci-" + i, new double[] {c.gain().low(), c.gain().high()},
                        new double[] {y, y});
                ci.setShowInLegend(false);
                ci.setMarker(SeriesMarkers.NONE);
                ci.setLineColor(color(c.verdict()));
                ci.setLineStyle(new BasicStroke(3f));
                low = Math.min(low, c.gain().low());
                high = Math.max(high, c.gain().high());
            }
        }
        for (Map.Entry<ComparisonVerdict, List<double[]>> entry : points.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                XYSeries series = chart.addSeries("gain: " + entry.getKey().text(),
                        entry.getValue().stream().mapToDouble(p -> p[0]).toArray(),
                        entry.getValue().stream().mapToDouble(p -> p[1]).toArray());
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.DIAMOND);
                series.setMarkerColor(color(entry.getKey()));
            }
        }
        verticalLine(chart, "no change (1x)", 1, rows, Color.BLACK);
        int claimColor = 0;
        for (Map.Entry<Double, List<String>> entry : minGains.entrySet()) {
            verticalLine(chart, "claimed min " + DecimalText.shortest(entry.getKey()) + "x: "
                    + String.join(", ", entry.getValue()), entry.getKey(), rows,
                    CLAIM_COLORS[claimColor++ % CLAIM_COLORS.length]);
            low = Math.min(low, entry.getKey());
            high = Math.max(high, entry.getKey());
        }
        double pad = (high - low) * 0.08 + 0.05;
        chart.getStyler().setXAxisMin(Math.max(0, low - pad));
        chart.getStyler().setXAxisMax(high + pad);
        chart.setCustomYAxisTickLabelsFormatter(y -> rowLabel(labels, y));
        chart.setCustomXAxisTickLabelsFormatter(x -> DecimalText.significant(x, 3) + "x");
        return Optional.of(chart);
    }

    /**
     * The label of the row at {@code y} (row 0 at the top). XChart hides every tick label when two are equal, so
     * ticks between rows get distinct invisible labels (zero-width spaces) instead of an empty one.
     */
    private static String rowLabel(List<String> labels, double y) {
        int rows = labels.size();
        long index = Math.round(y);
        if (Math.abs(y - index) > 1e-6 || index < 0 || index >= rows) {
            return "\u200B".repeat(1 + (int) Math.max(0, Math.round((y + 1) * 16)));
        }
        return labels.get((int) (rows - 1 - index));
    }

    private static void verticalLine(XYChart chart, String name, double x, int rows, Color color) {
        XYSeries line = chart.addSeries(name, new double[] {x, x}, new double[] {-0.6, rows - 0.4});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(color);
        line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 6f}, 0f));
    }

    private static Color color(ComparisonVerdict verdict) {
        return switch (verdict) {
            case BETTER -> BETTER;
            case WORSE -> WORSE;
            case NO_SIGNIFICANT_DIFFERENCE -> NOT_SIGNIFICANT;
            case NOT_TESTED -> NOT_TESTED;
        };
    }
}
