package dev.vbench.bench.run;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The order of a run's work, derived only from the run's seed, so that a resumed run keeps it: in each round of
 * boots the variants are visited in a fresh shuffle, and on each visit every repetition runs the workloads in a
 * fresh shuffle. So drift on the host, or one workload warming the next, does not masquerade as a difference between
 * variants.
 */
public final class RoundSchedule {
    private final long seed;

    public RoundSchedule(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The variants of round {@code boot} (1-based) in visiting order. */
    public List<String> visits(int boot, List<String> variants) {
        return shuffled(variants, mix(0x9E3779B97F4A7C15L * boot));
    }

    /** The workloads of repetition {@code rep} on boot {@code boot} of {@code variant}, in running order. */
    public <T> List<T> workloads(String variant, int boot, int rep, List<T> workloads) {
        long key = 0xC2B2AE3D27D4EB4FL * boot + 0x165667B19E3779F9L * rep;
        for (byte b : variant.getBytes(StandardCharsets.UTF_8)) {
            key = key * 31 + b;
        }
        return shuffled(workloads, mix(key ^ 0x27D4EB2F165667C5L));
    }

    private long mix(long key) {
        return new SplittableRandom(seed).split().nextLong() ^ key;
    }

    private static <T> List<T> shuffled(List<T> items, long key) {
        List<T> order = new ArrayList<>(items);
        Collections.shuffle(order, new Random(key));
        return List.copyOf(order);
    }
}
