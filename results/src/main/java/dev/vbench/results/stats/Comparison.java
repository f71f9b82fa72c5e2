package dev.vbench.results.stats;

/**
 * A candidate variant compared with the baseline on one workload and metric.
 *
 * @param baseline  baseline variant
 * @param candidate candidate variant
 * @param workload  workload
 * @param metric    metric
 * @param unit      unit of the metric
 * @param direction which way the metric improves
 * @param gain      the gain (above 1 is better) and its 95% interval
 * @param pValue    Welch's t-test p-value, {@code NaN} when either side has fewer than 2 samples
 * @param pHolm     the p-value after Holm's correction across all comparisons of the run
 * @param verdict   better, worse or no significant difference at 5% (Holm-adjusted)
 */
public record Comparison(String baseline, String candidate, String workload, String metric, String unit,
                         Direction direction, Gain gain, double pValue, double pHolm, ComparisonVerdict verdict) {
}
