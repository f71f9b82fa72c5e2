package dev.vbench.results.stats;

import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.sequential.SequentialLook;
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
     * One comparison per cell of a non-baseline variant whose workload and metric the baseline also has, in the
     * order of the cells (variant, workload, metric), the tested ones decided as one family in a fixed design.
     *
     * @param baseline baseline variant
     * @param cells    all cells of a run
     * @return the comparisons
     */
    public static List<Comparison> against(String baseline, List<Cell> cells) {
        List<Cell[]> pairs = pairs(baseline, cells);
        Map<String, Optional<String>> tested = testedMetrics(cells);
        List<RatioTest> tests = pairs.stream().filter(p -> isTested(tested, p[1])).map(p -> test(p[0], p[1]))
                .toList();
        double[] ones = new double[tests.size()];
        Arrays.fill(ones, 1);
        List<RatioFamily.Decision> decisions = RatioFamily.decide(tests, ones, ALPHA, DecisionLevels.FIXED);
        int[] next = {0};
        return build(baseline, pairs, tested, pair -> decisions.get(next[0]++));
    }

    /**
     * {@link #against(String, List)} with the tested comparisons as the looks of a group-sequential design decided
     * them: BETTER or WORSE where a look crossed a boundary, with that look's gain and interval; else no significant
     * difference, with those of the last look (no interval while fewer than 2 boots a side).
     *
     * @param baseline baseline variant
     * @param cells    the cells the last look saw
     * @param last     the last look taken
     * @return the comparisons
     */
    public static List<Comparison> against(String baseline, List<Cell> cells, SequentialLook last) {
        return build(baseline, pairs(baseline, cells), testedMetrics(cells), pair -> {
            RatioFamily.Decision d = last.find(SequentialLook.comparisonId(pair[1]), false).orElseThrow(
                    () -> new IllegalArgumentException("look " + last.look() + " did not test "
                            + SequentialLook.comparisonId(pair[1]))).decision();
            if (!Double.isNaN(d.p())) {
                return d;
            }
            return new RatioFamily.Decision(RatioFamily.Call.NONE, new Gain(test(pair[0], pair[1])
                    .interval(CellStatistics.CONFIDENCE).value(), Double.NaN, Double.NaN, Double.NaN,
                    "fewer than 2 boots a side: not tested yet"), d.p(), d.pHolm(), d.alpha(), d.nominal());
        });
    }

    /** The (baseline, candidate) cells of every comparison, in the order of the cells. */
    private static List<Cell[]> pairs(String baseline, List<Cell> cells) {
        Map<List<String>, Cell> baselineCells = cells.stream().filter(c -> c.variant().equals(baseline))
                .collect(Collectors.toMap(c -> List.of(c.workload(), c.metric()), Function.identity()));
        List<Cell[]> pairs = new ArrayList<>();
        for (Cell candidate : cells) {
            Cell base = baselineCells.get(List.of(candidate.workload(), candidate.metric()));
            if (!candidate.variant().equals(baseline) && base != null) {
                pairs.add(new Cell[] {base, candidate});
            }
        }
        return pairs;
    }

    /** The comparisons, each tested one with its decision (asked for in order), every other one described. */
    private static List<Comparison> build(String baseline, List<Cell[]> pairs, Map<String, Optional<String>> tested,
                                          Function<Cell[], RatioFamily.Decision> decision) {
        List<Comparison> comparisons = new ArrayList<>();
        for (Cell[] pair : pairs) {
            Cell base = pair[0];
            Cell candidate = pair[1];
            Direction direction = candidate.direction();
            if (isTested(tested, candidate)) {
                RatioFamily.Decision d = decision.apply(pair);
                comparisons.add(new Comparison(baseline, candidate.variant(), candidate.workload(),
                        candidate.metric(), candidate.unit(), direction, d.gain(), d.p(), d.pHolm(),
                        ComparisonVerdict.of(d.call()), null));
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

    /**
     * The ratio test of a candidate cell against its base cell, in the candidate's direction.
     *
     * @param base      the reference cell (the baseline, or run A)
     * @param candidate the cell compared with it
     * @return the test
     */
    public static RatioTest test(Cell base, Cell candidate) {
        return RatioTest.of(base.replicates(), candidate.replicates(), candidate.direction());
    }

    /**
     * @param tested the tested metric of each workload
     * @param cell   a cell
     * @return whether the cell's metric is its workload's tested one
     */
    public static boolean isTested(Map<String, Optional<String>> tested, Cell cell) {
        return tested.get(cell.workload()).map(cell.metric()::equals).orElse(false);
    }

}
