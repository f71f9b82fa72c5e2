package dev.vbench.results.report;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.vbench.results.sequential.DesignOutcome;
import dev.vbench.results.sequential.SequentialAction;
import dev.vbench.results.sequential.SequentialDesign;
import dev.vbench.results.sequential.SequentialLook;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The design object of summary.json: how the verdicts were decided and, for a group-sequential design, the looks the
 * run took. Fields that do not apply to a fixed design are {@code null}.
 *
 * @param kind          {@code fixed} or {@code group-sequential}
 * @param spending      the alpha-spending function
 * @param unit          what each look adds a round of
 * @param maxLooks      the design's maximum number of looks
 * @param zBoundaries   the boundaries c_1 .. c_K on the standard normal scale at {@link SequentialDesign#ALPHA}
 * @param futilityPower the conditional power below which an undecided hypothesis is futile
 * @param looksTaken    the number of looks the run took
 * @param stoppedEarly  whether the run stopped before its last look because nothing was left to decide
 * @param looks         each look taken
 */
record DesignJson(String kind, String spending, String unit, int maxLooks,
                  @JsonSerialize(contentUsing = SummaryJson.Statistic.class) List<Double> zBoundaries,
                  @JsonSerialize(using = SummaryJson.Exact.class) Double futilityPower, Integer looksTaken,
                  boolean stoppedEarly, List<LookJson> looks) {

    /** What the design's spending function is called. */
    static final String SPENDING = "O'Brien-Fleming-type, Lan-DeMets";

    static DesignJson of(DesignOutcome outcome) {
        SequentialDesign d = outcome.design();
        List<Double> z = Arrays.stream(d.boundaries(SequentialDesign.ALPHA)).boxed().toList();
        if (!d.sequential()) {
            return new DesignJson("fixed", null, null, d.looks(), z, null, null, false, List.of());
        }
        return new DesignJson("group-sequential", SPENDING, d.unit().json(), d.looks(), z, d.futilityPower(),
                outcome.looks().size(), outcome.stoppedEarly(), outcome.looks().stream().map(LookJson::of).toList());
    }

    /**
     * One look.
     *
     * @param look       the look, from 1
     * @param bootsSeen  the boots of each variant it saw
     * @param decided    the hypotheses that crossed a boundary at this look
     * @param continuing how many hypotheses were left to the next look
     * @param futile     how many were futile (not decided, and unlikely to be)
     */
    record LookJson(int look, int bootsSeen, List<DecidedJson> decided, long continuing, long futile) {
        static LookJson of(SequentialLook l) {
            return new LookJson(l.look(), l.look(), l.hypotheses().stream().filter(h -> h.decidedAt() == l.look())
                    .map(h -> new DecidedJson(h.id(), h.claim() ? "claim" : "comparison",
                            h.action().name().toLowerCase(Locale.ROOT))).toList(),
                    l.count(SequentialAction.CONTINUE),
                    l.count(SequentialAction.STOP_FUTILE));
        }
    }

    /**
     * A hypothesis decided at a look.
     *
     * @param id     the claim's id, or {@code candidate/workload/metric} for a tested comparison
     * @param kind   {@code claim} or {@code comparison}
     * @param action {@code stop_supported} (a comparison: better) or {@code stop_refuted} (worse)
     */
    record DecidedJson(String id, String kind, String action) {
    }
}
