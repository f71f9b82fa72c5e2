package dev.vbench.results.sequential;

import dev.vbench.results.stats.Gain;
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
     * @param gain      its gain and the interval at the level it was tested at this look (or decided at)
     * @param decidedAt the look it was decided at (STOP_SUPPORTED or STOP_REFUTED), else 0
     */
    public record Hypothesis(String id, boolean claim, SequentialAction action, Gain gain, int decidedAt) {
        /** @return whether a boundary was crossed: final */
        public boolean decided() {
            return action == SequentialAction.STOP_SUPPORTED || action == SequentialAction.STOP_REFUTED;
        }
    }

    /** @return whether the run may stop: no hypothesis says CONTINUE */
    public boolean stop() {
        return hypotheses.stream().noneMatch(h -> h.action() == SequentialAction.CONTINUE);
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
