package dev.vbench.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fio's {@code --output-format=json} output. Pure: takes the text, never runs fio.
 *
 * <p>What it accepts: text lines before, between or after the JSON (fio prints errors such as
 * {@code fio: pid=..., err=2/file:filesetup.c:805, ...} that way); several JSON documents in a row
 * ({@code --status-interval}), of which the last complete one, fio's final report, counts; several jobs (no
 * {@code --group_reporting}); {@code unified_rw_reporting} ({@code mixed} only, or {@code both}).
 *
 * <p>Metrics, for every direction {@code D} in {@code read}, {@code write}, {@code trim}, {@code mixed} that moved
 * I/O ({@code io_bytes > 0} or {@code total_ios > 0}) in at least one job:
 * <ul>
 *   <li>{@code D_iops} ({@code IO/s}) and {@code D_bw} ({@code B/s}, from {@code bw_bytes}): summed over jobs;</li>
 *   <li>{@code D_clat_mean} ({@code ns}): mean completion latency, jobs weighted by their latency sample count
 *       {@code clat_ns.N}, so it is the exact mean of all completions;</li>
 *   <li>{@code D_clat_p50}, {@code D_clat_p99}, {@code D_clat_p999} ({@code ns}, from {@code clat_ns.percentile}
 *       50, 99, 99.9): with one job (always so with {@code --group_reporting}, which merges the histograms) fio's
 *       own value; with several jobs the maximum over the jobs. A percentile of the combined completions lies
 *       between the smallest and the largest per-job percentile, so the maximum is a tight upper bound, never an
 *       optimistic number. Left out when fio recorded no completion latencies.</li>
 * </ul>
 *
 * <p>Invalid (an {@link InvalidMeasurementException} quoting fio's own text lines): a job with a non-zero
 * {@code error}; no I/O moved at all; the output ends in a cut-off JSON document. Not fio output at all (no JSON,
 * no {@code jobs}): {@link UnparsableOutputException}.
 */
public final class FioParser {
    /** The directions fio reports, in metric order. */
    public static final List<String> DIRECTIONS = List.of("read", "write", "trim", "mixed");

    private static final String[][] PERCENTILES = {{"p50", "50.000000"}, {"p99", "99.000000"},
        {"p999", "99.900000"}};

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
        for (String direction : DIRECTIONS) {
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
        double[] percentiles = new double[PERCENTILES.length];
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
            for (int i = 0; i < PERCENTILES.length; i++) {
                JsonNode p = clat.path("percentile").path(PERCENTILES[i][1]);
                if (p.isNumber()) {
                    percentiles[i] = Math.max(percentiles[i], p.asDouble());
                } else {
                    allPercentiles = false;
                }
            }
        }
        if (!moved) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric(direction + "_iops", "IO/s", iops));
        metrics.add(new Metric(direction + "_bw", "B/s", bw));
        if (clatSamples > 0) {
            metrics.add(new Metric(direction + "_clat_mean", "ns", clatWeightedSum / clatSamples));
            if (allPercentiles) {
                for (int i = 0; i < PERCENTILES.length; i++) {
                    metrics.add(new Metric(direction + "_clat_" + PERCENTILES[i][0], "ns", percentiles[i]));
                }
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
        return value.asDouble();
    }
}
