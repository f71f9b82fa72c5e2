package dev.vbench.results.stats;

/**
 * Which way a metric improves; each metric's is defined in {@link dev.vbench.results.metric.MetricCatalog}. Gains are
 * oriented by it so that a gain above 1 is always an improvement.
 */
public enum Direction {
    /** Bigger values are better: IOPS, bandwidth, throughput. */
    HIGHER_IS_BETTER("higher"),
    /** Smaller values are better: latency, CPU use, retransmits, lost packets. */
    LOWER_IS_BETTER("lower");

    private final String json;

    Direction(String json) {
        this.json = json;
    }

    /** @return {@code higher} or {@code lower}, as written in summary.json */
    public String json() {
        return json;
    }
}
