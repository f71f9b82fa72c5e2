package dev.vbench.results.durability;

import dev.vbench.results.claims.DurabilityClaim;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The durability half of a run: one {@link DurabilityCell} per (variant, workload) that had trials, in the order
 * their first trial appears, and every durability claim decided.
 *
 * @param cells  per (variant, workload)
 * @param claims the verdicts, in claim order
 */
public record DurabilitySummary(List<DurabilityCell> cells, List<DurabilityVerdict> claims) {

    /** Copies the lists. */
    public DurabilitySummary {
        cells = List.copyOf(cells);
        claims = List.copyOf(claims);
    }

    /**
     * @param trials    every crash trial of the run
     * @param writeIops write IOPS by variant name; variants without a measurement are absent
     * @param claims    the durability claims
     */
    public static DurabilitySummary of(List<DurabilityTrial> trials, Map<String, Double> writeIops,
            List<DurabilityClaim> claims) {
        Set<List<String>> keys = new LinkedHashSet<>();
        trials.forEach(t -> keys.add(List.of(t.variant(), t.workload())));
        List<DurabilityCell> cells = new ArrayList<>();
        for (List<String> k : keys) {
            cells.add(DurabilityCell.of(k.get(0), k.get(1), trials, writeIops.get(k.get(0))));
        }
        return new DurabilitySummary(cells, claims.stream().map(c -> DurabilityVerdict.decide(c, trials)).toList());
    }
}
