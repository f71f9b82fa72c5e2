package dev.vbench.results.history;

import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.BenjaminiHochberg;
import dev.vbench.results.stats.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides each series of a new night against its stable segment ({@link StableSegment}).
 *
 * <ul>
 * <li>The tested family is one primary metric per workload of each variant, as in a run's analysis
 * ({@link MetricCatalog#testedMetric}: IOPS before bandwidth, which is IOPS times the block size); the others are
 * described ({@link GateStatus#NOT_TESTED}).</li>
 * <li>With {@code minNights} baseline nights or more the replicate is the night: a prediction t-test of tonight's
 * value against the segment's night values ({@link TonightTest.Prediction}); with fewer the replicate is the boot:
 * Welch's test of tonight's boot means against the segment's ({@link TonightTest.Boots}); with none there is
 * {@link GateStatus#NO_BASELINE}.</li>
 * <li>P-values are one-sided: the regression direction's ({@link Direction}) and, separately, the improvement
 * direction's, each corrected by Benjamini-Hochberg at q across the tested series.</li>
 * <li>A significant series is a regression (improvement) only when it moved the bad (good) way by at least the
 * minimum effect, max(k x the segment's CV, floor), and its interval at the matching level lies wholly on that side
 * of 1; so a verdict and its interval never contradict each other.</li>
 * <li>When a canary series is significant and above its minimum effect in either direction, the environment
 * shifted: the canary and every regression are reported as {@link GateStatus#ENVIRONMENT}.</li>
 * </ul>
 */
public final class NightlyGate {
    private NightlyGate() {
    }

    /**
     * The nightly gate's thresholds.
     *
     * @param k         the minimum effect in multiples of the series' own noise: a change smaller than k times the
     *                  coefficient of variation of the baseline's night means (of its boot means when the baseline is
     *                  young) is never a regression
     * @param floor     the smallest minimum effect, as a fraction (0.02 = 2%)
     * @param q         the false discovery rate of Benjamini and Hochberg's correction across the tested series of a
     *                  night
     * @param minNights the fewest baseline nights for the night to be the replicate; with fewer (but one or more) the
     *                  boot is
     */
    public record GateParams(double k, double floor, double q, int minNights) {

        /** Checks the ranges. */
        public GateParams {
            if (!(k >= 0) || !(floor >= 0)) {
                throw new IllegalArgumentException("k and floor must be 0 or more, got k=" + k + ", floor=" + floor);
            }
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("q must be in (0, 1), got " + q);
            }
            if (minNights < 3) {
                throw new IllegalArgumentException("minNights must be at least 3 (2 degrees of freedom), got "
                        + minNights);
            }
        }

        /**
         * k 4, floor 2%, q 5%, 5 nights. Tuned by the gate simulation (bench/jmh {@code GateSimulation}: 15 series
         * with a canary, 30 baseline nights of 3 boots x 2 repetitions resampled from lab noise, seeds 1-3 of 1,000
         * nights each): the whole plan raised a false alarm on 6.4-7.7% of A/A nights with k = 3 (the noise has
         * heavier tails than the t-test assumes and a canary alarms in both directions), 2.5-4.2% with k = 3.5 and
         * 1.3-1.6% with k = 4, which keeps a margin for real nights' drift, while a 10% step at 3% per-sample noise
         * is still caught the same night in over 99% of trials and a 5% step within 3 nights in over 95%.
         *
         * @return the defaults
         */
        public static GateParams defaults() {
            return new GateParams(4, 0.02, 0.05, 5);
        }
    }

    /**
     * One series of a new night, with what the gate needs to judge it.
     *
     * @param history      the series' earlier nights (not tonight) and its annotations
     * @param changePoints the series' stored change points
     * @param tonight      the new night
     * @param canary       whether the series belongs to the plan's canary variant (measured as A/A: a shift of it is an
     *                     environment change)
     */
    public record GateInput(SeriesHistory history, List<ChangePoint> changePoints, Night tonight, boolean canary) {

        /** Checks that tonight is not already part of the history. */
        public GateInput {
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(tonight, "tonight");
            changePoints = List.copyOf(changePoints);
            for (Night night : history.nights()) {
                if (night.runId().equals(tonight.runId())) {
                    throw new IllegalArgumentException("the history of " + history.key().label() + " already holds"
                            + " tonight's run " + tonight.runId() + ": give the gate the earlier nights only");
                }
            }
        }
    }

    /** The gate's decision on one series of a night. */
    public enum GateStatus {
        /** Significantly worse than its baseline after the correction, and by more than the minimum effect. */
        REGRESSION,
        /** Significantly better than its baseline after the correction, and by more than the minimum effect. */
        IMPROVEMENT,
        /** Tested; neither of the above. */
        NO_CHANGE,
        /** Not in the tested family (not a primary metric, or tonight annotated as an outlier): described only. */
        NOT_TESTED,
        /** No baseline to test against: no nights in the stable segment, or too few replicates. */
        NO_BASELINE,
        /** A regression while the canary shifted too: the environment changed, not the variant. */
        ENVIRONMENT
    }

    /**
     * The gate's decision on one series of a night, with the numbers behind it. The ratio is tonight / baseline (not
     * oriented by direction) and its interval is at the level that matches the decision: two-sided with q R / m in
     * each tail, where m is the number of tested series and R the number of them rejected in the direction the series
     * moved (q / m when none is); so a series is significant exactly when its interval excludes 1 (see
     * {@link dev.vbench.results.stats.BenjaminiHochberg#rejections}). Series that are not tested carry a 95% interval.
     *
     * @param key            the series
     * @param unit           its unit
     * @param status         the decision
     * @param baselineNights the nights of its stable segment
     * @param replicate      {@code night} (a prediction test against the segment's night values), {@code boot} (a
     *                       Welch test of boot means, for a young segment) or {@code none}
     * @param baseline       the segment's mean
     * @param tonight        tonight's value
     * @param ratio          tonight / baseline
     * @param low            lower end of the ratio's interval
     * @param high           upper end of the ratio's interval
     * @param pValue         the one-sided p-value in the direction tonight moved (worse or better)
     * @param pAdjusted      that p-value adjusted by Benjamini-Hochberg within the tested series of the night
     *                       ({@code NaN} when not tested)
     * @param minEffect      the minimum effect, as a fraction: max(k x the segment's CV, floor)
     * @param reason         the decision in words, with the numbers
     */
    public record GateDecision(SeriesKey key, String unit, GateStatus status, int baselineNights, String replicate,
            double baseline, double tonight, double ratio, double low, double high, double pValue, double pAdjusted,
            double minEffect, String reason) {
    }

    /**
     * The gate's decisions on every series of a night.
     *
     * @param decisions        one per series, in the order of the inputs
     * @param environmentShift whether a canary series shifted, which turns every regression into
     *                         {@link GateStatus#ENVIRONMENT}
     */
    public record GateReport(List<GateDecision> decisions, boolean environmentShift) {

        /** Copies the list. */
        public GateReport {
            decisions = List.copyOf(decisions);
        }

        /** @return the decisions that are regressions: the gate fails when there is one */
        public List<GateDecision> regressions() {
            return decisions.stream().filter(d -> d.status() == GateStatus.REGRESSION).toList();
        }
    }

    /**
     * @param inputs every series of the night
     * @param params the thresholds
     * @return one decision per input, in the same order
     */
    public static GateReport decide(List<GateInput> inputs, GateParams params) {
        Map<String, Set<String>> metrics = new HashMap<>();
        for (GateInput i : inputs) {
            metrics.computeIfAbsent(workload(i.history().key()), w -> new TreeSet<>()).add(i.history().key().metric());
        }
        List<SeriesCase> cases = new ArrayList<>();
        for (GateInput i : inputs) {
            String tested = MetricCatalog.testedMetric(metrics.get(workload(i.history().key()))).orElse("");
            cases.add(SeriesCase.of(i, params, tested));
        }
        List<SeriesCase> family = cases.stream().filter(SeriesCase::tested).toList();
        double[] worse = family.stream().mapToDouble(SeriesCase::pWorse).toArray();
        double[] better = family.stream().mapToDouble(SeriesCase::pBetter).toArray();
        double[] worseAdjusted = BenjaminiHochberg.adjust(worse);
        double[] betterAdjusted = BenjaminiHochberg.adjust(better);
        int m = family.size();
        double worseTail = params.q() * Math.max(1, BenjaminiHochberg.rejections(worse, params.q())) / m;
        double betterTail = params.q() * Math.max(1, BenjaminiHochberg.rejections(better, params.q())) / m;

        List<GateDecision> decisions = new ArrayList<>();
        List<String> shifted = new ArrayList<>();
        int f = -1;
        for (SeriesCase c : cases) {
            f += c.tested() ? 1 : 0;
            GateDecision d;
            if (!c.tested()) {
                d = c.undecided();
            } else if (c.pWorse() <= c.pBetter()) {
                d = c.decide(worse[f], worseAdjusted[f], worseTail, true, params);
            } else {
                d = c.decide(better[f], betterAdjusted[f], betterTail, false, params);
            }
            boolean moved = d.status() == GateStatus.REGRESSION || d.status() == GateStatus.IMPROVEMENT;
            if (c.input().canary() && moved) {
                shifted.add(String.format(Locale.ROOT, "canary %s shifted by %+.1f%%", c.key().label(),
                        100 * (d.ratio() - 1)));
                d = with(d, GateStatus.ENVIRONMENT, d.reason());
            }
            decisions.add(d);
        }
        if (shifted.isEmpty()) {
            return new GateReport(decisions, false);
        }
        String why = String.join("; ", shifted) + ": environment change, not a regression of the variants";
        List<GateDecision> relabelled = decisions.stream().map(d -> switch (d.status()) {
            case REGRESSION, ENVIRONMENT -> with(d, GateStatus.ENVIRONMENT, why + " (" + d.reason() + ")");
            default -> d;
        }).toList();
        return new GateReport(relabelled, true);
    }

    private static String workload(SeriesKey key) {
        return key.host() + "\n" + key.variant() + "\n" + key.workload();
    }

    private static GateDecision with(GateDecision d, GateStatus status, String reason) {
        return new GateDecision(d.key(), d.unit(), status, d.baselineNights(), d.replicate(), d.baseline(),
                d.tonight(), d.ratio(), d.low(), d.high(), d.pValue(), d.pAdjusted(), d.minEffect(), reason);
    }
}
