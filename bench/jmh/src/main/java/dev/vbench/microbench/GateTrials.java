package dev.vbench.microbench;

import dev.vbench.results.history.ChangePoint;
import dev.vbench.results.history.EDivisive;
import dev.vbench.results.history.NightlyGate.GateInput;
import dev.vbench.results.history.NightlyGate.GateParams;
import dev.vbench.results.history.NightlyGate.GateReport;
import dev.vbench.results.history.NightlyGate.GateStatus;
import dev.vbench.results.history.NightlyGate;
import dev.vbench.results.history.Night;
import dev.vbench.results.history.SeriesHistory;
import dev.vbench.results.history.SeriesKey;
import dev.vbench.results.stats.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The gate benchmark's trials over a plan's cells: each trial builds {@value #BASELINE} baseline nights of every
 * series from {@link LabNoise}, stores the change points {@link EDivisive} finds in them, then gates new nights
 * with {@link NightlyGate} as the nightly command does.
 */
final class GateTrials {
    /** Baseline nights before the tested night(s). */
    static final int BASELINE = 30;
    /** Boots per night. */
    static final int BOOTS = 3;
    /** Repetitions per boot. */
    static final int REPS = 2;
    /** Nights after a step that the delay curve follows: 0 (the step's night) to 5. */
    static final int AFTER = 6;

    /**
     * @param cells  the plan's cells and their noise
     * @param canary the canary variant's name, or empty
     * @param gate   the gate's parameters
     * @param cp     the change-point detection's parameters
     */
    record Setup(List<LabNoise.Cell> cells, String canary, GateParams gate, EDivisive.Params cp) {
    }

    /** One series during a trial: its nights so far and its stored change points. */
    private static final class Series {
        final SeriesKey key;
        final String unit;
        final Direction direction;
        final boolean canary;
        final List<Night> nights = new ArrayList<>();
        List<ChangePoint> stored = List.of();

        Series(LabNoise.Cell cell, String metric, boolean canary) {
            this.key = new SeriesKey("lab", cell.variant(), cell.workload(), metric);
            this.unit = cell.units().get(metric);
            this.direction = cell.direction(metric);
            this.canary = canary;
        }

        SeriesHistory history() {
            return new SeriesHistory(key, unit, direction, nights, List.of());
        }

        void detect(EDivisive.Params params) {
            SeriesHistory h = history();
            stored = EDivisive.merge(h, stored, EDivisive.detect(h, params));
        }
    }

    /** A/A: nights gated, nights with a false alarm, change points stored per series (all false). */
    record AaResult(int nights, int falseNights, double changePointsPerSeries) {
    }

    /** A step: trials, trials caught by each night after it, trials whose stored change point is at its night. */
    record StepResult(double step, double noise, String series, int trials, int[] caughtBy, int exact) {
    }

    private GateTrials() {
    }

    /**
     * @param setup  the plan
     * @param nights independent A/A nights, each after its own baseline
     * @param random the random source
     * @return the counts
     */
    static AaResult aa(Setup setup, int nights, Random random) {
        int falseNights = 0;
        int changePoints = 0;
        int series = 0;
        for (int t = 0; t < nights; t++) {
            Map<LabNoise.Cell, List<Series>> plan = baseline(setup, random, null, 1);
            List<GateInput> inputs = new ArrayList<>();
            for (Map.Entry<LabNoise.Cell, List<Series>> e : plan.entrySet()) {
                Map<String, Night> tonight = e.getKey().night(BASELINE, random, BOOTS, REPS, 1, Map.of());
                for (Series s : e.getValue()) {
                    changePoints += s.stored.size();
                    series++;
                    inputs.add(new GateInput(s.history(), s.stored, tonight.get(s.key.metric()), s.canary));
                }
            }
            GateReport report = NightlyGate.decide(inputs, setup.gate());
            boolean alarm = report.decisions().stream().anyMatch(d -> d.status() == GateStatus.REGRESSION
                    || d.status() == GateStatus.ENVIRONMENT);
            falseNights += alarm ? 1 : 0;
        }
        return new AaResult(nights, falseNights, changePoints / (double) series);
    }

    /**
     * @param setup    the plan
     * @param stepCell the cell that steps (all its metrics, each the bad way)
     * @param noise    the stepping cell's per-sample noise (its residuals are scaled to it)
     * @param step     the size of the step, e.g. 0.10
     * @param trials   independent trials
     * @param random   the random source
     * @return the delay curve of the cell's tested metric
     */
    static StepResult step(Setup setup, LabNoise.Cell stepCell, double noise, double step, int trials,
            Random random) {
        String metric = stepCell.tested();
        double scale = noise / stepCell.cv(metric);
        Map<String, Double> level = new HashMap<>();
        stepCell.means().keySet().forEach(m -> level.put(m, stepCell.direction(m) == Direction.HIGHER_IS_BETTER
                ? 1 - step : 1 / (1 - step)));
        int[] caughtBy = new int[AFTER];
        int exact = 0;
        String stepRun = String.format(java.util.Locale.ROOT, "n%04d", BASELINE);
        String label = "";
        for (int t = 0; t < trials; t++) {
            Map<LabNoise.Cell, List<Series>> plan = baseline(setup, random, stepCell, scale);
            Series watched = plan.get(stepCell).stream().filter(s -> s.key.metric().equals(metric)).findFirst()
                    .orElseThrow();
            label = watched.key.label();
            int caught = -1;
            for (int d = 0; d < AFTER; d++) {
                List<GateInput> inputs = new ArrayList<>();
                Map<String, Night> stepped = null;
                for (Map.Entry<LabNoise.Cell, List<Series>> e : plan.entrySet()) {
                    boolean stepping = e.getKey() == stepCell;
                    Map<String, Night> tonight = e.getKey().night(BASELINE + d, random, BOOTS, REPS,
                            stepping ? scale : 1, stepping ? level : Map.of());
                    stepped = stepping ? tonight : stepped;
                    for (Series s : e.getValue()) {
                        inputs.add(new GateInput(s.history(), s.stored, tonight.get(s.key.metric()), s.canary));
                    }
                }
                GateReport report = NightlyGate.decide(inputs, setup.gate());
                boolean gated = report.decisions().stream().anyMatch(dec -> dec.key().equals(watched.key)
                        && dec.status() == GateStatus.REGRESSION);
                for (Series s : plan.get(stepCell)) {
                    s.nights.add(stepped.get(s.key.metric()));
                    s.detect(setup.cp());
                }
                boolean found = watched.stored.stream().anyMatch(cp -> Math.abs(night(cp.runId()) - BASELINE)
                        <= setup.cp().minSegment());
                if (caught < 0 && (gated || found)) {
                    caught = d;
                }
            }
            for (int d = 0; d < AFTER; d++) {
                caughtBy[d] += caught >= 0 && caught <= d ? 1 : 0;
            }
            exact += watched.stored.stream().anyMatch(cp -> cp.runId().equals(stepRun)) ? 1 : 0;
        }
        return new StepResult(step, noise, label, trials, caughtBy, exact);
    }

    /** The baseline nights of every series and the change points stored from them. */
    private static Map<LabNoise.Cell, List<Series>> baseline(Setup setup, Random random, LabNoise.Cell scaled,
            double scale) {
        Map<LabNoise.Cell, List<Series>> plan = new java.util.LinkedHashMap<>();
        for (LabNoise.Cell cell : setup.cells()) {
            List<Series> series = new ArrayList<>();
            for (String metric : cell.means().keySet()) {
                series.add(new Series(cell, metric, cell.variant().equals(setup.canary())));
            }
            for (int n = 0; n < BASELINE; n++) {
                Map<String, Night> night = cell.night(n, random, BOOTS, REPS, cell == scaled ? scale : 1, Map.of());
                series.forEach(s -> s.nights.add(night.get(s.key.metric())));
            }
            series.forEach(s -> s.detect(setup.cp()));
            plan.put(cell, series);
        }
        return plan;
    }

    private static int night(String runId) {
        return Integer.parseInt(runId.substring(1));
    }
}
