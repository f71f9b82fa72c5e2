package dev.vbench.bench.workload;

import dev.vbench.results.Sample;
import dev.vbench.results.metric.MetricDef;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One number a tool reported for one run, with its unit: {@code read_iops} in {@code IO/s}, {@code throughput} in
 * {@code bit/s}. The parsers produce these; the orchestrator turns them into samples.
 *
 * @param name  metric name, lower case, e.g. {@code write_clat_p99}
 * @param unit  unit of {@code value}, e.g. {@code IO/s}, {@code B/s}, {@code ns}, {@code bit/s}, {@code %}
 * @param value the reported value, finite
 */
public record Metric(String name, String unit, double value) {
    /** Metric names: lower-case letters, digits and underscores, starting with a letter. */
    public static final Pattern NAME = Sample.METRIC;

    /** Checks the name, the unit and that the value is finite. */
    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name '" + name + "' must match " + NAME.pattern());
        }
        if (unit.isBlank()) {
            throw new IllegalArgumentException("metric " + name + ": unit must not be blank");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + ": value must be finite, got " + value);
        }
    }

    /**
     * A value of a catalogued metric, in the metric's own unit.
     *
     * @param def   the metric's definition
     * @param value the reported value, finite
     * @return the metric
     */
    public static Metric of(MetricDef def, double value) {
        return new Metric(def.name(), def.unit(), value);
    }
}
