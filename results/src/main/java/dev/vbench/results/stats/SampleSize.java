package dev.vbench.results.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * How many boots x repetitions per variant would decide a gain hypothesis at the noise observed, with
 * {@value #POWER} power: the fewest boots B (at the repetitions per boot measured, R) for which the two-sided
 * {@link RatioTest} at the hypothesis' level rejects when the true gain is the one observed. Each side's mean then
 * has variance between / B + within / (B R) (its {@link VarianceComponents}, floored at {@link SpreadFloor}); the
 * power is 1 - F(t_crit - delta) on Welch's df, delta = |a - g0 b| / sqrt(Va + g0² Vb), the usual shifted-t
 * approximation of the noncentral t.
 *
 * @param boots             boots per variant, more than {@link #MAX_BOOTS} when no design up to it would do
 * @param repetitions       repetitions per boot
 * @param bootNoiseMeasured whether the between-boot noise was measured (two boots or more on both sides)
 * @param taken             boots the run took of the side with fewer
 */
public record SampleSize(int boots, int repetitions, boolean bootNoiseMeasured, int taken) {
    /** Wanted probability of a decision. */
    public static final double POWER = 0.8;
    /** The largest number of boots proposed. */
    public static final int MAX_BOOTS = 100;

    /**
     * @param base      the baseline's cell
     * @param candidate the candidate's cell
     * @param g0        the gain the hypothesis is about
     * @param alpha     the two-sided level it is tested at
     * @return the design that would decide it
     */
    public static SampleSize toDecide(Cell base, Cell candidate, double g0, double alpha) {
        boolean higher = candidate.direction() == Direction.HIGHER_IS_BETTER;
        Cell num = higher ? candidate : base;
        Cell den = higher ? base : candidate;
        int reps = Math.max(repsPerBoot(num), repsPerBoot(den));
        boolean measured = measured(num) && measured(den);
        int taken = Math.min(num.bootCount(), den.bootCount());
        if (power(num, den, g0, alpha, MAX_BOOTS, reps) < POWER) {
            return new SampleSize(MAX_BOOTS + 1, reps, measured, taken);
        }
        int low = 1;
        int high = MAX_BOOTS;
        while (high - low > 1) {
            int mid = (low + high) / 2;
            if (power(num, den, g0, alpha, mid, reps) >= POWER) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return new SampleSize(high, reps, measured, taken);
    }

    /** The power of the two-sided test at {@code alpha} with {@code boots} x {@code reps} a side (boots &gt;= 2). */
    private static double power(Cell num, Cell den, double g0, double alpha, int boots, int reps) {
        if (boots < 2) {
            return 0;
        }
        double effect = Math.abs(num.replicates().mean() - g0 * den.replicates().mean());
        double va = variance(num, boots, reps);
        double vb = g0 * g0 * variance(den, boots, reps);
        double df = (va + vb) * (va + vb) / ((va * va + vb * vb) / (boots - 1));
        TDistribution t = new TDistribution(null, df);
        double critical = t.inverseCumulativeProbability(1 - alpha / 2);
        return 1 - t.cumulativeProbability(critical - effect / Math.sqrt(va + vb));
    }

    /** @return e.g. {@code about 6 boots x 3 repetitions per variant, 3 more than the 3 taken (80% power ...)} */
    public String text() {
        String unmeasured = bootNoiseMeasured ? "" : " (boot-to-boot noise not measured with one boot: it may take "
                + "more)";
        if (boots > MAX_BOOTS) {
            return "more than " + MAX_BOOTS + " boots x " + repetitions + " repetitions per variant: the gain is too "
                    + "close to the claimed minimum to decide at this noise" + unmeasured;
        }
        String more = boots > taken ? ", " + (boots - taken) + " more than the " + taken + " taken" : "";
        return "about " + boots + " boots x " + repetitions + " repetitions per variant" + more + " ("
                + Math.round(100 * POWER) + "% power at the observed gain and noise)" + unmeasured;
    }

    private static int repsPerBoot(Cell cell) {
        return (int) Math.max(1, Math.round(cell.samples().size() / (double) cell.bootCount()));
    }

    private static boolean measured(Cell cell) {
        return cell.bootCount() >= 2;
    }

    /** The variance of a side's mean over {@code boots} boots of {@code reps} repetitions. */
    private static double variance(Cell cell, int boots, int reps) {
        VarianceComponents c = cell.components();
        double within = c.withinVariance();
        double between = c.betweenVariance();
        if (Double.isNaN(within)) {
            within = 0;
            between = Double.isNaN(between) ? cell.replicates().sd() * cell.replicates().sd() : between;
        }
        if (Double.isNaN(between)) {
            between = 0;
        }
        double floor = cell.replicates().sdFloor() * cell.replicates().sdFloor();
        return Math.max(between + within / reps, floor) / boots;
    }
}
