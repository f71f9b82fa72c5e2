package dev.vbench.results.claims;

import java.util.Objects;

/**
 * A statement about what a host crash costs on one variant and workload: in every crash trial, at most {@code max}
 * records count against {@code metric} ({@code acked_lost, max: 0}: no acknowledged record is ever lost). The
 * speed {@link Claim}'s sibling: the same id grammar ({@link Claim#ID}), decided over crash trials instead of
 * samples (see {@code durability.DurabilityVerdict}).
 *
 * @param id       short unique identifier among all claims, in {@link Claim#ID}
 * @param text     the claim in words
 * @param variant  the variant crashed
 * @param workload the durability workload run on it
 * @param metric   what is bounded per trial
 * @param max      the most a trial may count and still support the claim, {@code >= 0}
 */
public record DurabilityClaim(String id, String text, String variant, String workload, DurabilityMetric metric,
                              long max) {

    /** Checks the id grammar and {@code max >= 0}. */
    public DurabilityClaim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(metric, "metric");
        if (!Claim.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("claim id '" + id + "' must match " + Claim.ID.pattern());
        }
        if (max < 0) {
            throw new IllegalArgumentException("claim " + id + ": max " + max + " < 0");
        }
    }

    /**
     * The text of a claim written without one: {@code "a host crash under wb running sync gives at most 0 acked_lost
     * per trial"}.
     */
    public static String defaultText(String variant, String workload, DurabilityMetric metric, long max) {
        return "a host crash under " + variant + " running " + workload + " gives at most " + max + " "
                + metric.json() + " per trial";
    }
}
