package dev.vbench.bench.run;

import java.util.List;

/** Exactly {@code count} repetitions per cell, whatever they measure. */
public record FixedRepetitions(int count) implements RepetitionPolicy {

    @Override
    public boolean wantsRepetition(int rep, List<Double> primary) {
        return rep <= count;
    }

    @Override
    public int minRepetitions() {
        return count;
    }

    @Override
    public int maxRepetitions() {
        return count;
    }
}
