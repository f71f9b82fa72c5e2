package dev.vbench.results.chart;

import dev.vbench.results.OutputFiles;
import dev.vbench.results.compare.CellComparison;
import dev.vbench.results.compare.RunComparison;
import dev.vbench.results.metric.MetricCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * The chart of a comparison of two runs: the gain of run B over run A of every cell of a primary metric (IOPS,
 * bandwidth, throughput), drawn as a run's gain chart ({@link GainChart}): a diamond coloured by verdict and the
 * interval at the level its verdict was decided at.
 */
public final class CompareChart {
    private CompareChart() {
    }

    /**
     * Renders the gain chart into {@code dir/subdir} as {@code gain.png} and {@code gain.svg}.
     *
     * @param comparison the comparison
     * @param dir        the output directory
     * @param subdir     the chart directory inside it, e.g. {@code charts}
     * @return the chart, or nothing when no cell of a primary metric has a finite gain
     * @throws IOException when a file cannot be written
     */
    public static List<ChartFile> render(RunComparison comparison, Path dir, String subdir) throws IOException {
        ChartStyle.offScreen();
        List<GainChart.Row> rows = comparison.cells().stream()
                .filter(c -> MetricCatalog.isPrimary(c.metric()) && Double.isFinite(c.gain().value()))
                .sorted(Comparator.comparing(CellComparison::workload).thenComparing(CellComparison::metric)
                        .thenComparing(CellComparison::variant))
                .map(c -> new GainChart.Row(c.variant() + " \u00b7 " + c.workload() + " \u00b7 "
                        + MetricCatalog.label(c.metric()), c.gain(), c.verdict())).toList();
        Optional<XYChart> chart = GainChart.of("Gain of run " + comparison.labelB() + " over run "
                + comparison.labelA() + " (above 1 is better)", rows, Map.of());
        if (chart.isEmpty()) {
            return List.of();
        }
        OutputFiles.subdirectory(dir, subdir);
        return List.of(ChartSet.write(chart.get(), "gain", chart.get().getTitle(), dir, subdir, "gain"));
    }
}
