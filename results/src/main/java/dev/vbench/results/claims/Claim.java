package dev.vbench.results.claims;

import dev.vbench.results.DecimalText;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A statement to test: the candidate is at least {@code minGain} times better than the baseline on one
 * workload and metric ("better" in the metric's direction: more IOPS, less latency; for a lower-is-better metric
 * the gain is the baseline's value divided by the candidate's).
 *
 * <p>One rule for every claim, whether a plan or a claims file states it: the {@code id} matches {@link #ID} (the
 * alphabet of variant and workload names: 1-48 lower-case letters, digits, '.', '_', '-', starting with a letter
 * or digit); {@code minGain} is a number above 0 and at most {@link #MAX_GAIN} (a larger factor is almost always a
 * percentage written as a factor: 120 for 20%); baseline and candidate differ; a claim written without a text gets
 * {@link #defaultText}.
 *
 * @param id        short unique identifier, e.g. {@code virtio-disk-randread}
 * @param text      the claim in words
 * @param baseline  baseline variant
 * @param candidate candidate variant
 * @param workload  workload
 * @param metric    metric
 * @param minGain   the smallest gain that supports the claim, in (0, {@link #MAX_GAIN}]
 */
public record Claim(String id, String text, String baseline, String candidate, String workload, String metric,
                    double minGain) {
    /** The grammar of a claim id. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");
    /** The largest {@code minGain} a claim may ask for. */
    public static final double MAX_GAIN = 100;

    /** Checks the rule above; readers check it first, to point at the offending line. */
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(metric, "metric");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("claim id '" + id + "' must match " + ID.pattern());
        }
        if (baseline.equals(candidate)) {
            throw new IllegalArgumentException("claim " + id + ": candidate and baseline are both " + baseline);
        }
        if (!(minGain > 0 && minGain <= MAX_GAIN)) {
            throw new IllegalArgumentException("claim " + id + ": min_gain " + minGain + " is not in (0, 100]");
        }
    }

    /**
     * The text of a claim written without one, in words that hold for either direction of the metric:
     * {@code "virtio beats ide on read_iops of randread-4k by at least 1.5x"}.
     */
    public static String defaultText(String baseline, String candidate, String workload, String metric,
            double minGain) {
        return String.format(Locale.ROOT, "%s beats %s on %s of %s by at least %sx", candidate, baseline, metric,
                workload, DecimalText.shortest(minGain));
    }
}
