package dev.vbench.results.claims;

/**
 * A statement to test: the candidate is at least {@code minGain} times better than the baseline on one
 * workload and metric ("better" in the metric's direction: more IOPS, less latency).
 *
 * @param id        short unique identifier, e.g. {@code virtio-disk-randread}
 * @param text      the claim in words
 * @param baseline  baseline variant
 * @param candidate candidate variant
 * @param workload  workload
 * @param metric    metric
 * @param minGain   the smallest gain that supports the claim, above 0
 */
public record Claim(String id, String text, String baseline, String candidate, String workload, String metric,
                    double minGain) {
}
