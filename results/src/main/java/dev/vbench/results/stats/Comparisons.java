package dev.vbench.results.stats;

import dev.vbench.results.metric.MetricCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares every variant with the baseline, cell by cell. Per workload one metric is tested
 * ({@link MetricCatalog#testedMetric}); those comparisons form one family, decided by {@link RatioFamily} at
 * {@link #ALPHA} family-wise, so a verdict and the interval drawn beside it always agree. Every other metric gets its
 * gain and 95% interval, described and not tested.
 */
public final class Comparisons {
    /** Family-wise significance level of the tested comparisons, two-sided. */
    public static final double ALPHA = 0.05;

    private Comparisons() {
    }

    /**
     * {@link #against(String, List, DecisionLevels)} for a fixed design.
     *
     * @param cells    all cells of a run
     * @param baseline baseline variant
     * @return the comparisons
     */
    public static List<Comparison> against(String baseline, List<Cell> cells) {
        return against(baseline, cells, DecisionLevels.FIXED);
    }

    /**
     * One comparison per cell of a non-baseline variant whose workload and metric the baseline also has, in the
     * order of the cells (variant, workload, metric).
     *
     * @param baseline baseline variant
     * @param cells    all cells of a run
     * @param levels   the levels of the current look
     * @return the comparisons
     */
    public static List<Comparison> against(String baseline, List<Cell> cells, DecisionLevels levels) {
        Map<List<String>, Cell> baselineCells = cells.stream().filter(c -> c.variant().equals(baseline))
                .collect(Collectors.toMap(c -> List.of(c.workload(), c.metric()), Function.identity()));
        Map<String, Optional<String>> tested = testedMetrics(cells);
        List<Cell[]> pairs = new ArrayList<>();
        List<RatioTest> tests = new ArrayList<>();
        for (Cell candidate : cells) {
            Cell base = baselineCells.get(List.of(candidate.workload(), candidate.metric()));
            if (!candidate.variant().equals(baseline) && base != null) {
                pairs.add(new Cell[] {base, candidate});
                if (isTested(tested, candidate)) {
                    tests.add(test(base, candidate));
                }
            }
        }
        double[] ones = new double[tests.size()];
        Arrays.fill(ones, 1);
        List<RatioFamily.Decision> decisions = RatioFamily.decide(tests, ones, ALPHA, levels);
        List<Comparison> comparisons = new ArrayList<>();
        int next = 0;
        for (Cell[] pair : pairs) {
            Cell base = pair[0];
            Cell candidate = pair[1];
            Direction direction = candidate.direction();
            if (isTested(tested, candidate)) {
                RatioFamily.Decision d = decisions.get(next++);
                comparisons.add(new Comparison(baseline, candidate.variant(), candidate.workload(),
                        candidate.metric(), candidate.unit(), direction, d.gain(), d.p(), d.pHolm(), verdict(d.call()),
                        null));
            } else {
                comparisons.add(new Comparison(baseline, candidate.variant(), candidate.workload(),
                        candidate.metric(), candidate.unit(), direction,
                        test(base, candidate).interval(CellStatistics.CONFIDENCE), Double.NaN, Double.NaN,
                        ComparisonVerdict.NOT_TESTED, null));
            }
        }
        return comparisons;
    }

    /**
     * @param cells all cells of a run
     * @return per workload, the metric whose comparisons are tested
     */
    public static Map<String, Optional<String>> testedMetrics(List<Cell> cells) {
        return cells.stream().collect(Collectors.groupingBy(Cell::workload, Collectors.collectingAndThen(
                Collectors.mapping(Cell::metric, Collectors.toSet()), MetricCatalog::testedMetric)));
    }

    static RatioTest test(Cell base, Cell candidate) {
        return RatioTest.of(base.replicates(), candidate.replicates(), candidate.direction());
    }

    private static boolean isTested(Map<String, Optional<String>> tested, Cell cell) {
        return tested.get(cell.workload()).map(cell.metric()::equals).orElse(false);
    }

    private static ComparisonVerdict verdict(RatioFamily.Call call) {
        return switch (call) {
            case ABOVE -> ComparisonVerdict.BETTER;
            case BELOW -> ComparisonVerdict.WORSE;
            case NONE -> ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE;
        };
    }
}
