package dev.vbench.bench.workload;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid fio measurement.
 *
 * @param metrics metrics of every direction that moved I/O, see {@link FioParser}
 * @param runtime how long the jobs ran, the longest {@code job_runtime} (excludes ramp time)
 * @param version fio's version string, e.g. {@code fio-3.33}, or {@code unknown}
 */
public record FioResult(List<Metric> metrics, Duration runtime, String version) {
    /** Copies the list; nothing may be null. */
    public FioResult {
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(version, "version");
    }

    /**
     * @param name a metric name such as {@code read_iops}
     * @return the metric of that name, if the run reported it
     */
    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
