package dev.vbench.results.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares every variant with the baseline, cell by cell. */
public final class Comparisons {
    /** Significance level of every comparison, after Holm's correction. */
    public static final double ALPHA = 0.05;

    private Comparisons() {
    }

    /**
     * One comparison per cell of a non-baseline variant whose workload and metric the baseline also has, in the
     * order of the cells (variant, workload, metric). P-values are Holm-corrected across all of them.
     *
     * @param cells    all cells of a run
     * @param baseline baseline variant
     * @return the comparisons
     */
    public static List<Comparison> against(String baseline, List<Cell> cells) {
        Map<List<String>, Cell> baselineCells = cells.stream().filter(c -> c.variant().equals(baseline))
                .collect(Collectors.toMap(c -> List.of(c.workload(), c.metric()), Function.identity()));
        List<Cell[]> pairs = new ArrayList<>();
        for (Cell candidate : cells) {
            Cell base = baselineCells.get(List.of(candidate.workload(), candidate.metric()));
            if (!candidate.variant().equals(baseline) && base != null) {
                pairs.add(new Cell[] {base, candidate});
            }
        }
        double[] raw = new double[pairs.size()];
        List<Double> testable = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Cell base = pairs.get(i)[0];
            Cell candidate = pairs.get(i)[1];
            raw[i] = base.stats().n() >= 2 && candidate.stats().n() >= 2
                    ? WelchTest.pValue(base.valueArray(), candidate.valueArray()) : Double.NaN;
            if (!Double.isNaN(raw[i])) {
                testable.add(raw[i]);
            }
        }
        double[] adjustedTestable = HolmCorrection.adjust(testable.stream().mapToDouble(Double::doubleValue).toArray());
        List<Comparison> comparisons = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Cell base = pairs.get(i)[0];
            Cell candidate = pairs.get(i)[1];
            double holm = Double.isNaN(raw[i]) ? Double.NaN : adjustedTestable[next++];
            Direction direction = candidate.direction();
            Gain gain = FiellerGain.estimate(base.valueArray(), candidate.valueArray(), direction);
            comparisons.add(new Comparison(baseline, candidate.variant(), candidate.workload(), candidate.metric(),
                    candidate.unit(), direction, gain, raw[i], holm,
                    verdict(holm, base.stats().mean(), candidate.stats().mean(), direction)));
        }
        return comparisons;
    }

    /**
     * The verdict for a Holm-adjusted p-value and the two means.
     *
     * @param pHolm         adjusted p-value, {@code NaN} when untested
     * @param baselineMean  baseline mean
     * @param candidateMean candidate mean
     * @param direction     which way the metric improves
     * @return better or worse when significant at {@link #ALPHA}, else no significant difference
     */
    static ComparisonVerdict verdict(double pHolm, double baselineMean, double candidateMean, Direction direction) {
        if (!(pHolm < ALPHA) || baselineMean == candidateMean) {
            return ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE;
        }
        boolean candidateHigher = candidateMean > baselineMean;
        return candidateHigher == (direction == Direction.HIGHER_IS_BETTER)
                ? ComparisonVerdict.BETTER : ComparisonVerdict.WORSE;
    }
}
