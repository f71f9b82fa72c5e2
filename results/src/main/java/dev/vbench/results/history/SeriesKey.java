package dev.vbench.results.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A series of the history: one metric of one workload of one variant on one host, night after night. A series
 * follows the names; the definitions behind the names (the variant's devices, the workload's fio or iperf3 job) are
 * recorded with every night by content hash, so a definition changed under the same name is shown as a change of
 * the series' environment rather than silently starting a new series.
 *
 * @param host     the hypervisor host's name (run.json {@code environment.host_name})
 * @param variant  the variant's name
 * @param workload the workload's name
 * @param metric   the metric's name (from the metric catalog)
 */
public record SeriesKey(String host, String variant, String workload, String metric) {

    /** Checks that every part is present. */
    public SeriesKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(metric, "metric");
    }

    /** @return the series' stable id: the first 16 hex digits of the SHA-256 of host, variant, workload, metric */
    public String id() {
        return sha256Hex(host + "\n" + variant + "\n" + workload + "\n" + metric).substring(0, 16);
    }

    /** @return {@code host/variant/workload/metric}, the way series are named on the console and in reports */
    public String label() {
        return host + "/" + variant + "/" + workload + "/" + metric;
    }

    /**
     * The lower-case hex SHA-256 of a text's UTF-8 bytes: the one content hash of the history (definitions, plans,
     * series ids, annotation ids).
     *
     * @param text any text
     * @return 64 hex digits
     */
    public static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
