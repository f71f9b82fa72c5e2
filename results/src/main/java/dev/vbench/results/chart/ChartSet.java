package dev.vbench.results.chart;

import dev.vbench.results.AnalysisResult;
import dev.vbench.results.DecimalText;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.Direction;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders the charts of an analysis as PNG and SVG:
 * <ul>
 * <li>per workload and primary metric (IOPS, bandwidth, throughput; every metric of a workload that has none of
 * these), each variant's mean with its 95% interval as error bars;</li>
 * <li>per workload and I/O direction with latency percentiles, p50/p99/p99.9 per variant;</li>
 * <li>one gain chart per run: each comparison of a primary or claimed metric, its gain and 95% interval, with
 * lines at 1 and at each claim's minimum gain.</li>
 * </ul>
 * Variants are shown baseline first, then by name. Values are shown in human units (IOPS, MiB/s, Gbit/s, µs).
 */
public final class ChartSet {
    private static final Pattern PRIMARY = Pattern.compile(".+_(iops|bw)|throughput");
    private static final Pattern LATENCY = Pattern.compile("(read|write|trim|mixed)_clat_(p50|p99|p999)");
    private static final Map<String, String> PERCENTILES = Map.of("p50", "p50", "p99", "p99", "p999", "p99.9");
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000)};
    private static final Color BETTER = new Color(0x009E73);
    private static final Color WORSE = new Color(0xD55E00);
    private static final Color NOT_SIGNIFICANT = new Color(0x777777);
    private static final Color[] CLAIM_COLORS = {new Color(0xCC79A7), new Color(0x0072B2), new Color(0xE69F00),
        new Color(0x56B4E9), new Color(0x7F3C8D)};
    private static final int WIDTH = 900;

    static {
        // Charts are drawn off screen; never try to reach an X display (an unreachable DISPLAY would fail).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final AnalysisResult result;
    private final Path dir;
    private final String subdir;
    private final Set<String> usedNames = new HashSet<>();
    private final List<ChartFile> files = new ArrayList<>();

    private ChartSet(AnalysisResult result, Path dir, String subdir) {
        this.result = result;
        this.dir = dir;
        this.subdir = subdir;
    }

    /**
     * Renders every chart into {@code dir/subdir}.
     *
     * @param result the analysis
     * @param dir    the output directory
     * @param subdir the chart directory inside it, e.g. {@code charts}
     * @return the charts in display order: gains, means, latency percentiles
     * @throws IOException when a file cannot be written
     */
    public static List<ChartFile> render(AnalysisResult result, Path dir, String subdir) throws IOException {
        Files.createDirectories(dir.resolve(subdir));
        ChartSet set = new ChartSet(result, dir, subdir);
        set.gainChart();
        set.meanCharts();
        set.latencyCharts();
        return List.copyOf(set.files);
    }

    private void meanCharts() throws IOException {
        Map<String, List<Cell>> byWorkload = result.cells().stream()
                .collect(Collectors.groupingBy(Cell::workload, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Cell>> workload : byWorkload.entrySet()) {
            Set<String> metrics = workload.getValue().stream().map(Cell::metric)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> primary = metrics.stream().filter(m -> PRIMARY.matcher(m).matches())
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String metric : primary.isEmpty() ? metrics : primary) {
                List<Cell> cells = ordered(workload.getValue().stream().filter(c -> c.metric().equals(metric)).toList());
                meanChart(workload.getKey(), metric, cells);
            }
        }
    }

    private void meanChart(String workload, String metric, List<Cell> cells) throws IOException {
        Cell first = cells.get(0);
        HumanScale scale = HumanScale.of(first.unit(), cells.stream()
                .mapToDouble(c -> Math.max(Math.abs(c.stats().mean()), finiteOr(c.stats().ci95High(), 0))).max()
                .orElse(0));
        String title = workload + ": " + MetricLabel.of(metric) + " (" + better(first.direction()) + ")";
        List<String> variants = cells.stream().map(Cell::variant).toList();
        List<Double> means = cells.stream().map(c -> scale.apply(c.stats().mean())).toList();
        List<Double> errors = cells.stream().map(c -> scale.apply(finiteOr(c.stats().ci95HalfWidth(), 0))).toList();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(520).title(title)
                .xAxisTitle("variant").yAxisTitle(MetricLabel.of(metric) + " (" + scale.label() + ")").build();
        style(chart.getStyler(), cells.size());
        chart.getStyler().setLabelsVisible(true);
        double top = means.stream().mapToDouble(Math::abs).max().orElse(0);
        chart.getStyler().setYAxisDecimalPattern(top >= 100 ? "#,##0" : top >= 10 ? "#,##0.#" : "#,##0.##");
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setLabelsPosition(0.5);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(true);
        if (cells.stream().allMatch(c -> c.stats().mean() >= 0)) {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setSeriesColors(new Color[] {PALETTE[0]});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.addSeries("mean, error bars: 95% confidence interval", variants, means, errors);
        save(chart, "mean", title, "mean-" + workload + "-" + metric);
    }

    private void latencyCharts() throws IOException {
        Map<List<String>, List<Cell>> groups = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Cell cell : result.cells()) {
            var m = LATENCY.matcher(cell.metric());
            if (m.matches()) {
                groups.computeIfAbsent(List.of(cell.workload(), m.group(1)), k -> new ArrayList<>()).add(cell);
            }
        }
        for (Map.Entry<List<String>, List<Cell>> group : groups.entrySet()) {
            latencyChart(group.getKey().get(0), group.getKey().get(1), group.getValue());
        }
    }

    private void latencyChart(String workload, String io, List<Cell> cells) throws IOException {
        List<String> variants = ordered(cells).stream().map(Cell::variant).distinct().toList();
        double magnitude = cells.stream().mapToDouble(c -> Math.abs(c.stats().mean())).max().orElse(0);
        String unit = cells.get(0).unit();
        if (cells.stream().anyMatch(c -> !c.unit().equals(unit))) {
            return;
        }
        HumanScale scale = HumanScale.of(unit, magnitude);
        String title = workload + ": " + io + " completion latency percentiles (lower is better)";
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(520).title(title).xAxisTitle("variant")
                .yAxisTitle(io + " completion latency (" + scale.label() + ")").build();
        style(chart.getStyler(), variants.size());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        for (String percentile : List.of("p50", "p99", "p999")) {
            String metric = io + "_clat_" + percentile;
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            boolean any = false;
            for (String variant : variants) {
                Optional<Cell> cell = cells.stream().filter(c -> c.variant().equals(variant) && c.metric().equals(metric))
                        .findFirst();
                any |= cell.isPresent();
                means.add(cell.map(c -> scale.apply(c.stats().mean())).orElse(0.0));
                errors.add(cell.map(c -> scale.apply(finiteOr(c.stats().ci95HalfWidth(), 0))).orElse(0.0));
            }
            if (any) {
                chart.addSeries(PERCENTILES.get(percentile) + " (mean, 95% CI)", variants, means, errors);
            }
        }
        save(chart, "latency", title, "latency-" + workload + "-" + io);
    }

    private void gainChart() throws IOException {
        Set<List<String>> claimed = new HashSet<>();
        for (ClaimResult claim : result.claims()) {
            Claim c = claim.claim();
            claimed.add(List.of(c.baseline(), c.candidate(), c.workload(), c.metric()));
        }
        List<Comparison> shown = result.comparisons().stream()
                .filter(c -> Double.isFinite(c.gain().value()))
                .filter(c -> PRIMARY.matcher(c.metric()).matches()
                        || claimed.contains(List.of(c.baseline(), c.candidate(), c.workload(), c.metric())))
                .sorted(Comparator.comparing(Comparison::workload).thenComparing(Comparison::metric)
                        .thenComparing(Comparison::candidate))
                .toList();
        if (shown.isEmpty()) {
            return;
        }
        int rows = shown.size();
        Map<Double, List<String>> minGains = new TreeMap<>();
        for (ClaimResult claim : result.claims()) {
            minGains.computeIfAbsent(claim.claim().minGain(), g -> new ArrayList<>()).add(claim.claim().id());
        }
        long verdicts = shown.stream().map(Comparison::verdict).distinct().count();
        int height = 170 + 46 * rows + 22 * (int) (1 + verdicts + minGains.size());
        String title = "Gain over baseline " + result.baseline() + " (above 1 is better)";
        XYChart chart = new XYChartBuilder().width(WIDTH + 200).height(height).title(title)
                .xAxisTitle("gain (95% confidence interval, Fieller)").yAxisTitle("").build();
        style(chart.getStyler(), 0);
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
            Comparison c = shown.get(i);
            double y = rows - 1 - i;
            labels.add(c.candidate() + " \u00b7 " + c.workload() + " \u00b7 " + MetricLabel.of(c.metric()));
            points.get(c.verdict()).add(new double[] {c.gain().value(), y});
            low = Math.min(low, c.gain().value());
            high = Math.max(high, c.gain().value());
            if (c.gain().hasInterval()) {
                XYSeries ci = chart.addSeries("ci-" + i, new double[] {c.gain().ci95Low(), c.gain().ci95High()},
                        new double[] {y, y});
                ci.setShowInLegend(false);
                ci.setMarker(SeriesMarkers.NONE);
                ci.setLineColor(color(c.verdict()));
                ci.setLineStyle(new BasicStroke(3f));
                low = Math.min(low, c.gain().ci95Low());
                high = Math.max(high, c.gain().ci95High());
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
        save(chart, "gain", title, "gain");
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
        };
    }

    private static void style(AxesChartStyler styler, int categories) {
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xBBBBBB));
        styler.setPlotGridLinesColor(new Color(0xE3E3E3));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendBorderColor(Color.WHITE);
        styler.setSeriesColors(PALETTE);
        styler.setYAxisDecimalPattern("#,##0.###");
        styler.setChartPadding(12);
        if (categories > 4) {
            styler.setXAxisLabelRotation(20);
        }
    }

    private void save(Chart<?, ?> chart, String kind, String title, String name) throws IOException {
        String base = unique(name.replaceAll("[^A-Za-z0-9._-]", "_"));
        Path png = dir.resolve(subdir).resolve(base + ".png");
        Path svg = dir.resolve(subdir).resolve(base + ".svg");
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        try (OutputStream out = Files.newOutputStream(svg)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
        files.add(new ChartFile(kind, title, subdir + "/" + base + ".png", subdir + "/" + base + ".svg",
                chart.getWidth(), chart.getHeight()));
    }

    private String unique(String name) {
        String candidate = name;
        for (int i = 2; !usedNames.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }

    private List<Cell> ordered(List<Cell> cells) {
        return cells.stream().sorted(Comparator.comparing((Cell c) -> !c.variant().equals(result.baseline()))
                .thenComparing(Cell::variant)).toList();
    }

    private static String better(Direction direction) {
        return direction == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better";
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }
}
