package dev.vbench.bench.plan;

import dev.vbench.provisioning.Variant;
import java.util.Objects;

/**
 * A claim to test as a plan states it: {@code candidate} beats {@code baseline} on {@code metric} of
 * {@code workload} by at least the factor {@code minGain} (for lower-is-better metrics such as latency, the
 * baseline's value divided by the candidate's). The plan parser has checked that the variants and the workload
 * exist and that the metric belongs to the workload.
 *
 * @param id      unique within the plan, same alphabet as variant names
 * @param text    the claim in words, as the reports print it
 * @param minGain factor, in (0, 100]
 */
public record ClaimSpec(String id, String text, String baseline, String candidate, String workload, String metric,
        double minGain) {

    public ClaimSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(metric, "metric");
        if (!Variant.NAME.matcher(id).matches()) {
            throw new InvalidSpecException("id", "claim id " + OneLine.quote(id) + " must match "
                    + Variant.NAME.pattern());
        }
        if (baseline.equals(candidate)) {
            throw new InvalidSpecException("candidate", "is the same variant as baseline (" + baseline
                    + "): a claim compares two different variants");
        }
        if (!(minGain > 0 && minGain <= 100)) {
            throw new InvalidSpecException("min_gain", InvalidSpecException.decimal(minGain)
                    + " is out of range (valid: > 0 and <= 100, e.g. 1.2 for 'at least 20% better')");
        }
    }
}
