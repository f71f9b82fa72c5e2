package dev.vbench.results;

import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.sequential.DesignOutcome;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.Comparison;
import dev.vbench.results.stats.NativeCeiling;
import java.util.List;

/**
 * Everything an analysis computed, before it is written.
 *
 * @param baseline    the baseline variant
 * @param cells       statistics per (variant, workload, metric), sorted
 * @param comparisons every other variant against the baseline, sorted like the cells
 * @param claims      claim verdicts in claims-file order
 * @param context     environment, failures and status of the run
 * @param design      the design the verdicts were decided by and the looks it took
 * @param ceiling     each variant's tested metrics and efficiencies as a share of the host's own ceiling; empty
 *                    when the run did not measure it
 */
public record AnalysisResult(String baseline, List<Cell> cells, List<Comparison> comparisons,
                             List<ClaimResult> claims, RunContext context, DesignOutcome design,
                             List<NativeCeiling.Share> ceiling) {

    /** Copies the lists. */
    public AnalysisResult {
        cells = List.copyOf(cells);
        comparisons = List.copyOf(comparisons);
        claims = List.copyOf(claims);
        ceiling = List.copyOf(ceiling);
    }

    /**
     * @return SOME_REFUTED if any claim is refuted, else SOME_INCONCLUSIVE if any is inconclusive, else
     *         ALL_SUPPORTED
     */
    public AnalysisOutcome outcome() {
        if (claims.stream().anyMatch(c -> c.verdict() == ClaimVerdict.REFUTED)) {
            return AnalysisOutcome.SOME_REFUTED;
        }
        if (claims.stream().anyMatch(c -> c.verdict() == ClaimVerdict.INCONCLUSIVE)) {
            return AnalysisOutcome.SOME_INCONCLUSIVE;
        }
        return AnalysisOutcome.ALL_SUPPORTED;
    }
}
