package dev.vbench.bench.run;

import dev.vbench.bench.plan.Repetitions;
import java.util.List;

/**
 * How many repetitions a cell (one workload on one variant) gets. The driver asks before each repetition it has
 * not measured yet; the rounds end when no cell wants another one, after {@link #maxRepetitions()} at most.
 */
public interface RepetitionPolicy {

    /**
     * Whether a cell should be measured at repetition {@code rep}.
     *
     * @param rep     1-based repetition the cell does not have yet
     * @param primary the cell's primary metric (its first one that {@code MetricCatalog.isPrimary}), one value per
     *                ok repetition so far, in measuring order
     * @return true to measure it
     */
    boolean wantsRepetition(int rep, List<Double> primary);

    /** Repetitions every cell gets: the rounds always go this far, and progress counts on them. */
    int minRepetitions();

    /** Repetitions no cell exceeds: the last round. */
    int maxRepetitions();

    /** The policy a plan's {@code repetitions:} asks for: adaptive with a {@code target_ci_pct}, else fixed. */
    static RepetitionPolicy of(Repetitions repetitions) {
        return repetitions.adaptive()
                ? new TargetCiRepetitions(repetitions.min(), repetitions.max(), repetitions.targetCiPct())
                : new FixedRepetitions(repetitions.min());
    }
}
