package dev.vbench.results.history;

import dev.vbench.results.history.NightlyGate.GateDecision;
import dev.vbench.results.history.NightlyGate.GateInput;
import dev.vbench.results.history.NightlyGate.GateParams;
import dev.vbench.results.history.NightlyGate.GateStatus;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.Direction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;

/**
 * One series of a night, prepared for the gate: its stable segment, the replicate and the test, or why it cannot
 * be tested.
 *
 * @param input       the gate's input
 * @param tested      whether the series is in the tested family: its workload's tested metric, with a test
 * @param early       the status when there is no test ({@code null} when there is one)
 * @param replicate   {@code night}, {@code boot} or {@code none}
 * @param nights      the baseline nights
 * @param baseline    the baseline's mean
 * @param test        the test ({@code null} when there is none)
 * @param cv          the baseline's coefficient of variation in the replicate's unit
 * @param context     the baseline in words, or why there is no test
 */
record SeriesCase(GateInput input, boolean tested, GateStatus early, String replicate, int nights, double baseline,
        TonightTest test, double cv, String context) {

    /**
     * @param input   the series' input
     * @param params  the thresholds
     * @param tested  the metric tested in the series' workload ({@link MetricCatalog#testedMetric})
     * @return the prepared series
     */
    static SeriesCase of(GateInput input, GateParams params, String tested) {
        SeriesCase c = prepare(input, params);
        boolean inFamily = c.test() != null && input.history().key().metric().equals(tested);
        return new SeriesCase(input, inFamily, c.early(), c.replicate(), c.nights(), c.baseline(), c.test(), c.cv(),
                c.context());
    }

    private static SeriesCase prepare(GateInput input, GateParams params) {
        SeriesHistory history = input.history();
        String tonightRun = input.tonight().runId();
        for (Annotation a : history.annotations()) {
            if (a.applies(history.key()) && a.fromRun().equals(tonightRun)) {
                return a.kind() == Annotation.Kind.EXPECTED
                        ? none(input, GateStatus.NO_BASELINE, 0, "an expected change starts tonight (" + a.reason()
                                + "): the baseline restarts")
                        : none(input, GateStatus.NOT_TESTED, 0, "tonight is annotated " + a.kind().text() + " ("
                                + a.reason() + ")");
            }
        }
        StableSegment segment = StableSegment.of(history, input.changePoints());
        int n = segment.nights().size();
        if (n == 0) {
            return none(input, GateStatus.NO_BASELINE, 0, "no baseline nights " + segment.since());
        }
        if (n >= params.minNights()) {
            double[] values = segment.nights().stream().mapToDouble(Night::mean).toArray();
            double mean = mean(values);
            double sd = sd(values);
            if (!(mean > 0)) {
                return none(input, GateStatus.NOT_TESTED, n, "the baseline's mean is not positive: no ratio");
            }
            return new SeriesCase(input, false, null, "night", n, mean,
                    new TonightTest.Prediction(input.tonight().mean(), mean, sd, n), sd / mean,
                    n + " nights " + segment.since() + ", night replicate");
        }
        double[] tonight = input.tonight().bootMeans();
        double[] boots = segment.nights().stream().flatMapToDouble(night -> Arrays.stream(night.bootMeans()))
                .toArray();
        double mean = mean(boots);
        if (tonight.length == 1 && boots.length >= 2 && mean > 0) {
            return new SeriesCase(input, false, null, "boot", n, mean,
                    new TonightTest.Prediction(tonight[0], mean, sd(boots), boots.length), cv(boots),
                    "young baseline of " + n + " nights " + segment.since() + " (fewer than " + params.minNights()
                            + "): prediction test of tonight's one boot mean against its " + boots.length);
        }
        if (tonight.length < 2 || boots.length < 2) {
            return none(input, GateStatus.NO_BASELINE, n, "a young baseline (" + n + " nights " + segment.since()
                    + ", fewer than " + params.minNights() + ") is tested by boot and needs 2 boots or more on each"
                    + " side: tonight " + tonight.length + ", baseline " + boots.length);
        }
        if (!(mean > 0)) {
            return none(input, GateStatus.NOT_TESTED, n, "the baseline's mean is not positive: no ratio");
        }
        return new SeriesCase(input, false, null, "boot", n, mean, TonightTest.Boots.of(tonight, boots),
                cv(boots), "young baseline of " + n + " nights " + segment.since() + " (fewer than "
                        + params.minNights() + "): Welch test of tonight's " + tonight.length
                        + " boot means against its " + boots.length);
    }

    private static SeriesCase none(GateInput input, GateStatus status, int nights, String why) {
        return new SeriesCase(input, false, status, "none", nights, Double.NaN, null, Double.NaN, why);
    }

    SeriesKey key() {
        return input.history().key();
    }

    private boolean higherIsBetter() {
        return input.history().direction() == Direction.HIGHER_IS_BETTER;
    }

    /** @return the one-sided p-value of a regression */
    double pWorse() {
        return higherIsBetter() ? test.pBelow() : test.pAbove();
    }

    /** @return the one-sided p-value of an improvement */
    double pBetter() {
        return higherIsBetter() ? test.pAbove() : test.pBelow();
    }

    /** @return the decision on a series outside the tested family: described with a 95% interval */
    GateDecision undecided() {
        if (test == null) {
            return decision(early, Double.NaN, new double[] {Double.NaN, Double.NaN}, Double.NaN, Double.NaN,
                    Double.NaN, context);
        }
        double[] interval = test.interval(0.025);
        return decision(GateStatus.NOT_TESTED, test.ratio(), interval, Math.min(pWorse(), pBetter()), Double.NaN,
                Double.NaN, String.format(Locale.ROOT, "not the workload's tested metric, described only (%s):"
                        + " ratio %.4f, 95%% interval [%.4f, %.4f]", context, test.ratio(), interval[0], interval[1]));
    }

    /**
     * @param p         the one-sided p-value in the direction the series moved
     * @param adjusted  it adjusted by Benjamini-Hochberg
     * @param tail      the interval's probability in each tail, matching the correction
     * @param worse     whether the series moved the bad way
     * @param params    the thresholds
     * @return the decision
     */
    GateDecision decide(double p, double adjusted, double tail, boolean worse, GateParams params) {
        double ratio = test.ratio();
        double[] interval = test.interval(tail);
        double minEffect = Math.max(Double.isNaN(cv) ? 0 : params.k() * cv, params.floor());
        boolean below = worse == higherIsBetter();
        boolean excludesOne = below ? interval[1] < 1 : interval[0] > 1;
        boolean significant = adjusted <= params.q();
        boolean large = Math.abs(ratio - 1) >= minEffect;
        GateStatus status = significant && excludesOne && large
                ? (worse ? GateStatus.REGRESSION : GateStatus.IMPROVEMENT) : GateStatus.NO_CHANGE;
        String numbers = String.format(Locale.ROOT, "ratio %.4f, %s%% interval [%.4f, %.4f], p %.2g, BH-adjusted"
                + " %.2g %s q %s", ratio, percent(1 - 2 * tail), interval[0], interval[1], p, adjusted,
                significant ? "<=" : ">", percent(params.q()) + "%");
        String size = String.format(Locale.ROOT, "%s %.1f%% %s (%s)", MetricCatalog.label(key().metric()),
                100 * Math.abs(ratio - 1), ratio < 1 ? "lower" : "higher", worse ? "worse" : "better");
        String effect = String.format(Locale.ROOT, "minimum effect %.1f%% (max of %s x CV %.2f%%, floor %.1f%%)",
                100 * minEffect, plain(params.k()), 100 * cv, 100 * params.floor());
        String reason;
        if (status != GateStatus.NO_CHANGE) {
            reason = size + " against " + context + ": " + numbers + "; at least the " + effect;
        } else if (!significant || !excludesOne) {
            reason = "no significant change against " + context + ": " + numbers;
        } else {
            reason = size + ", significant but below the " + effect + ", against " + context + ": " + numbers;
        }
        return decision(status, ratio, interval, p, adjusted, minEffect, reason);
    }

    private GateDecision decision(GateStatus status, double ratio, double[] interval, double p, double adjusted,
            double minEffect, String reason) {
        double tonight = input.tonight().mean();
        return new GateDecision(key(), input.history().unit(), status, nights, replicate, baseline, tonight, ratio,
                interval[0], interval[1], p, adjusted, minEffect, reason);
    }

    private static String percent(double fraction) {
        return plain(100 * fraction);
    }

    /** @return the number to 4 significant digits, without trailing zeros: 99.67, 3, 0.5 */
    private static String plain(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * @param values values
     * @return their coefficient of variation (sample standard deviation / mean), {@code NaN} for fewer than 2
     */
    static double cv(double[] values) {
        return sd(values) / mean(values);
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static double sd(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
