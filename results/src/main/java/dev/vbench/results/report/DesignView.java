package dev.vbench.results.report;

import dev.vbench.results.DecimalText;
import dev.vbench.results.sequential.DesignOutcome;
import dev.vbench.results.sequential.SequentialAction;
import dev.vbench.results.sequential.SequentialDesign;
import dev.vbench.results.sequential.SequentialLook;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The design section of the report, as plain text: what the design is and, for a group-sequential one, each look
 * taken and what it decided.
 *
 * @param kind     e.g. {@code Group-sequential design}
 * @param text     the design in a sentence or two
 * @param taken    the looks taken and whether the run stopped early, or null for a fixed design
 * @param looks    one row per look taken
 * @param anyLooks whether there are looks to show
 */
record DesignView(String kind, String text, String taken, List<LookRow> looks, boolean anyLooks) {

    /**
     * A look: how many boots it saw, its summary ({@link SequentialLook#describe()}) and the hypotheses it decided.
     */
    record LookRow(int look, int bootsSeen, String summary, String decided) {
        static LookRow of(SequentialLook look) {
            String decided = look.hypotheses().stream().filter(h -> h.decidedAt() == look.look())
                    .map(h -> h.id() + " " + action(h)).collect(Collectors.joining(", "));
            return new LookRow(look.look(), look.look(), look.describe(), decided.isEmpty() ? "nothing" : decided);
        }

        private static String action(SequentialLook.Hypothesis h) {
            boolean supported = h.action() == SequentialAction.STOP_SUPPORTED;
            if (h.claim()) {
                return supported ? "supported" : "refuted";
            }
            return supported ? "better" : "worse";
        }
    }

    static DesignView of(DesignOutcome outcome) {
        SequentialDesign d = outcome.design();
        if (!d.sequential()) {
            return new DesignView("Fixed design", "Every claim and tested comparison was decided once, on all the "
                    + "data.", null, List.of(), false);
        }
        String z = Arrays.stream(d.boundaries(SequentialDesign.ALPHA))
                .mapToObj(c -> DecimalText.significant(c, 3)).collect(Collectors.joining(", "));
        String text = "Up to " + d.looks() + " looks, one per round of " + d.unit().json() + "s (one "
                + d.unit().json() + " of every variant), each deciding the claims and the tested comparisons; "
                + DesignJson.SPENDING + " boundaries, z = " + z + " at 5% (stricter for a hypothesis Holm allots less)"
                + "; a crossed boundary is final; an undecided hypothesis is futile when its conditional power is "
                + "below " + String.format(Locale.ROOT, "%.0f%%", 100 * d.futilityPower()) + ".";
        int taken = outcome.looks().size();
        String stopped = outcome.stoppedEarly() ? ", stopped early: nothing left to decide"
                : taken == d.looks() ? ", the last one" : ", not stopped: the run ended before its last look";
        return new DesignView("Group-sequential design", text, taken + " of " + d.looks() + " looks taken" + stopped
                + ".", outcome.looks().stream().map(LookRow::of).toList(), taken > 0);
    }
}
