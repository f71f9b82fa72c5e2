package dev.vbench.results.metric;

import dev.vbench.results.stats.Direction;
import java.util.Objects;
import java.util.Set;

/**
 * One metric as vbench defines it: the only place its name, unit, direction and label are written.
 *
 * @param name      metric name as it appears in results.csv, summary.json and claims, e.g. {@code read_iops}
 * @param unit      unit of its values, e.g. {@code IO/s}, {@code B/s}, {@code ns}, {@code bit/s}, {@code %}
 * @param direction which way it improves
 * @param label     readable name for charts and the report, e.g. {@code read IOPS}
 * @param primary   whether it is a headline metric of its workload (charted, compared and shown in progress)
 * @param kinds     the workload kinds that produce it
 */
public record MetricDef(String name, String unit, Direction direction, String label, boolean primary,
                        Set<WorkloadKind> kinds) {
    /** Checks that every field is present and {@code kinds} is not empty. */
    public MetricDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(label, "label");
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("metric " + name + " belongs to no workload kind");
        }
    }
}
