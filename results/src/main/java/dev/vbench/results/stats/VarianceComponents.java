package dev.vbench.results.stats;

import java.util.Arrays;
import java.util.List;

/**
 * How a cell's noise splits between repetitions on one boot and boots, by the one-way random-effects ANOVA
 * estimators (Searle, Casella and McCulloch 1992, ch. 3): with k boots, N samples, n_i on boot i,
 * MSW = SSW / (N - k), MSB = SSB / (k - 1), n0 = (N - sum n_i² / N) / (k - 1); the within-boot variance is MSW,
 * the between-boot variance max(0, (MSB - MSW) / n0) (truncated at 0), the intraclass correlation
 * between / (between + within). Coefficients of variation are the square roots over |grand mean|. A part that cannot
 * be estimated is {@code NaN}: between-boot with one boot, within-boot when no boot has two repetitions.
 *
 * @param boots          number of boots k
 * @param withinVariance within-boot variance
 * @param betweenVariance between-boot variance
 * @param withinCv       within-boot coefficient of variation
 * @param betweenCv      between-boot coefficient of variation
 * @param icc            intraclass correlation, in [0, 1]
 */
public record VarianceComponents(int boots, double withinVariance, double betweenVariance, double withinCv,
                                 double betweenCv, double icc) {

    /**
     * @param byBoot the samples of each boot, none empty
     * @return their variance components
     */
    public static VarianceComponents of(List<double[]> byBoot) {
        int k = byBoot.size();
        int total = 0;
        double sum = 0;
        double sumSquaredSizes = 0;
        for (double[] boot : byBoot) {
            total += boot.length;
            sumSquaredSizes += (double) boot.length * boot.length;
            for (double v : boot) {
                sum += v;
            }
        }
        double grand = sum / total;
        double ssw = 0;
        double ssb = 0;
        for (double[] boot : byBoot) {
            double mean = Arrays.stream(boot).average().orElseThrow();
            ssb += boot.length * (mean - grand) * (mean - grand);
            for (double v : boot) {
                ssw += (v - mean) * (v - mean);
            }
        }
        double within = total > k ? ssw / (total - k) : Double.NaN;
        double between = Double.NaN;
        if (k > 1 && total > k) {
            double n0 = (total - sumSquaredSizes / total) / (k - 1);
            between = Math.max(0, (ssb / (k - 1) - within) / n0);
        }
        double icc = between + within > 0 ? between / (between + within) : Double.NaN;
        return new VarianceComponents(k, within, between, cv(within, grand), cv(between, grand), icc);
    }

    private static double cv(double variance, double mean) {
        return mean == 0 ? Double.NaN : Math.sqrt(variance) / Math.abs(mean);
    }
}
