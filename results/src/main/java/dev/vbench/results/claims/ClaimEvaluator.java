package dev.vbench.results.claims;

import dev.vbench.results.DecimalText;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.FiellerGain;
import dev.vbench.results.stats.Gain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides claims from cells: SUPPORTED when the lower bound of the gain's 95% interval is at least the claimed
 * minimum gain, REFUTED when the upper bound is below it, INCONCLUSIVE otherwise and whenever the samples to
 * decide are missing or too few (n &lt; 2).
 */
public final class ClaimEvaluator {
    private ClaimEvaluator() {
    }

    /**
     * Evaluates claims in their order.
     *
     * @param claims   the claims
     * @param cells    all cells of the run
     * @param failures variants that failed, named in the reason when a claim lacks their data
     * @return one result per claim
     */
    public static List<ClaimResult> evaluate(List<Claim> claims, List<Cell> cells, List<VariantFailure> failures) {
        List<ClaimResult> results = new ArrayList<>();
        for (Claim claim : claims) {
            results.add(evaluate(claim, cells, failures));
        }
        return results;
    }

    /**
     * Evaluates one claim.
     *
     * @param claim    the claim
     * @param cells    all cells of the run
     * @param failures variants that failed
     * @return its result
     */
    public static ClaimResult evaluate(Claim claim, List<Cell> cells, List<VariantFailure> failures) {
        Gain none = new Gain(Double.NaN, Double.NaN, Double.NaN, "no samples");
        Optional<Cell> base = find(cells, claim.baseline(), claim);
        Optional<Cell> candidate = find(cells, claim.candidate(), claim);
        for (String variant : List.of(claim.baseline(), claim.candidate())) {
            Optional<Cell> cell = variant.equals(claim.baseline()) ? base : candidate;
            if (cell.isEmpty()) {
                String why = failures.stream().filter(f -> f.variant().equals(variant)).findFirst()
                        .map(f -> "variant " + variant + " failed: " + f.reason())
                        .orElse("no samples for " + variant + " / " + claim.workload() + " / " + claim.metric());
                return inconclusive(claim, none, why);
            }
        }
        Cell b = base.orElseThrow();
        Cell c = candidate.orElseThrow();
        if (!b.unit().equals(c.unit())) {
            return inconclusive(claim, none, "the baseline is in " + b.unit() + " but the candidate in " + c.unit());
        }
        Gain gain = FiellerGain.estimate(b.valueArray(), c.valueArray(), c.direction());
        for (Cell cell : List.of(b, c)) {
            if (cell.stats().n() < 2) {
                return inconclusive(claim, gain, cell.variant() + " has n = " + cell.stats().n()
                        + " sample; at least 2 per side are needed");
            }
        }
        if (!gain.hasInterval()) {
            return inconclusive(claim, gain, "no interval for the gain: " + gain.note());
        }
        String interval = "95% interval [" + number(gain.ci95Low()) + ", " + number(gain.ci95High()) + "]";
        String min = "the claimed minimum " + number(claim.minGain());
        if (gain.ci95Low() >= claim.minGain()) {
            return new ClaimResult(claim, ClaimVerdict.SUPPORTED, gain,
                    "gain " + number(gain.value()) + "x, " + interval + " is at or above " + min);
        }
        if (gain.ci95High() < claim.minGain()) {
            return new ClaimResult(claim, ClaimVerdict.REFUTED, gain,
                    "gain " + number(gain.value()) + "x, " + interval + " is below " + min);
        }
        return inconclusive(claim, gain, "gain " + number(gain.value()) + "x, " + interval + " contains " + min
                + "; more repetitions may decide");
    }

    private static ClaimResult inconclusive(Claim claim, Gain gain, String reason) {
        return new ClaimResult(claim, ClaimVerdict.INCONCLUSIVE, gain, reason);
    }

    private static Optional<Cell> find(List<Cell> cells, String variant, Claim claim) {
        return cells.stream().filter(c -> c.variant().equals(variant) && c.workload().equals(claim.workload())
                && c.metric().equals(claim.metric())).findFirst();
    }

    private static String number(double value) {
        return DecimalText.significant(value, 3);
    }
}
