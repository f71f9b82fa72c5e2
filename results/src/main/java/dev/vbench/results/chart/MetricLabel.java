package dev.vbench.results.chart;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readable names for vbench's metric names: {@code read_iops} is "read IOPS", {@code write_clat_p999} "write latency p99.9". */
public final class MetricLabel {
    private static final Pattern FIO = Pattern.compile("(read|write|trim|mixed)_(iops|bw|clat_mean|clat_p50|clat_p99|clat_p999)");

    private MetricLabel() {
    }

    /**
     * @param metric a metric name
     * @return its readable name; unknown names with underscores replaced by spaces
     */
    public static String of(String metric) {
        Matcher fio = FIO.matcher(metric);
        if (fio.matches()) {
            String kind = switch (fio.group(2)) {
                case "iops" -> "IOPS";
                case "bw" -> "bandwidth";
                case "clat_mean" -> "latency mean";
                case "clat_p50" -> "latency p50";
                case "clat_p99" -> "latency p99";
                default -> "latency p99.9";
            };
            return fio.group(1) + " " + kind;
        }
        return switch (metric) {
            case "cpu_local" -> "CPU (sender)";
            case "cpu_remote" -> "CPU (receiver)";
            case "host_cpu" -> "host CPU";
            default -> metric.replace('_', ' ');
        };
    }
}
