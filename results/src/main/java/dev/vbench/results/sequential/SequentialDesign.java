package dev.vbench.results.sequential;

import dev.vbench.results.Sample;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.sequential.SequentialLook.Hypothesis;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.Comparisons;
import dev.vbench.results.stats.DecisionLevels;
import dev.vbench.results.stats.Gain;
import dev.vbench.results.stats.RatioFamily;
import dev.vbench.results.stats.RatioTest;
import dev.vbench.results.stats.ReplicationUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A group-sequential design that keeps its error rates under optional stopping: up to {@code looks} looks, one per
 * round of the design's unit (a boot of every variant, or a repetition on one boot), each deciding the run's claims
 * and its tested comparisons (one metric per workload, {@link Comparisons#testedMetrics}) against the boundaries of
 * Lan-DeMets alpha spending with the O'Brien-Fleming-type function ({@link SpendingBoundaries}).
 *
 * <p>Within each family (the claims; the comparisons) Holm's procedure shares {@link #ALPHA} as in a fixed design
 * ({@link RatioFamily}), and a rejection releases its share to the others at the same and later looks (Maurer and
 * Bretz 2013): a hypothesis allotted alpha' is tested at look k at the nominal two-sided level 2 (1 - Phi(c_k)) of the
 * boundary for alpha', its t statistic on its own df (the significance-level approach, Jennison and Turnbull 2000,
 * 3.x). Crossing is final. A hypothesis not crossed is futile when the conditional power under its current trend
 * to cross at the last look is below {@code futilityPower} (non-binding: it is tested again while the run goes on).
 * A hypothesis is decided only when both sides have at least 2 replicates of the design's unit; so a boot design
 * decides nothing on its first boot, whose repetitions do not carry boot-to-boot noise; one with a side that has no
 * data at all (a failed variant) is futile, so that it does not hold the run to its last look. Information fractions
 * are the planned k / K.
 *
 * @param looks         the maximum number of looks K, 1 (a fixed design) to {@value #MAX_LOOKS}
 * @param unit          what a look adds a round of
 * @param futilityPower conditional power below which an undecided hypothesis is futile, in [0, 1)
 */
public record SequentialDesign(int looks, ReplicationUnit unit, double futilityPower) {
    /** Family-wise two-sided level of each family. */
    public static final double ALPHA = 0.05;
    /** The default futility threshold. */
    public static final double FUTILITY_POWER = 0.10;
    /** The most looks a design may have. */
    public static final int MAX_LOOKS = 50;

    /** Checks the ranges above. */
    public SequentialDesign {
        if (looks < 1 || looks > MAX_LOOKS) {
            throw new IllegalArgumentException("looks must be 1.." + MAX_LOOKS + ", got " + looks);
        }
        if (!(futilityPower >= 0 && futilityPower < 1)) {
            throw new IllegalArgumentException("futilityPower must be in [0, 1), got " + futilityPower);
        }
    }

    /**
     * @param looks the maximum number of looks
     * @param unit  what a look adds a round of
     * @return the design with the default futility threshold
     */
    public static SequentialDesign of(int looks, ReplicationUnit unit) {
        return new SequentialDesign(looks, unit, FUTILITY_POWER);
    }

    /**
     * A fixed design: one look at all the data (the levels of {@link DecisionLevels#FIXED}).
     *
     * @return the design of one look
     */
    public static SequentialDesign fixed() {
        return of(1, ReplicationUnit.BOOT);
    }

    /** @return whether the design takes more than one look */
    public boolean sequential() {
        return looks > 1;
    }

    /**
     * The looks a run took: look k sees the samples of boots 1..k (k = 1 .. min(looks, the largest boot in
     * samples)); each look decided from the previous one (crossing is final). A run driven by this design calls it
     * after each boot round and stops when the last look says {@link SequentialLook#stop()}; the analysis calls it
     * again on results.csv and so reproduces the decisions the run took.
     *
     * @param baseline the baseline variant
     * @param claims   the run's claims
     * @param samples  every sample so far
     * @return the looks, in order; empty for a fixed design
     * @throws IllegalStateException when the design's unit is not the boot
     */
    public List<SequentialLook> replay(String baseline, List<Claim> claims, List<Sample> samples) {
        return replay(baseline, claims, samples, UnaryOperator.identity());
    }

    /**
     * {@link #replay} with each look's cells taken without their outliers ({@link Cell#withoutOutliers}), to tell
     * where outliers changed a decision.
     *
     * @param baseline the baseline variant
     * @param claims   the run's claims
     * @param samples  every sample so far
     * @return the looks, in order; empty for a fixed design
     */
    public List<SequentialLook> replayWithoutOutliers(String baseline, List<Claim> claims, List<Sample> samples) {
        return replay(baseline, claims, samples, Cell::withoutOutliers);
    }

    private List<SequentialLook> replay(String baseline, List<Claim> claims, List<Sample> samples,
                                        UnaryOperator<Cell> prepare) {
        if (!sequential()) {
            return List.of();
        }
        if (unit != ReplicationUnit.BOOT) {
            throw new IllegalStateException("a replay takes one look per boot round; this design's unit is "
                    + unit.json());
        }
        int last = Math.min(looks, samples.stream().mapToInt(Sample::boot).max().orElse(0));
        List<SequentialLook> taken = new ArrayList<>();
        SequentialLook previous = null;
        for (int k = 1; k <= last; k++) {
            List<Cell> cells = Cell.group(SequentialLook.seen(samples, k)).stream().map(prepare).toList();
            previous = decide(k, baseline, claims, cells, previous);
            taken.add(previous);
        }
        return taken;
    }

    /**
     * @param alpha a two-sided level
     * @return the boundaries c_1 .. c_K on the standard normal scale for it
     */
    public double[] boundaries(double alpha) {
        return SpendingBoundaries.obrienFleming(looks, alpha);
    }

    /**
     * @param look a look, 1 to {@link #looks()}
     * @return the levels hypotheses are tested at, at that look
     */
    public DecisionLevels levelsAt(int look) {
        if (look < 1 || look > looks) {
            throw new IllegalArgumentException("look must be 1.." + looks + ", got " + look);
        }
        return alpha -> 2 * SpendingBoundaries.upper(SpendingBoundaries.obrienFleming(looks, alpha)[look - 1]);
    }

    /**
     * Decides the claims and tested comparisons at one look.
     *
     * @param look     this look, 1 to {@link #looks()}
     * @param baseline the baseline variant
     * @param claims   the run's claims
     * @param cells    every cell measured so far
     * @param previous the previous look's result, or {@code null} at the first
     * @return what to do about each hypothesis
     */
    public SequentialLook decide(int look, String baseline, List<Claim> claims, List<Cell> cells,
                                 SequentialLook previous) {
        DecisionLevels levels = levelsAt(look);
        List<Candidate> claimFamily = new ArrayList<>();
        for (Claim c : claims) {
            claimFamily.add(candidate(c.id(), c.minGain(), Cell.find(cells, c.baseline(), c.workload(), c.metric()),
                    Cell.find(cells, c.candidate(), c.workload(), c.metric())));
        }
        List<Candidate> comparisonFamily = new ArrayList<>();
        Map<String, Optional<String>> tested = Comparisons.testedMetrics(cells);
        for (Cell cell : cells) {
            if (!cell.variant().equals(baseline) && tested.get(cell.workload()).orElse("").equals(cell.metric())) {
                comparisonFamily.add(candidate(SequentialLook.comparisonId(cell), 1,
                        Cell.find(cells, baseline, cell.workload(), cell.metric()), Optional.of(cell)));
            }
        }
        List<Hypothesis> out = new ArrayList<>(family(look, levels, claimFamily, previous, true));
        out.addAll(family(look, levels, comparisonFamily, previous, false));
        return new SequentialLook(look, looks, out);
    }

    /**
     * A hypothesis and its test at this look ({@code null} while it cannot be tested); {@code missing} when a side
     * has no data at all (a failed variant).
     */
    private record Candidate(String id, double g0, RatioTest test, boolean missing) {
    }

    private Candidate candidate(String id, double g0, Optional<Cell> base, Optional<Cell> cand) {
        if (base.isEmpty() || cand.isEmpty() || !base.get().unit().equals(cand.get().unit())) {
            return new Candidate(id, g0, null, base.isEmpty() || cand.isEmpty());
        }
        RatioTest test = RatioTest.of(base.get().replicates(), cand.get().replicates(), cand.get().direction());
        boolean ready = test.problem().isEmpty() && test.numerator().unit() == unit
                && test.denominator().unit() == unit;
        return new Candidate(id, g0, ready ? test : null, false);
    }

    private List<Hypothesis> family(int look, DecisionLevels levels, List<Candidate> all, SequentialLook previous,
                                    boolean claim) {
        List<Optional<Hypothesis>> decidedBefore = all.stream().map(c -> previous == null ? Optional.<Hypothesis>empty()
                : previous.find(c.id(), claim).filter(Hypothesis::decided)).toList();
        List<RatioTest> tests = new ArrayList<>();
        List<Double> g0 = new ArrayList<>();
        int open = 0;
        for (int i = 0; i < all.size(); i++) {
            if (decidedBefore.get(i).isEmpty()) {
                open++;
                if (all.get(i).test() != null) {
                    tests.add(all.get(i).test());
                    g0.add(all.get(i).g0());
                }
            }
        }
        List<RatioFamily.Decision> decisions = RatioFamily.decide(tests, g0.stream().mapToDouble(d -> d).toArray(),
                ALPHA, levels, open);
        List<Hypothesis> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < all.size(); i++) {
            Candidate c = all.get(i);
            if (decidedBefore.get(i).isPresent()) {
                out.add(decidedBefore.get(i).get());
            } else if (c.test() == null) {
                out.add(new Hypothesis(c.id(), claim, look == looks || c.missing() ? SequentialAction.STOP_FUTILE
                        : SequentialAction.CONTINUE, new RatioFamily.Decision(RatioFamily.Call.NONE,
                        Gain.missing("not enough replicates yet"), Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                        0));
            } else {
                RatioFamily.Decision d = decisions.get(next++);
                out.add(switch (d.call()) {
                    case ABOVE -> new Hypothesis(c.id(), claim, SequentialAction.STOP_SUPPORTED, d, look);
                    case BELOW -> new Hypothesis(c.id(), claim, SequentialAction.STOP_REFUTED, d, look);
                    case NONE -> new Hypothesis(c.id(), claim, futile(look, c, d.alpha())
                            ? SequentialAction.STOP_FUTILE : SequentialAction.CONTINUE, d, 0);
                });
            }
        }
        return out;
    }

    /**
     * Whether an undecided hypothesis is futile: at the last look always; before, when the probability of crossing
     * the last look's boundary, if the gain goes on as estimated (the B-value's drift z / sqrt(t)), is below
     * {@link #futilityPower()}: 1 - Phi((c_K - z / sqrt(t)) / sqrt(1 - t)), z the one-sided p-value toward the
     * estimate on the normal scale.
     */
    private boolean futile(int look, Candidate c, double allotted) {
        if (look >= looks) {
            return true;
        }
        double t = look / (double) looks;
        double p = Math.min(c.test().pAbove(c.g0()), c.test().pBelow(c.g0()));
        double z = SpendingBoundaries.inverseUpper(p);
        double last = SpendingBoundaries.obrienFleming(looks, allotted)[looks - 1];
        return SpendingBoundaries.upper((last - z / Math.sqrt(t)) / Math.sqrt(1 - t)) < futilityPower;
    }
}
