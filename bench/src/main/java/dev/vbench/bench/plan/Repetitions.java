package dev.vbench.bench.plan;

/**
 * How many times each workload runs on each variant. Fixed: {@code min == max}, no target. Adaptive: at least
 * {@code min}, then more until the confidence interval of the mean is within {@code targetCiPct} percent of the
 * mean, at most {@code max}.
 *
 * @param targetCiPct half-width of the 95% confidence interval in percent of the mean, or {@code null} (fixed)
 */
public record Repetitions(int min, int max, Double targetCiPct) {
    /** The largest repetition count a plan may ask for. */
    public static final int LIMIT = 1000;

    public Repetitions {
        if (targetCiPct == null) {
            if (min != max) {
                throw new InvalidSpecException("repetitions", "a fixed count needs min == max, not " + min + " and "
                        + max);
            }
            InvalidSpecException.checkRange("repetitions", min, 1, LIMIT);
        } else {
            InvalidSpecException.checkRange("min", min, 2, LIMIT);
            if (max < min || max > LIMIT) {
                throw new InvalidSpecException("max", max + " is out of range (valid: min " + min + ".." + LIMIT + ")");
            }
            if (!(targetCiPct > 0 && targetCiPct <= 100)) {
                throw new InvalidSpecException("target_ci_pct", InvalidSpecException.decimal(targetCiPct)
                        + " is out of range (valid: > 0 and <= 100, e.g. 5)");
            }
        }
    }

    /** Exactly {@code n} repetitions. */
    public static Repetitions fixed(int n) {
        return new Repetitions(n, n, null);
    }

    /** Whether the count depends on the measured spread. */
    public boolean adaptive() {
        return targetCiPct != null;
    }
}
