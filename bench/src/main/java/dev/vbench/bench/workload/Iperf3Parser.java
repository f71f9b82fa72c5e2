package dev.vbench.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.results.metric.MetricCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the client's {@code iperf3 -J} output. Pure: takes the text, never runs iperf3.
 *
 * <p>Metrics ({@link MetricCatalog}), all from the {@code end} section:
 * <ul>
 *   <li>TCP: {@link MetricCatalog#THROUGHPUT} ({@code sum_received.bits_per_second}: what arrived),
 *       {@link MetricCatalog#RETRANSMITS} ({@code sum_sent.retransmits}, when the sender reports it);</li>
 *   <li>UDP: {@link MetricCatalog#THROUGHPUT}, {@link MetricCatalog#JITTER} and {@link MetricCatalog#LOST}, all
 *       from {@code sum_received}, the receiver's view. (iperf 3.12's {@code end.sum} mixes the sender's rate
 *       with the receiver's jitter and loss, so it is not used.)</li>
 *   <li>both: {@link MetricCatalog#CPU_LOCAL} and {@link MetricCatalog#CPU_REMOTE}
 *       ({@code cpu_utilization_percent.host_total} and {@code remote_total}; local is the client, where the
 *       command ran).</li>
 * </ul>
 *
 * <p>Invalid ({@link InvalidMeasurementException}): a top-level {@code error} (iperf3 {@code -J} exits 0 even
 * when it could not connect, its message is quoted); no {@code end.sum_received} (the test did not finish); no
 * bytes received. Not iperf3 JSON at all: {@link UnparsableOutputException}.
 */
public final class Iperf3Parser {
    private Iperf3Parser() {
    }

    /**
     * Parses the client's JSON output.
     *
     * @param text iperf3's standard output
     * @return the metrics
     * @throws UnparsableOutputException   when the text is not iperf3 JSON
     * @throws InvalidMeasurementException when iperf3 reports an error or moved no data
     */
    public static Iperf3Result parse(String text) {
        JsonDocuments output = JsonDocuments.split(text == null ? "" : text);
        if (output.documents().isEmpty()) {
            if (output.endsIncomplete()) {
                throw new InvalidMeasurementException("iperf3 output is an incomplete JSON document (iperf3 killed or "
                        + "output cut off)");
            }
            throw new UnparsableOutputException("no iperf3 JSON in the output (run iperf3 with -J): "
                    + output.messages("empty output"));
        }
        JsonNode root = output.documents().get(output.documents().size() - 1);
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            throw new InvalidMeasurementException("iperf3 failed: " + error.asText());
        }
        if (!root.path("start").isObject() || !root.path("end").isObject()) {
            throw new UnparsableOutputException("not iperf3 JSON: no \"start\" and \"end\" objects");
        }
        String protocol = root.path("start").path("test_start").path("protocol").asText("");
        if (!protocol.equals("TCP") && !protocol.equals("UDP")) {
            throw new UnparsableOutputException("not an iperf3 TCP or UDP test: start.test_start.protocol is '"
                    + protocol + "'");
        }
        JsonNode end = root.path("end");
        JsonNode received = end.path("sum_received");
        if (!received.isObject()) {
            throw new InvalidMeasurementException("iperf3 " + protocol + " result has no end.sum_received: the test "
                    + "did not finish");
        }
        if (received.path("bytes").asLong(0) <= 0) {
            throw new InvalidMeasurementException("iperf3 " + protocol + " test moved no data (end.sum_received.bytes "
                    + "is " + received.path("bytes").asText("missing") + ")");
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of(MetricCatalog.THROUGHPUT, number(received, "bits_per_second", "end.sum_received")));
        if (protocol.equals("TCP")) {
            JsonNode retransmits = end.path("sum_sent").path("retransmits");
            if (retransmits.isNumber()) {
                metrics.add(Metric.of(MetricCatalog.RETRANSMITS, number(end.path("sum_sent"), "retransmits",
                        "end.sum_sent")));
            }
        } else {
            metrics.add(Metric.of(MetricCatalog.JITTER, number(received, "jitter_ms", "end.sum_received")));
            metrics.add(Metric.of(MetricCatalog.LOST, number(received, "lost_percent", "end.sum_received")));
        }
        JsonNode cpu = end.path("cpu_utilization_percent");
        metrics.add(Metric.of(MetricCatalog.CPU_LOCAL, number(cpu, "host_total", "end.cpu_utilization_percent")));
        metrics.add(Metric.of(MetricCatalog.CPU_REMOTE, number(cpu, "remote_total", "end.cpu_utilization_percent")));
        Duration duration = Duration.ofNanos(Math.round(number(received, "seconds", "end.sum_received") * 1e9));
        return new Iperf3Result(metrics, protocol, duration, root.path("start").path("version").asText("unknown"));
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new UnparsableOutputException("not iperf3 JSON: " + where + "." + field
                    + " is missing or not a number");
        }
        double v = value.asDouble();
        if (!Double.isFinite(v) || v < 0) {
            throw new UnparsableOutputException("not iperf3 JSON: " + where + "." + field + " is " + v
                    + " (expected a finite number >= 0)");
        }
        return v;
    }
}
