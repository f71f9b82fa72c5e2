package dev.vbench.results.compare;

import dev.vbench.results.Analysis;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.CompareChart;
import dev.vbench.results.report.CompareHtml;
import dev.vbench.results.report.CompareJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a comparison of two runs to a directory as a run's analysis is written: {@code summary.json}
 * ({@link CompareJson}, format {@code vbench-compare}), {@code report.html} ({@link CompareHtml}) and
 * {@code charts/} (the gain chart, PNG and SVG). No write follows a symbolic link ({@link OutputFiles}).
 */
public final class CompareReport {
    private CompareReport() {
    }

    /**
     * @param dir        output directory, created if missing; files in it are replaced
     * @param comparison the comparison
     * @throws IOException when the directory or a file in it cannot be written
     */
    public static void write(Path dir, RunComparison comparison) throws IOException {
        OutputFiles.directory(dir);
        List<ChartFile> charts = CompareChart.render(comparison, dir, Analysis.CHARTS_DIR);
        OutputFiles.replace(dir.resolve(Analysis.SUMMARY_JSON), CompareJson.format(comparison));
        OutputFiles.replace(dir.resolve(Analysis.REPORT_HTML), CompareHtml.format(comparison, charts));
    }
}
