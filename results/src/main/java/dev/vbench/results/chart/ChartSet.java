package dev.vbench.results.chart;

import dev.vbench.results.AnalysisResult;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.metric.MetricCatalog.FioMeasure;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.Direction;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

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
    /** The metrics charted on their own and in the gain chart; a workload with none charts every metric. */

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
        OutputFiles.subdirectory(dir, subdir);
        ChartSet set = new ChartSet(result, dir, subdir);
        Optional<XYChart> gain = GainChart.of(result, MetricCatalog::isPrimary);
        if (gain.isPresent()) {
            set.save(gain.get(), "gain", gain.get().getTitle(), "gain");
        }
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
            Set<String> primary = metrics.stream().filter(MetricCatalog::isPrimary)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String metric : primary.isEmpty() ? metrics : primary) {
                meanChart(workload.getKey(), metric,
                        ordered(workload.getValue().stream().filter(c -> c.metric().equals(metric)).toList()));
            }
        }
    }

    private void meanChart(String workload, String metric, List<Cell> cells) throws IOException {
        Cell first = cells.get(0);
        HumanScale scale = HumanScale.of(first.unit(), cells.stream()
                .mapToDouble(c -> Math.max(Math.abs(c.stats().mean()), finiteOr(c.stats().ci95High(), 0))).max()
                .orElse(0));
        String title = workload + ": " + MetricCatalog.label(metric) + " (" + better(first.direction()) + ")";
        List<String> variants = cells.stream().map(Cell::variant).toList();
        List<Double> means = cells.stream().map(c -> scale.apply(c.stats().mean())).toList();
        List<Double> errors = cells.stream().map(c -> scale.apply(finiteOr(c.stats().ci95HalfWidth(), 0))).toList();
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(520).title(title)
                .xAxisTitle("variant").yAxisTitle(MetricCatalog.label(metric) + " (" + scale.label() + ")").build();
        ChartStyle.apply(chart.getStyler(), cells.size());
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
        chart.getStyler().setSeriesColors(new Color[] {ChartStyle.PALETTE[0]});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.addSeries("mean, error bars: 95% confidence interval", variants, means, errors);
        save(chart, "mean", title, "mean-" + workload + "-" + metric);
    }

    private void latencyCharts() throws IOException {
        Map<List<String>, List<Cell>> groups = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Cell cell : result.cells()) {
            if (MetricCatalog.fioMeasure(cell.metric()).filter(FioMeasure::isPercentile).isPresent()) {
                String io = MetricCatalog.fioDirection(cell.metric()).orElseThrow();
                groups.computeIfAbsent(List.of(cell.workload(), io), k -> new ArrayList<>()).add(cell);
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
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(520).title(title)
                .xAxisTitle("variant").yAxisTitle(io + " completion latency (" + scale.label() + ")").build();
        ChartStyle.apply(chart.getStyler(), variants.size());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        for (FioMeasure percentile : FioMeasure.values()) {
            if (!percentile.isPercentile()) {
                continue;
            }
            String metric = MetricCatalog.fio(io, percentile).name();
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            boolean any = false;
            for (String variant : variants) {
                Optional<Cell> cell = cells.stream()
                        .filter(c -> c.variant().equals(variant) && c.metric().equals(metric)).findFirst();
                any |= cell.isPresent();
                means.add(cell.map(c -> scale.apply(c.stats().mean())).orElse(0.0));
                errors.add(cell.map(c -> scale.apply(finiteOr(c.stats().ci95HalfWidth(), 0))).orElse(0.0));
            }
            if (any) {
                chart.addSeries(percentile.percentileLabel() + " (mean, 95% CI)", variants, means, errors);
            }
        }
        save(chart, "latency", title, "latency-" + workload + "-" + io);
    }

    private void save(Chart<?, ?> chart, String kind, String title, String name) throws IOException {
        files.add(write(chart, kind, title, dir, subdir, unique(fileName(name))));
    }

    /**
     * Writes a chart as {@code dir/subdir/base.png} and {@code .svg}, replacing earlier versions, never through a
     * link. XChart draws the same bytes for the same chart: no timestamps, fonts and locale fixed by
     * {@link ChartStyle}.
     *
     * @return the chart's files
     */
    static ChartFile write(Chart<?, ?> chart, String kind, String title, Path dir, String subdir, String base)
            throws IOException {
        ChartFile file = writePng(chart, kind, title, dir, subdir, base);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        OutputFiles.replace(dir.resolve(subdir).resolve(base + ".svg"), bytes.toByteArray());
        return new ChartFile(kind, title, file.png(), subdir + "/" + base + ".svg", file.width(), file.height());
    }

    /** {@link #write} without the SVG: the file's {@code svg} is null. */
    static ChartFile writePng(Chart<?, ?> chart, String kind, String title, Path dir, String subdir, String base)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, bytes, BitmapEncoder.BitmapFormat.PNG);
        OutputFiles.replace(dir.resolve(subdir).resolve(base + ".png"), bytes.toByteArray());
        return new ChartFile(kind, title, subdir + "/" + base + ".png", null, chart.getWidth(), chart.getHeight());
    }

    /** @return {@code name} with every character outside {@code [A-Za-z0-9._-]} replaced by {@code _} */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
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
