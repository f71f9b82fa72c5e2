package dev.vbench.results.stats;

import java.util.List;

/**
 * The stopping rule for adaptive repetitions: measure a cell again until its mean is known precisely enough.
 *
 * @deprecated stopping when an interval happens to be narrow selects runs whose variance is underestimated: through
 *             {@link Comparisons}, 20,000 simulated A/A data sets (min 3, max 10, target 5%, 5% noise) are called
 *             different 10.6% of the time instead of about 5%. Use
 *             {@link dev.vbench.results.sequential.SequentialDesign}, whose looks keep their error rate. Kept while
 *             the run driver still calls it.
 */
@Deprecated
public final class AdaptiveRepetitions {
    private AdaptiveRepetitions() {
    }

    /**
     * Whether a cell needs another sample: yes while fewer than {@code minN} samples exist; no once {@code maxN}
     * exist; in between, yes while the half-width of the 95% confidence interval of the mean is more than
     * {@code targetCiPct} percent of |mean| (a mean of 0 needs a half-width of 0).
     *
     * @param samples     the samples so far
     * @param minN        samples always taken, at least 2
     * @param maxN        samples never exceeded, at least {@code minN}
     * @param targetCiPct wanted half-width of the 95% interval in percent of the mean, e.g. 5
     * @return true when one more sample should be taken
     */
    public static boolean needsMore(double[] samples, int minN, int maxN, double targetCiPct) {
        if (minN < 2 || maxN < minN) {
            throw new IllegalArgumentException("need 2 <= minN <= maxN, got minN=" + minN + ", maxN=" + maxN);
        }
        if (!(targetCiPct > 0) || !Double.isFinite(targetCiPct)) {
            throw new IllegalArgumentException("targetCiPct must be a positive number, got " + targetCiPct);
        }
        if (samples.length < minN) {
            return true;
        }
        if (samples.length >= maxN) {
            return false;
        }
        CellStatistics stats = CellStatistics.of(samples);
        return stats.ci95HalfWidth() > targetCiPct / 100 * Math.abs(stats.mean());
    }

    /**
     * {@link #needsMore(double[], int, int, double)} for a list.
     *
     * @param samples     the samples so far
     * @param minN        samples always taken, at least 2
     * @param maxN        samples never exceeded
     * @param targetCiPct wanted half-width of the 95% interval in percent of the mean
     * @return true when one more sample should be taken
     */
    public static boolean needsMore(List<Double> samples, int minN, int maxN, double targetCiPct) {
        return needsMore(samples.stream().mapToDouble(Double::doubleValue).toArray(), minN, maxN, targetCiPct);
    }
}
