package dev.vbench.results.stats;

import java.util.Set;
import java.util.regex.Pattern;

/** Which way a metric improves. Gains are oriented by it so that a gain above 1 is always an improvement. */
public enum Direction {
    /** Bigger values are better: IOPS, bandwidth, throughput. */
    HIGHER_IS_BETTER("higher"),
    /** Smaller values are better: latency, CPU use, retransmits, lost packets. */
    LOWER_IS_BETTER("lower");

    private static final Pattern FIO_HIGHER = Pattern.compile("(read|write|trim|mixed)_(iops|bw)");
    private static final Pattern FIO_LOWER = Pattern.compile("(read|write|trim|mixed)_clat_(mean|p50|p99|p999)");
    private static final Set<String> NET_LOWER = Set.of("retransmits", "cpu_local", "cpu_remote", "jitter", "lost",
            "host_cpu");
    private static final Set<String> TIME_UNITS = Set.of("ns", "us", "\u00b5s", "ms", "s");

    private final String json;

    Direction(String json) {
        this.json = json;
    }

    /** @return {@code higher} or {@code lower}, as written in summary.json */
    public String json() {
        return json;
    }

    /**
     * The direction of a metric: vbench's own metrics by name ({@code read_iops}, {@code write_bw},
     * {@code throughput} higher; {@code read_clat_p99}, {@code retransmits}, {@code cpu_local}, {@code jitter},
     * {@code lost}, {@code host_cpu}... lower), any other by its unit (ns, us, ms, s lower; rates ending in
     * {@code /s} higher; {@code %} and {@code count} lower).
     *
     * @param metric metric name
     * @param unit   unit of its values
     * @return the direction
     * @throws UnknownUnitException when neither the name nor the unit tells
     */
    public static Direction of(String metric, String unit) {
        if (FIO_HIGHER.matcher(metric).matches() || metric.equals("throughput")) {
            return HIGHER_IS_BETTER;
        }
        if (FIO_LOWER.matcher(metric).matches() || NET_LOWER.contains(metric)) {
            return LOWER_IS_BETTER;
        }
        if (TIME_UNITS.contains(unit) || unit.equals("%") || unit.equals("count")) {
            return LOWER_IS_BETTER;
        }
        if (unit.length() > 2 && unit.endsWith("/s")) {
            return HIGHER_IS_BETTER;
        }
        throw new UnknownUnitException(metric, unit);
    }
}
