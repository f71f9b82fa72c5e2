package dev.vbench.results.history;

import dev.vbench.results.OutputFiles;
import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.TrendChart;
import dev.vbench.results.report.TrendHtml;
import dev.vbench.results.report.TrendJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the trend report of a history to a directory: {@code index.html} ({@link TrendHtml}), {@code trend.json}
 * ({@link TrendJson}, format {@code vbench-trend}) and {@code charts/} (one chart per series with nights,
 * {@link TrendChart}, PNG). No write follows a symbolic link ({@link OutputFiles}).
 *
 * <pre>
 * TrendReport.write(outDir, "vbench nightly: lab-1", histories, changePoints, alerts);
 * </pre>
 */
public final class TrendReport {
    /** Name of the HTML page. */
    public static final String INDEX_HTML = "index.html";
    /** Name of the JSON file. */
    public static final String TREND_JSON = "trend.json";
    /** Name of the chart directory. */
    public static final String CHARTS_DIR = "charts";

    private TrendReport() {
    }

    /**
     * @param outDir       output directory, created if missing; files in it are replaced
     * @param title        the page's title
     * @param series       the series to show (each once), in any order: shown by host, variant, workload, metric
     * @param changePoints change points; those of series not shown are left out, those at a night not shown are
     *                     listed but not drawn
     * @param alerts       alerts; those of series not shown are left out
     * @throws IOException              when the directory or a file in it cannot be written
     * @throws IllegalArgumentException when a series is given twice
     */
    public static void write(Path outDir, String title, List<SeriesHistory> series, List<ChangePoint> changePoints,
                             List<TrendAlert> alerts) throws IOException {
        List<TrendSeries> trend = TrendSeries.of(series, changePoints, alerts);
        OutputFiles.directory(outDir);
        List<ChartFile> charts = new ArrayList<>();
        for (TrendSeries s : trend) {
            charts.add(s.history().nights().isEmpty() ? null : TrendChart.render(s, outDir, CHARTS_DIR));
        }
        OutputFiles.replace(outDir.resolve(TREND_JSON), TrendJson.format(title, trend,
                charts.stream().map(c -> c == null ? null : c.png()).toList()));
        OutputFiles.replace(outDir.resolve(INDEX_HTML), TrendHtml.format(title, trend, charts));
    }
}
