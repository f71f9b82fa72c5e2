package dev.vbench.bench.plan;

import dev.vbench.results.sequential.SequentialDesign;
import dev.vbench.results.stats.ReplicationUnit;
import java.util.List;
import java.util.Locale;

/**
 * How often each variant is measured: {@code boots} fresh boots of each variant (the unit of replication: boot-to-
 * boot noise enters the statistics only through them), {@code repetitions} of every workload on each boot, and
 * whether the run may stop early. With {@link Stopping#SEQUENTIAL} and two boots or more, the run looks at the claims
 * and the tested comparisons after every round of boots from the second and stops when the group-sequential design
 * has decided them; {@code boots} is then the most it takes.
 *
 * @param boots       boots of each variant, 1 to {@value #MAX_BOOTS}
 * @param repetitions repetitions of each workload on each boot, 1 to {@value #MAX_REPETITIONS}
 * @param stopping    sequential (stop when decided) or fixed (always every boot)
 */
public record Replication(int boots, int repetitions, Stopping stopping) {
    /** The most boots of one variant a plan may ask for. */
    public static final int MAX_BOOTS = 50;
    /** The most repetitions per boot a plan may ask for. */
    public static final int MAX_REPETITIONS = 1000;

    /** Whether a run may stop before its last boot. */
    public enum Stopping {
        /** Stop when the group-sequential design (O'Brien-Fleming, Lan-DeMets) has decided everything. */
        SEQUENTIAL,
        /** Always take every boot: a fixed design, decided once at the end. */
        FIXED;

        /** @return how a plan spells it */
        public String planName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<String> planNames() {
            return List.of(SEQUENTIAL.planName(), FIXED.planName());
        }
    }

    /** Checks the ranges; one boot is always a fixed design (there is nothing to look at before the end). */
    public Replication {
        InvalidSpecException.checkRange("boots", boots, 1, MAX_BOOTS);
        InvalidSpecException.checkRange("repetitions", repetitions, 1, MAX_REPETITIONS);
        java.util.Objects.requireNonNull(stopping, "stopping");
        if (boots == 1) {
            stopping = Stopping.FIXED;
        }
    }

    /** One boot, {@code n} repetitions: the replicates are the repetitions, and boot noise is not in the interval. */
    public static Replication oneBoot(int n) {
        return new Replication(1, n, Stopping.FIXED);
    }

    /** Whether the run looks at its data after each round of boots and may stop early. */
    public boolean sequential() {
        return stopping == Stopping.SEQUENTIAL;
    }

    /**
     * @return the design the run decides with: group-sequential with a look after each round of boots (the boot is
     *         the unit), or fixed
     */
    public SequentialDesign design() {
        return sequential() ? SequentialDesign.of(boots, ReplicationUnit.BOOT) : SequentialDesign.fixed();
    }

    /** Measurements of one workload on one variant at most. */
    public int perCell() {
        return boots * repetitions;
    }

    /** @return e.g. {@code 3 boots x 2 repetitions, stopping early once decided} */
    public String describe() {
        String counts = boots + (boots == 1 ? " boot x " : " boots x ") + repetitions
                + (repetitions == 1 ? " repetition" : " repetitions");
        if (boots == 1) {
            return counts;
        }
        return counts + (sequential() ? ", stopping early once decided (group-sequential, a look after each boot)"
                : ", every boot taken (fixed design)");
    }

    /** Reads the plan's {@code boots}, {@code repetitions} and {@code stopping} keys from the top level. */
    static Replication read(PlanNode top) {
        int boots = top.get("boots").map(n -> n.integer(1, MAX_BOOTS)).orElse(1);
        PlanNode reps = top.required("repetitions", "e.g. repetitions: 2 (per boot) with boots: 3");
        if (reps.isMap()) {
            throw reps.error("the adaptive form {min, max, target_ci_pct} was removed: stopping when the interval"
                    + " looks narrow doubles the false-positive rate; give a whole number of repetitions per boot and"
                    + " boots: N (the run stops early when it has decided, see README 'How the statistics decide')");
        }
        int repetitions = reps.integer(1, MAX_REPETITIONS);
        Stopping stopping = top.get("stopping")
                .map(n -> Stopping.valueOf(n.choice(Stopping.planNames()).toUpperCase(Locale.ROOT)))
                .orElse(Stopping.SEQUENTIAL);
        return new Replication(boots, repetitions, stopping);
    }
}
