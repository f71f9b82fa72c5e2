package dev.vbench.results.compare;

import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.Direction;
import dev.vbench.results.stats.Gain;

/**
 * One (variant, workload, metric) cell of two runs: the gain of run B over run A.
 *
 * @param a               the cell in run A
 * @param b               the cell in run B
 * @param gain            B / A when higher is better, A / B when lower is better (above 1: B is better), with its
 *                        interval at the level the verdict was decided at (95% for a metric that is not tested)
 * @param pValue          two-sided p-value of gain = 1; {@code NaN} when not tested
 * @param pHolm           that p-value after Holm's correction across the tested cells
 * @param verdict         better, worse, no significant difference, or not tested (a secondary metric)
 * @param withoutOutliers the verdict with both cells' outliers left out, when it differs; else {@code null}
 */
public record CellComparison(Cell a, Cell b, Gain gain, double pValue, double pHolm, ComparisonVerdict verdict,
                             ComparisonVerdict withoutOutliers) {

    /** @return the variant */
    public String variant() {
        return b.variant();
    }

    /** @return the workload */
    public String workload() {
        return b.workload();
    }

    /** @return the metric */
    public String metric() {
        return b.metric();
    }

    /** @return the unit of both cells */
    public String unit() {
        return b.unit();
    }

    /** @return which way the metric improves */
    public Direction direction() {
        return b.direction();
    }

    /** @return whether this cell belongs to the tested family */
    public boolean tested() {
        return verdict != ComparisonVerdict.NOT_TESTED;
    }

    /** @return whether B differs significantly from A: better or worse */
    public boolean differs() {
        return verdict == ComparisonVerdict.BETTER || verdict == ComparisonVerdict.WORSE;
    }
}
