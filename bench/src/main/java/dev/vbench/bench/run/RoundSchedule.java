package dev.vbench.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The order in which variants are measured in each round: a fresh shuffle per round, derived only from the run's
 * seed and the round number, so a resumed run measures in the same order and drift on the host does not
 * masquerade as a difference between variants.
 */
public final class RoundSchedule {
    private final long seed;

    public RoundSchedule(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The variants of round {@code round} (1-based) in measuring order. */
    public List<String> order(int round, List<String> variants) {
        List<String> order = new ArrayList<>(variants);
        long roundSeed = new SplittableRandom(seed).split().nextLong() ^ (0x9E3779B97F4A7C15L * round);
        Collections.shuffle(order, new Random(roundSeed));
        return List.copyOf(order);
    }
}
