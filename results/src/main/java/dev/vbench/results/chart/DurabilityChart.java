package dev.vbench.results.chart;

import dev.vbench.results.OutputFiles;
import dev.vbench.results.durability.DurabilityCell;
import dev.vbench.results.durability.DurabilitySummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The speed/safety trade-off on one chart: per (variant, workload) of the durability trials, bars of the variant's
 * write IOPS (left axis; no bar, and the label says so, when not measured) beside the share of crash trials that
 * lost an acknowledged record and the upper bound of its Clopper-Pearson interval, in percent (right axis).
 */
public final class DurabilityChart {
    private DurabilityChart() {
    }

    /**
     * Renders the chart into {@code dir/subdir} as {@code durability.png} and {@code .svg}.
     *
     * @return the chart, or nothing when the summary has no cell
     * @throws IOException when a file cannot be written
     */
    public static List<ChartFile> render(DurabilitySummary summary, Path dir, String subdir) throws IOException {
        List<DurabilityCell> cells = summary.cells();
        if (cells.isEmpty()) {
            return List.of();
        }
        ChartStyle.offScreen();
        String title = "Speed and safety: write IOPS and host crashes that lost acknowledged writes";
        List<String> names = cells.stream().map(c -> c.variant() + " \u00b7 " + c.workload()
                + (c.writeIops() == null ? " (IOPS not measured)" : "")).toList();
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(520).title(title)
                .xAxisTitle("variant \u00b7 workload").yAxisTitle("write IOPS").build();
        ChartStyle.apply(chart.getStyler(), cells.size());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(0, "write IOPS");
        chart.setYAxisGroupTitle(1, "trials losing acked records (%)");
        chart.getStyler().setYAxisMax(1, 100.0);
        chart.getStyler().setYAxisMin(1, 0.0);
        chart.addSeries("write IOPS", names, cells.stream().map(c -> c.writeIops() == null ? 0.0 : c.writeIops())
                .toList());
        chart.addSeries("trials losing acked records (%)", names, cells.stream()
                .map(c -> c.ackedLossRate().n() == 0 ? 0.0 : 100 * c.ackedLossRate().rate()).toList())
                .setYAxisGroup(1);
        chart.addSeries("its 95% upper bound (%)", names, cells.stream()
                .map(c -> c.ackedLossRate().n() == 0 ? 0.0 : 100 * c.ackedLossRate().high()).toList())
                .setYAxisGroup(1);
        OutputFiles.subdirectory(dir, subdir);
        return List.of(ChartSet.write(chart, "durability", title, dir, subdir, "durability"));
    }
}
