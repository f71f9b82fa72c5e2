package dev.vbench.bench.run;

import dev.vbench.results.history.Alert;
import dev.vbench.results.history.EDivisive;
import dev.vbench.results.history.GateInputs;
import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.Night;
import dev.vbench.results.history.NightlyGate;
import dev.vbench.results.history.NightlyGate.GateDecision;
import dev.vbench.results.history.NightlyGate.GateInput;
import dev.vbench.results.history.NightlyGate.GateReport;
import dev.vbench.results.history.NightlyGate.GateStatus;
import dev.vbench.results.history.RunArchive;
import dev.vbench.results.history.SeriesKey;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nightly gate over one run: ingest it (a run already in the history stays as it is), split every series
 * it measured at the run, store the change points found in the earlier nights, decide each series against its
 * stable segment, and re-measure the suspects on a fresh boot before anything fails. Only regressions the
 * re-measurement repeats are confirmed and stored as alerts (insert-only: an alert once raised never changes).
 */
public final class GateRun {

    /** Re-measures suspected cells on a fresh boot: one night per suspect series. */
    public interface Confirmer {
        /**
         * @param runDir   the run whose night is suspect
         * @param suspects the series to measure again
         * @return the new night of each series measured again (a series missing is unconfirmed)
         */
        Map<SeriesKey, Night> remeasure(Path runDir, List<SeriesKey> suspects);
    }

    /**
     * What the gate found.
     *
     * @param runId        the run decided
     * @param first        the decisions on the run's own night
     * @param confirmation the decisions on the re-measurement of the suspects (empty when none or not confirmed)
     * @param confirmed    the regressions both nights agree on (all suspects when confirmation was off)
     */
    public record Outcome(String runId, GateReport first, List<GateDecision> confirmation,
            List<GateDecision> confirmed) {

        /** @return whether the canary shifted: an environment change, no variant judged */
        public boolean environmentShift() {
            return first.environmentShift();
        }
    }

    private GateRun() {
    }

    /**
     * Decides a run directory's night.
     *
     * @param store     the history
     * @param runDir    the run directory (read with {@link RunArchive#read})
     * @param confirmer the re-measurement, or {@code null} to fail on suspicion alone
     * @return the outcome
     */
    public static Outcome decide(HistoryStore store, Path runDir, Confirmer confirmer) {
        RunArchive run = RunArchive.read(runDir);
        store.ingest(run);
        Set<String> canaries = new HashSet<>();
        if (run.canary() != null) {
            canaries.addAll(List.of(run.canary().split(",")));
        }
        GateInputs prepared = GateInputs.of(store.histories(run.planName(), null), store.changePoints(),
                run.runId(), canaries, EDivisive.Params.defaults());
        store.addChangePoints(prepared.newChangePoints());
        GateReport first = NightlyGate.decide(prepared.inputs(), NightlyGate.GateParams.defaults());
        List<GateDecision> suspects = first.regressions();
        List<GateDecision> confirmation = List.of();
        List<GateDecision> confirmed = suspects;
        if (!suspects.isEmpty() && confirmer != null) {
            Map<SeriesKey, Night> again = confirmer.remeasure(runDir,
                    suspects.stream().map(GateDecision::key).toList());
            List<GateInput> retry = prepared.inputs().stream().filter(i -> again.containsKey(i.history().key()))
                    .map(i -> new GateInput(i.history(), i.changePoints(), again.get(i.history().key()), false))
                    .toList();
            confirmation = NightlyGate.decide(retry, NightlyGate.GateParams.defaults()).decisions();
            Set<SeriesKey> repeated = new HashSet<>();
            confirmation.stream().filter(d -> d.status() == GateStatus.REGRESSION).forEach(d -> repeated.add(d.key()));
            confirmed = suspects.stream().filter(d -> repeated.contains(d.key())).toList();
        }
        for (GateDecision d : confirmed) {
            store.addAlert(new Alert(d.key().id(), run.runId(), "regression", d.ratio(), d.low(),
                    d.high(), d.pValue(), java.time.Instant.now(), d.key().label() + ": " + d.reason()));
        }
        if (first.environmentShift()) {
            first.decisions().stream().filter(d -> d.status() == GateStatus.ENVIRONMENT).forEach(d ->
                    store.addAlert(new Alert(d.key().id(), run.runId(), "environment", d.ratio(),
                            d.low(), d.high(), d.pValue(), java.time.Instant.now(), d.reason())));
        }
        return new Outcome(run.runId(), first, confirmation, confirmed);
    }
}
