package dev.vbench.results.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the nightly gate needs for one run of the history: each series the run measured, with the nights before it,
 * the change points known before it (those stored, plus those found now in the earlier nights), and the run's own
 * night. Pure: the caller stores {@link #newChangePoints()} (insert-only) and hands {@link #inputs()} to
 * {@link NightlyGate#decide}.
 *
 * @param inputs          one per series the run measured, in the histories' order
 * @param newChangePoints change points found now that were not stored before
 */
public record GateInputs(List<NightlyGate.GateInput> inputs, List<ChangePoint> newChangePoints) {

    /** Copies the lists. */
    public GateInputs {
        inputs = List.copyOf(inputs);
        newChangePoints = List.copyOf(newChangePoints);
    }

    /**
     * Splits every series at the run: the nights that started before it form the history, the run's own night is
     * tonight. Change points are detected on the history only, so tonight never moves the baseline it is judged
     * against.
     *
     * @param histories  the series of the history (tonight's run included)
     * @param stored     the change points already stored
     * @param runId      the run to decide
     * @param canaries   the names of the run's canary variants (empty when none)
     * @param params     the change-point detection's parameters
     * @return the gate's inputs and the change points to store
     */
    public static GateInputs of(List<SeriesHistory> histories, List<ChangePoint> stored, String runId,
            Set<String> canaries, EDivisive.Params params) {
        List<NightlyGate.GateInput> inputs = new ArrayList<>();
        List<ChangePoint> added = new ArrayList<>();
        for (SeriesHistory h : histories) {
            Optional<Night> tonight = h.nights().stream().filter(n -> n.runId().equals(runId)).findFirst();
            if (tonight.isEmpty()) {
                continue;
            }
            List<Night> before = h.nights().stream()
                    .filter(n -> n.started().isBefore(tonight.get().started())).toList();
            SeriesHistory earlier = new SeriesHistory(h.key(), h.unit(), h.direction(), before, h.annotations());
            List<ChangePoint> merged = EDivisive.update(earlier, stored, params);
            merged.stream().filter(c -> !stored.contains(c)).forEach(added::add);
            inputs.add(new NightlyGate.GateInput(earlier, merged, tonight.get(),
                    canaries.contains(h.key().variant())));
        }
        return new GateInputs(inputs, added);
    }
}
