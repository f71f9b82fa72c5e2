package dev.vbench.results.stats;

import java.util.List;

/** The stopping rule for adaptive repetitions: measure a cell again until its mean is known precisely enough. */
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
