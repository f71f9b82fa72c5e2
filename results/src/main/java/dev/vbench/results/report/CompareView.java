package dev.vbench.results.report;

import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.chart.HumanScale;
import dev.vbench.results.compare.CellComparison;
import dev.vbench.results.compare.RunComparison;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.ComparisonVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What {@code compare.mustache} shows, as plain text: numbers formatted in human units, words chosen.
 *
 * @param labelA            run A's name
 * @param labelB            run B's name
 * @param outcome           what the comparison came to, in words
 * @param outcomeClass      its badge's CSS class
 * @param cellCount         number of cells both runs have
 * @param tiles             the verdict counts at the top
 * @param charts            the charts in display order
 * @param changes           the environment's changes from A to B
 * @param anyChanges        whether there are any
 * @param tested            the tested cells
 * @param anyTested         whether there are any
 * @param described         the cells described, not tested
 * @param anyDescribed      whether there are any
 * @param onlyInA           cells only run A has
 * @param onlyInB           cells only run B has
 * @param anyOnly           whether either run has cells the other lacks
 * @param environment       both environments, key by key
 * @param anyEnvironment    whether either environment is known
 */
record CompareView(String labelA, String labelB, String outcome, String outcomeClass, int cellCount,
                   List<ReportView.Tile> tiles, List<ChartFile> charts, List<String> changes, boolean anyChanges,
                   List<Row> tested, boolean anyTested, List<Row> described, boolean anyDescribed,
                   List<OnlyRow> onlyInA, List<OnlyRow> onlyInB, boolean anyOnly, List<EnvironmentRow> environment,
                   boolean anyEnvironment) {

    static CompareView of(RunComparison c, List<ChartFile> charts) {
        List<Row> tested = c.cells().stream().filter(CellComparison::tested).map(Row::of).toList();
        List<Row> described = c.cells().stream().filter(x -> !x.tested()).map(Row::of).toList();
        List<ReportView.Tile> tiles = new ArrayList<>();
        tiles.add(new ReportView.Tile("cells compared", c.cells().size()));
        for (ComparisonVerdict v : ComparisonVerdict.values()) {
            tiles.add(new ReportView.Tile(v.text(), c.count(v)));
        }
        TreeSet<String> keys = new TreeSet<>(c.environmentA().keySet());
        keys.addAll(c.environmentB().keySet());
        List<EnvironmentRow> environment = keys.stream().map(k -> new EnvironmentRow(k,
                c.environmentA().getOrDefault(k, "-"), c.environmentB().getOrDefault(k, "-"),
                !RunComparison.PER_RUN_KEYS.contains(k)
                        && !Objects.equals(c.environmentA().get(k), c.environmentB().get(k)))).toList();
        List<OnlyRow> onlyInA = c.onlyInA().stream().map(OnlyRow::of).toList();
        List<OnlyRow> onlyInB = c.onlyInB().stream().map(OnlyRow::of).toList();
        return new CompareView(c.labelA(), c.labelB(), c.differs() ? "B differs significantly from A"
                : "no significant difference", c.differs() ? "worse" : "nsd", c.cells().size(), tiles, charts,
                c.environmentChanges(), !c.environmentChanges().isEmpty(), tested, !tested.isEmpty(), described,
                !described.isEmpty(), onlyInA, onlyInB, !onlyInA.isEmpty() || !onlyInB.isEmpty(), environment,
                !environment.isEmpty());
    }

    /** A cell of both runs: the means in human units, the gain of B over A, the verdict and both cells' notes. */
    record Row(String variant, String workload, String metric, String meanA, String meanB,
               ReportView.GainView gain, String p, String pHolm, String verdictClass, String verdict,
               String withoutOutliers, List<String> notes) {
        static Row of(CellComparison c) {
            HumanScale scale = HumanScale.of(c.unit(), Math.max(Math.abs(c.a().stats().mean()),
                    Math.abs(c.b().stats().mean())));
            List<String> notes = new ArrayList<>();
            c.a().notes().forEach(n -> notes.add("A: " + n));
            c.b().notes().forEach(n -> notes.add("B: " + n));
            return new Row(c.variant(), c.workload(), MetricCatalog.label(c.metric()),
                    scale.format(c.a().stats().mean()), scale.format(c.b().stats().mean()),
                    ReportView.GainView.of(c.gain()), ReportView.ComparisonRow.p(c.pValue()),
                    ReportView.ComparisonRow.p(c.pHolm()), ReportView.ComparisonRow.verdictClass(c.verdict()),
                    c.verdict().text(), c.withoutOutliers() == null ? null : c.withoutOutliers().text(), notes);
        }
    }

    /** A cell only one run has. */
    record OnlyRow(String variant, String workload, String metric, int n, String mean) {
        static OnlyRow of(Cell c) {
            return new OnlyRow(c.variant(), c.workload(), MetricCatalog.label(c.metric()), c.stats().n(),
                    HumanScale.of(c.unit(), Math.abs(c.stats().mean())).format(c.stats().mean()));
        }
    }

    /** One environment key in both runs; {@code changed} when the values differ. */
    record EnvironmentRow(String key, String a, String b, boolean changed) {
    }
}
