package dev.vbench.results.stats;

/**
 * The two-sided nominal significance level at which a hypothesis allotted {@code alpha} by Holm's procedure is
 * tested at the current look: {@code alpha} itself for a fixed design ({@link #FIXED}); the level of the current
 * look's boundary for a group-sequential one
 * ({@link dev.vbench.results.sequential.SequentialDesign#levelsAt}). Every interval beside a verdict is drawn at
 * confidence 1 - this level.
 */
@FunctionalInterface
public interface DecisionLevels {
    /** A fixed design: one look, at the allotted level. */
    DecisionLevels FIXED = alpha -> alpha;

    /**
     * @param alpha the two-sided level Holm allots, e.g. 0.05 / 3
     * @return the two-sided nominal level to test at now, at most {@code alpha}
     */
    double nominal(double alpha);
}
