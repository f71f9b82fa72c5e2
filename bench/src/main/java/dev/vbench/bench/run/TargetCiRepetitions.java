package dev.vbench.bench.run;

import dev.vbench.results.stats.AdaptiveRepetitions;
import java.util.List;

/**
 * Adaptive repetitions: {@code min} per cell, then more while the 95% confidence interval of the primary metric's
 * mean is wider than {@code targetCiPct} percent of the mean (see {@link AdaptiveRepetitions}), {@code max} at most.
 */
public record TargetCiRepetitions(int min, int max, double targetCiPct) implements RepetitionPolicy {

    @Override
    public boolean wantsRepetition(int rep, List<Double> primary) {
        if (rep <= min) {
            return true;
        }
        return rep <= max && AdaptiveRepetitions.needsMore(primary, min, max, targetCiPct);
    }

    @Override
    public int minRepetitions() {
        return min;
    }

    @Override
    public int maxRepetitions() {
        return max;
    }
}
