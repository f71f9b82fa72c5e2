package dev.vbench.results.claims;

import dev.vbench.results.DecimalText;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.sequential.SequentialLook;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.DecisionLevels;
import dev.vbench.results.stats.Gain;
import dev.vbench.results.stats.RatioFamily;
import dev.vbench.results.stats.RatioTest;
import dev.vbench.results.stats.SampleSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a run's claims as one family. Each claim is the two-sided test of gain = min_gain dual to Fieller's
 * interval ({@link RatioTest}: t = (a - g0 b) / sqrt(va + g0² vb), Welch-Satterthwaite df), whose halves are the
 * one-sided tests of gain &gt; min_gain (SUPPORTED) and gain &lt; min_gain (REFUTED); Holm's step-down procedure
 * ({@link RatioFamily}) runs over the claims at {@value #ALPHA} family-wise. So a claim at its boundary is wrongly
 * SUPPORTED with probability at most 2.5%, and some claim of the run with probability at most 5%. The interval beside
 * each claim is drawn at the level it was decided at: SUPPORTED exactly when it lies wholly above min_gain, REFUTED
 * wholly below, INCONCLUSIVE when it contains min_gain or the data to decide are missing or too few (fewer than 2
 * replicates a side). Every INCONCLUSIVE claim with data says how many boots x repetitions would decide it. Under a
 * group-sequential design the looks decide instead ({@link #evaluate(List, List, List, SequentialLook)}); either way
 * one method turns a {@link RatioFamily.Decision} into the result.
 */
public final class ClaimEvaluator {
    /** Family-wise two-sided level of the claims. */
    public static final double ALPHA = 0.05;

    private ClaimEvaluator() {
    }

    /**
     * Evaluates claims as one family, in their order, in a fixed design.
     *
     * @param claims   the claims
     * @param cells    all cells of the run
     * @param failures variants that failed, named in the reason when a claim lacks their data
     * @return one result per claim
     */
    public static List<ClaimResult> evaluate(List<Claim> claims, List<Cell> cells, List<VariantFailure> failures) {
        List<ClaimResult> results = new ArrayList<>();
        List<Integer> testedAt = new ArrayList<>();
        List<RatioTest> tests = new ArrayList<>();
        List<Cell[]> pairs = new ArrayList<>();
        for (Claim claim : claims) {
            Checked checked = check(claim, cells, failures);
            results.add(checked.early());
            if (checked.early() == null) {
                testedAt.add(results.size() - 1);
                pairs.add(checked.pair());
                tests.add(RatioTest.of(checked.pair()[0].replicates(), checked.pair()[1].replicates(),
                        checked.pair()[1].direction()));
            }
        }
        double[] g0 = testedAt.stream().mapToDouble(i -> claims.get(i).minGain()).toArray();
        List<RatioFamily.Decision> decisions = RatioFamily.decide(tests, g0, ALPHA, DecisionLevels.FIXED);
        String how = "decided with " + family(tests.size()) + " by Holm's procedure";
        for (int j = 0; j < testedAt.size(); j++) {
            Claim claim = claims.get(testedAt.get(j));
            results.set(testedAt.get(j), result(claim, decisions.get(j), pairs.get(j), how));
        }
        return results;
    }

    /**
     * The claims as the looks of a group-sequential design decided them ({@link
     * dev.vbench.results.sequential.SequentialDesign#replay}): SUPPORTED or REFUTED where a look crossed a boundary,
     * with the gain and interval of that look; else INCONCLUSIVE with those of the last look.
     *
     * @param claims   the claims
     * @param cells    the cells the last look saw
     * @param failures variants that failed, named in the reason when a claim lacks their data
     * @param last     the last look taken
     * @return one result per claim
     */
    public static List<ClaimResult> evaluate(List<Claim> claims, List<Cell> cells, List<VariantFailure> failures,
                                             SequentialLook last) {
        List<ClaimResult> results = new ArrayList<>();
        for (Claim claim : claims) {
            Checked checked = check(claim, cells, failures);
            SequentialLook.Hypothesis h = last.find(claim.id(), true).orElseThrow(() -> new IllegalArgumentException(
                    "look " + last.look() + " did not test claim " + claim.id()));
            if (checked.early() != null) {
                results.add(checked.early());
            } else if (Double.isNaN(h.decision().p())) {
                Cell few = checked.pair()[checked.pair()[0].bootCount() < 2 ? 0 : 1];
                Gain gain = RatioTest.of(checked.pair()[0].replicates(), checked.pair()[1].replicates(),
                        checked.pair()[1].direction()).interval(1 - ALPHA);
                results.add(inconclusive(claim, new Gain(gain.value(), Double.NaN, Double.NaN, Double.NaN,
                        "fewer than 2 boots a side"), few.variant() + " has " + few.bootCount() + " boot"
                        + (few.bootCount() == 1 ? "" : "s") + "; the sequential design needs at least 2 per side"));
            } else {
                int at = h.decided() ? h.decidedAt() : last.look();
                results.add(result(claim, h.decision(), checked.pair(), (h.decided() ? "" : "undecided at ")
                        + "look " + at + " of " + last.looks() + ", O'Brien-Fleming; " + family(claims.size())
                        + " by Holm's procedure"));
            }
        }
        return results;
    }

    /**
     * Evaluates one claim, a family of one.
     *
     * @param claim    the claim
     * @param cells    all cells of the run
     * @param failures variants that failed
     * @return its result
     */
    public static ClaimResult evaluate(Claim claim, List<Cell> cells, List<VariantFailure> failures) {
        return evaluate(List.of(claim), cells, failures).get(0);
    }

    /** An INCONCLUSIVE result when a claim cannot be tested, else its two cells (baseline, candidate). */
    private record Checked(ClaimResult early, Cell[] pair) {
    }

    private static Checked check(Claim claim, List<Cell> cells, List<VariantFailure> failures) {
        Optional<Cell> base = Cell.find(cells, claim.baseline(), claim.workload(), claim.metric());
        Optional<Cell> candidate = Cell.find(cells, claim.candidate(), claim.workload(), claim.metric());
        for (String variant : List.of(claim.baseline(), claim.candidate())) {
            Optional<Cell> cell = variant.equals(claim.baseline()) ? base : candidate;
            if (cell.isEmpty()) {
                String why = failures.stream().filter(f -> f.variant().equals(variant)).findFirst()
                        .map(f -> "variant " + variant + " failed: " + f.reason())
                        .orElse("no samples for " + variant + " / " + claim.workload() + " / " + claim.metric());
                return new Checked(inconclusive(claim, Gain.missing("no samples"), why), null);
            }
        }
        Cell b = base.orElseThrow();
        Cell c = candidate.orElseThrow();
        if (!b.unit().equals(c.unit())) {
            return new Checked(inconclusive(claim, Gain.missing("no samples"), "the baseline is in " + b.unit()
                    + " but the candidate in " + c.unit()), null);
        }
        RatioTest test = RatioTest.of(b.replicates(), c.replicates(), c.direction());
        Gain gain = test.interval(1 - ALPHA);
        for (Cell cell : List.of(b, c)) {
            int n = cell.replicates().n();
            if (n < 2) {
                return new Checked(inconclusive(claim, gain, cell.variant() + " has " + n + " "
                        + cell.replicates().unit().json() + "; at least 2 per side are needed"), null);
            }
        }
        if (!test.problem().isEmpty()) {
            return new Checked(inconclusive(claim, gain, "no interval for the gain: " + test.problem()), null);
        }
        return new Checked(null, new Cell[] {b, c});
    }

    private static String family(int size) {
        return size + (size == 1 ? " claim" : " claims");
    }

    /** The result of a tested claim from its decision; {@code how} says in words how it was decided. */
    private static ClaimResult result(Claim claim, RatioFamily.Decision d, Cell[] pair, String how) {
        Gain gain = d.gain();
        String min = "the claimed minimum " + number(claim.minGain());
        String level = " (" + how + ")";
        if (!gain.hasInterval()) {
            return new ClaimResult(claim, ClaimVerdict.INCONCLUSIVE, gain, "gain " + number(gain.value()) + "x, no "
                    + percent(gain.confidence()) + " interval: " + gain.note(), d.p(), d.pHolm(),
                    SampleSize.toDecide(pair[0], pair[1], claim.minGain(), d.nominal()).text(), null);
        }
        String interval = "gain " + number(gain.value()) + "x, " + percent(gain.confidence()) + " interval ["
                + number(gain.low()) + ", " + number(gain.high()) + "]";
        return switch (d.call()) {
            case ABOVE -> new ClaimResult(claim, ClaimVerdict.SUPPORTED, gain,
                    interval + " is above " + min + level, d.p(), d.pHolm(), "", null);
            case BELOW -> new ClaimResult(claim, ClaimVerdict.REFUTED, gain,
                    interval + " is below " + min + level, d.p(), d.pHolm(), "", null);
            case NONE -> new ClaimResult(claim, ClaimVerdict.INCONCLUSIVE, gain, interval + " contains " + min + level,
                    d.p(), d.pHolm(), SampleSize.toDecide(pair[0], pair[1], claim.minGain(), d.nominal()).text(),
                    null);
        };
    }

    private static ClaimResult inconclusive(Claim claim, Gain gain, String reason) {
        return new ClaimResult(claim, ClaimVerdict.INCONCLUSIVE, gain, reason);
    }

    private static String number(double value) {
        return Double.isFinite(value) ? DecimalText.significant(value, 3) : "n/a";
    }

    /** @return e.g. {@code 98.33%} */
    static String percent(double confidence) {
        return DecimalText.significant(100 * confidence, 4) + "%";
    }
}
