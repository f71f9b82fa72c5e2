package dev.vbench.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.metric.MetricCatalog.FioMeasure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads fio's {@code --output-format=json} output. Pure: takes the text, never runs fio.
 *
 * <p>What it accepts: text lines before, between or after the JSON (fio prints errors such as
 * {@code fio: pid=..., err=2/file:filesetup.c:805, ...} that way); several JSON documents in a row
 * ({@code --status-interval}), of which the last complete one, fio's final report, counts; several jobs (no
 * {@code --group_reporting}); {@code unified_rw_reporting} ({@code mixed} only, or {@code both}).
 *
 * <p>Metrics (defined in {@link MetricCatalog}), for every direction {@code D} that moved I/O
 * ({@code io_bytes > 0} or {@code total_ios > 0}) in at least one job:
 * <ul>
 *   <li>IOPS and bandwidth ({@code bw_bytes}): summed over jobs;</li>
 *   <li>mean completion latency: jobs weighted by their latency sample count {@code clat_ns.N}, so it is the exact
 *       mean of all completions;</li>
 *   <li>completion-latency percentiles ({@code clat_ns.percentile} 50, 99, 99.9): with one job (always so with
 *       {@code --group_reporting}, which merges the histograms) fio's own value; with several jobs the maximum
 *       over the jobs. A percentile of the combined completions lies between the smallest and the largest per-job
 *       percentile, so the maximum is a tight upper bound, never an optimistic number. Left out when fio recorded
 *       no completion latencies.</li>
 * </ul>
 *
 * <p>Invalid (an {@link InvalidMeasurementException} quoting fio's own text lines): a job with a non-zero
 * {@code error}; no I/O moved at all; the output ends in a cut-off JSON document. Not fio output at all (no JSON,
 * no {@code jobs}): {@link UnparsableOutputException}.
 */
public final class FioParser {
    /** fio's JSON keys of the completion-latency percentiles it reports, in {@link FioMeasure} order. */
    private static final Map<FioMeasure, String> PERCENTILES = new EnumMap<>(Map.of(FioMeasure.CLAT_P50,
            "50.000000", FioMeasure.CLAT_P99, "99.000000", FioMeasure.CLAT_P999, "99.900000"));

    private FioParser() {
    }

    /**
     * Parses fio's output, quoting its standard error in the message when the run is invalid (some failures, such
     * as a directory that cannot be created, are only explained there).
     *
     * @param stdout fio's standard output
     * @param stderr fio's standard error
     * @return the metrics of the final report
     * @throws UnparsableOutputException   when the output holds no fio JSON report
     * @throws InvalidMeasurementException when fio reports an error or moved no I/O
     */
    public static FioResult parse(String stdout, String stderr) {
        if (stderr == null || stderr.isBlank()) {
            return parse(stdout);
        }
        return parse(stderr + (stderr.endsWith("\n") ? "" : "\n") + (stdout == null ? "" : stdout));
    }

    /**
     * Parses fio's standard output (optionally with its standard error in front, for the messages).
     *
     * @param text fio's output
     * @return the metrics of the final report
     * @throws UnparsableOutputException   when the text holds no fio JSON report
     * @throws InvalidMeasurementException when fio reports an error or moved no I/O
     */
    public static FioResult parse(String text) {
        JsonDocuments output = JsonDocuments.split(text == null ? "" : text);
        if (output.endsIncomplete()) {
            throw new InvalidMeasurementException("fio output ends in an incomplete JSON report (fio killed or "
                    + "output cut off): " + output.messages("no fio message"));
        }
        if (output.documents().isEmpty()) {
            throw new UnparsableOutputException("no fio JSON report in the output (run fio with "
                    + "--output-format=json): " + output.messages("empty output"));
        }
        JsonNode report = output.documents().get(output.documents().size() - 1);
        JsonNode jobs = report.path("jobs");
        if (!jobs.isArray() || jobs.isEmpty()) {
            throw new UnparsableOutputException("not a fio JSON report: no \"jobs\" array with at least one job");
        }
        long runtimeMillis = 0;
        for (JsonNode job : jobs) {
            int error = job.path("error").asInt(0);
            if (error != 0) {
                throw new InvalidMeasurementException("fio job '" + job.path("jobname").asText("?")
                        + "' failed with error " + error + ": "
                        + output.messages("fio printed no message"));
            }
            runtimeMillis = Math.max(runtimeMillis, job.path("job_runtime").asLong(0));
        }
        List<Metric> metrics = new ArrayList<>();
        for (String direction : MetricCatalog.FIO_DIRECTIONS) {
            metrics.addAll(directionMetrics(direction, jobs));
        }
        if (metrics.isEmpty()) {
            throw new InvalidMeasurementException("fio moved no I/O in any direction: "
                    + output.messages("fio printed no message"));
        }
        return new FioResult(metrics, Duration.ofMillis(runtimeMillis), report.path("fio version").asText("unknown"));
    }

    private static List<Metric> directionMetrics(String direction, JsonNode jobs) {
        double iops = 0;
        double bw = 0;
        double clatWeightedSum = 0;
        long clatSamples = 0;
        Map<FioMeasure, Double> percentiles = new EnumMap<>(FioMeasure.class);
        boolean moved = false;
        boolean allPercentiles = true;
        for (JsonNode job : jobs) {
            JsonNode stats = job.path(direction);
            if (!movedIo(stats)) {
                continue;
            }
            moved = true;
            iops += number(stats, "iops");
            bw += number(stats, "bw_bytes");
            JsonNode clat = stats.path("clat_ns");
            long n = clat.path("N").asLong(0);
            if (n > 0) {
                clatWeightedSum += number(clat, "mean") * n;
                clatSamples += n;
            }
            for (Map.Entry<FioMeasure, String> key : PERCENTILES.entrySet()) {
                JsonNode p = clat.path("percentile").path(key.getValue());
                if (p.isNumber()) {
                    percentiles.merge(key.getKey(), inRange(p.asDouble(), "clat_ns.percentile"), Math::max);
                } else {
                    allPercentiles = false;
                }
            }
        }
        if (!moved) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of(MetricCatalog.fio(direction, FioMeasure.IOPS), iops));
        metrics.add(Metric.of(MetricCatalog.fio(direction, FioMeasure.BW), bw));
        if (clatSamples > 0) {
            metrics.add(Metric.of(MetricCatalog.fio(direction, FioMeasure.CLAT_MEAN), clatWeightedSum / clatSamples));
            if (allPercentiles) {
                percentiles.forEach((measure, value) -> metrics.add(Metric.of(MetricCatalog.fio(direction, measure),
                        value)));
            }
        }
        return metrics;
    }

    private static boolean movedIo(JsonNode stats) {
        return stats.isObject() && (stats.path("io_bytes").asLong(0) > 0 || stats.path("total_ios").asLong(0) > 0);
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new UnparsableOutputException("not a fio JSON report: \"" + field + "\" is missing or not a number");
        }
        return inRange(value.asDouble(), field);
    }

    /** fio's numbers are rates, times and counts: finite and not negative, or the report is not fio's. */
    private static double inRange(double v, String field) {
        if (!Double.isFinite(v) || v < 0) {
            throw new UnparsableOutputException("not a fio JSON report: \"" + field + "\" is " + v
                    + " (expected a finite number >= 0)");
        }
        return v;
    }
}
