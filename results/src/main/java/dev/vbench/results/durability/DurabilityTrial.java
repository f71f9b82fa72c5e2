package dev.vbench.results.durability;

import java.util.Objects;

/**
 * One crash trial of a variant running a durability workload: its check, or why it yielded none (the variant's
 * cache mode refused for a network disk, the writer failed before the crash, ...).
 *
 * @param variant  the variant crashed
 * @param workload the durability workload
 * @param number   the trial's number within its (variant, workload), from 1
 * @param check    what the host found afterwards, {@code null} for a failed trial
 * @param failure  why the trial yielded no check, {@code null} for a valid trial
 */
public record DurabilityTrial(String variant, String workload, int number, TrialCheck check, String failure) {

    /** Checks that exactly one of check and failure is given. */
    public DurabilityTrial {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(workload, "workload");
        if ((check == null) == (failure == null)) {
            throw new IllegalArgumentException("a trial has a check or a failure, not both nor neither");
        }
    }

    /** A trial that was crashed and checked. */
    public static DurabilityTrial valid(String variant, String workload, int number, TrialCheck check) {
        return new DurabilityTrial(variant, workload, number, Objects.requireNonNull(check, "check"), null);
    }

    /** A trial that yielded no check, and why. */
    public static DurabilityTrial failed(String variant, String workload, int number, String failure) {
        return new DurabilityTrial(variant, workload, number, null, Objects.requireNonNull(failure, "failure"));
    }

    /** Whether the trial was crashed and checked. */
    public boolean isValid() {
        return check != null;
    }

    /** Whether this trial is of {@code variant} running {@code workload}. */
    public boolean of(String variantName, String workloadName) {
        return variant.equals(variantName) && workload.equals(workloadName);
    }
}
