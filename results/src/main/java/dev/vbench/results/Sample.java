package dev.vbench.results;

import dev.vbench.results.metric.MetricCatalog;
import java.util.Objects;

/**
 * One raw measurement: the value of one metric in one repetition of one workload on one variant. Statistics are
 * always computed from these, never stored instead of them.
 *
 * @param variant  variant name, e.g. {@code virtio-wt-e1000}
 * @param workload workload name, e.g. {@code randread-4k}
 * @param metric   metric name, e.g. {@code read_iops}
 * @param unit     unit of {@code value}, e.g. {@code IO/s}, {@code B/s}, {@code bit/s}, {@code ns}, {@code %},
 *                 {@code count}
 * @param rep      repetition number (0 or more), unique within a (variant, workload, metric) cell
 * @param value    the measured value, finite; not negative unless {@link MetricCatalog#mayBeNegative} says so
 */
public record Sample(String variant, String workload, String metric, String unit, int rep, double value) {

    /** Checks that every name is present and the value is finite, and not negative where that is impossible. */
    public Sample {
        requireName("variant", variant);
        requireName("workload", workload);
        requireName("metric", metric);
        requireName("unit", unit);
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

    private static void requireName(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
