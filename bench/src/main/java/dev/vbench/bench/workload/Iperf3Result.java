package dev.vbench.bench.workload;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid iperf3 measurement.
 *
 * @param metrics  see {@link Iperf3Parser}
 * @param protocol {@code TCP} or {@code UDP}
 * @param duration the receiver's measured time ({@code end.sum_received.seconds}), for checking it ran as long as
 *                 asked
 * @param version  iperf3's version string, e.g. {@code iperf 3.12}, or {@code unknown}
 */
public record Iperf3Result(List<Metric> metrics, String protocol, Duration duration, String version) {
    /** Copies the list; nothing may be null. */
    public Iperf3Result {
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(version, "version");
    }

    /**
     * @param name a metric name such as {@code throughput}
     * @return the metric of that name, if the run reported it
     */
    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
