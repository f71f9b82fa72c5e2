package dev.vbench.results.stats;

/**
 * A candidate variant compared with the baseline on one workload and metric.
 *
 * @param baseline        baseline variant
 * @param candidate       candidate variant
 * @param workload        workload
 * @param metric          metric
 * @param unit            unit of the metric
 * @param direction       which way the metric improves
 * @param gain            the gain (above 1 is better) and its interval, at the level the verdict was decided at
 *                        (95% for a metric that is not tested)
 * @param pValue          two-sided p-value of gain = 1 ({@link RatioTest}); {@code NaN} when not tested
 * @param pHolm           the p-value after Holm's correction across the run's tested comparisons
 * @param verdict         better, worse, no significant difference, or not tested (a secondary metric)
 * @param withoutOutliers the verdict with the cells' outliers left out, when it differs; else {@code null}
 */
public record Comparison(String baseline, String candidate, String workload, String metric, String unit,
                         Direction direction, Gain gain, double pValue, double pHolm, ComparisonVerdict verdict,
                         ComparisonVerdict withoutOutliers) {

    /** @return whether this comparison belongs to the tested family */
    public boolean tested() {
        return verdict != ComparisonVerdict.NOT_TESTED;
    }

    /**
     * @param other the verdict without outliers
     * @return this comparison noting {@code other} when it differs from the verdict
     */
    public Comparison withoutOutliers(ComparisonVerdict other) {
        return new Comparison(baseline, candidate, workload, metric, unit, direction, gain, pValue, pHolm, verdict,
                other == verdict ? null : other);
    }
}
