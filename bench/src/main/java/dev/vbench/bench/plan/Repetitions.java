package dev.vbench.bench.plan;

import java.util.List;

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
    private static final List<String> ADAPTIVE_KEYS = List.of("min", "max", "target_ci_pct");

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

    /** Reads a plan's {@code repetitions}: a whole number, or {@code {min: N, max: N, target_ci_pct: P}}. */
    static Repetitions read(PlanNode node) {
        if (node.isInteger()) {
            return fixed(node.integer(1, LIMIT));
        }
        if (!node.isMap()) {
            throw node.error("expected a whole number (e.g. 5) or a mapping {min: 3, max: 10, target_ci_pct: 5},"
                    + " got " + node.describe());
        }
        PlanNode m = node.allowKeys(ADAPTIVE_KEYS);
        int min = m.required("min", "at least 2").integer(2, LIMIT);
        int max = m.required("max", "at most " + LIMIT).integer(2, LIMIT);
        double target = m.required("target_ci_pct", "e.g. 5 for +-5% of the mean").number();
        return m.build(() -> new Repetitions(min, max, target));
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
