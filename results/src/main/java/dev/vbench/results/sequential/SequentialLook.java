package dev.vbench.results.sequential;

import dev.vbench.results.Sample;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.Gain;
import dev.vbench.results.stats.RatioFamily;
import java.util.List;
import java.util.Optional;

/**
 * What one look of a {@link SequentialDesign} decided.
 *
 * @param look       this look, 1 to {@code looks}
 * @param looks      the design's maximum number of looks
 * @param hypotheses every claim and tested comparison, claims first, in their order
 */
public record SequentialLook(int look, int looks, List<Hypothesis> hypotheses) {

    /** Copies the list. */
    public SequentialLook {
        hypotheses = List.copyOf(hypotheses);
    }

    /**
     * One hypothesis at a look.
     *
     * @param id        the claim's id, or {@code candidate/workload/metric} for a comparison
     * @param claim     whether it is a claim (else a tested comparison with the baseline)
     * @param action    what to do about it
     * @param decision  its test at the look it was decided at, else at this look: p-values, the level Holm allotted
     *                  it and the nominal level tested at, the gain and its interval at that level (no p-value and
     *                  no interval while it cannot be tested)
     * @param decidedAt the look it was decided at (STOP_SUPPORTED or STOP_REFUTED), else 0
     */
    public record Hypothesis(String id, boolean claim, SequentialAction action, RatioFamily.Decision decision,
                             int decidedAt) {
        /** @return whether a boundary was crossed: final */
        public boolean decided() {
            return action == SequentialAction.STOP_SUPPORTED || action == SequentialAction.STOP_REFUTED;
        }

        /** @return its gain and the interval at the level it was tested at this look (or decided at) */
        public Gain gain() {
            return decision.gain();
        }
    }

    /** @return whether the run may stop: no hypothesis says CONTINUE */
    public boolean stop() {
        return hypotheses.stream().noneMatch(h -> h.action() == SequentialAction.CONTINUE);
    }

    /**
     * @return e.g. {@code look 2 of 3: 4 decided (3 supported, 1 refuted), 1 continues, 2 futile}; decided counts
     *         every hypothesis decided by this look, supported meaning better for a comparison, refuted worse
     */
    public String describe() {
        long supported = count(SequentialAction.STOP_SUPPORTED);
        long refuted = count(SequentialAction.STOP_REFUTED);
        long continuing = count(SequentialAction.CONTINUE);
        return "look " + look + " of " + looks + ": " + (supported + refuted) + " decided"
                + (supported + refuted == 0 ? "" : " (" + supported + " supported, " + refuted + " refuted)")
                + ", " + continuing + (continuing == 1 ? " continues" : " continue") + ", "
                + count(SequentialAction.STOP_FUTILE) + " futile";
    }

    /**
     * @param action an action
     * @return how many hypotheses are in that state at this look
     */
    public long count(SequentialAction action) {
        return hypotheses.stream().filter(h -> h.action() == action).count();
    }

    /**
     * @param candidate the candidate's cell of a tested comparison
     * @return the comparison's hypothesis id, {@code candidate/workload/metric}
     */
    public static String comparisonId(Cell candidate) {
        return candidate.variant() + "/" + candidate.workload() + "/" + candidate.metric();
    }

    /**
     * @param samples every sample of a run
     * @param look    a look
     * @return the samples that look sees: those of boots 1 to {@code look}
     */
    public static List<Sample> seen(List<Sample> samples, int look) {
        return samples.stream().filter(s -> s.boot() <= look).toList();
    }

    /**
     * @param id a hypothesis id
     * @param claim whether it is a claim
     * @return its state at this look
     */
    public Optional<Hypothesis> find(String id, boolean claim) {
        return hypotheses.stream().filter(h -> h.id().equals(id) && h.claim() == claim).findFirst();
    }
}
