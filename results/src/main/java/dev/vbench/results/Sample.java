package dev.vbench.results;

import dev.vbench.results.metric.MetricCatalog;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One raw measurement: the value of one metric in one repetition of one workload on one boot of one variant.
 * Statistics are always computed from these, never stored instead of them. The boot is the unit of replication:
 * repetitions on one boot share its placement, caches and host state, so they vary less than fresh boots do.
 *
 * @param variant  variant name, e.g. {@code virtio-wt-e1000}
 * @param workload workload name, e.g. {@code randread-4k}
 * @param metric   metric name, e.g. {@code read_iops}
 * @param unit     unit of {@code value}, e.g. {@code IO/s}, {@code B/s}, {@code bit/s}, {@code ns}, {@code %},
 *                 {@code count}
 * @param rep      repetition number (0 or more), unique within a boot of a (variant, workload, metric) cell
 * @param value    the measured value, finite; not negative unless {@link MetricCatalog#mayBeNegative} says so
 * @param boot     which boot of the variant (1 or more) the sample was measured on, numbered in boot order
 */
public record Sample(String variant, String workload, String metric, String unit, int rep, double value, int boot) {

    /**
     * The grammar of variant and workload names wherever they are created (plan) or read back (CSV, journal):
     * {@code provisioning}'s {@code Variant.NAME} is the same pattern (a test holds them equal).
     */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");
    /** The grammar of metric names: lower-case letters, digits and underscores, starting with a letter. */
    public static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /**
     * Checks that every name is present and the value is finite, and not negative where that is impossible. The
     * names' grammar ({@link #NAME}, {@link #METRIC}) is checked where they are created and read back from disk.
     */
    public Sample {
        requireName("variant", variant);
        requireName("workload", workload);
        requireName("metric", metric);
        requireName("unit", unit);
        if (boot < 1) {
            throw new IllegalArgumentException("boot must be >= 1, got " + boot);
        }
        if (rep < 0) {
            throw new IllegalArgumentException("rep must be >= 0, got " + rep);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number, got " + value);
        }
        if (value < 0 && !MetricCatalog.mayBeNegative(metric, unit)) {
            throw new IllegalArgumentException(metric + " in " + unit + " cannot be negative, got " + value);
        }
    }

    /**
     * A sample of the first (or only) boot.
     *
     * @param variant  variant name
     * @param workload workload name
     * @param metric   metric name
     * @param unit     unit of {@code value}
     * @param rep      repetition number
     * @param value    the measured value
     */
    public Sample(String variant, String workload, String metric, String unit, int rep, double value) {
        this(variant, workload, metric, unit, rep, value, 1);
    }

    private static void requireName(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
