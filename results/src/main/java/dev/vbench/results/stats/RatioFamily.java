package dev.vbench.results.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a family of gain hypotheses "gain = g0" two-sided at family-wise level alpha by Holm's step-down
 * procedure (Holm 1979), each test the {@link RatioTest} dual to Fieller's interval. With r hypotheses rejected so
 * far among m, any remaining one whose interval at confidence 1 - nominal(alpha / (m - r)) lies wholly above or
 * below its g0 is rejected (the one with the smallest p-value first), until none is. A rejected hypothesis keeps the
 * level it was rejected at, every other one gets the level the procedure stopped at, and its interval is drawn at
 * that level: so an interval never contradicts its verdict. As the two one-sided halves share the level, a true
 * hypothesis is wrongly called above g0 with probability at most alpha / 2 and the family errs with probability at
 * most alpha.
 */
public final class RatioFamily {
    private RatioFamily() {
    }

    /** Which side of g0 the gain was shown to be on. */
    public enum Call {
        /** The interval lies wholly above g0. */
        ABOVE,
        /** The interval lies wholly below g0. */
        BELOW,
        /** Not shown either way (or not testable). */
        NONE
    }

    /**
     * The decision on one hypothesis.
     *
     * @param call   the side shown, or NONE
     * @param gain   the gain and its interval at confidence 1 - {@code nominal}
     * @param p      the two-sided p-value of gain = g0 ({@code NaN} when not testable)
     * @param pHolm  that p-value Holm-adjusted over the testable hypotheses (the fixed design's decision rule)
     * @param alpha  the two-sided level Holm allotted it ({@code NaN} when not testable)
     * @param nominal the two-sided level it was tested at ({@link DecisionLevels})
     */
    public record Decision(Call call, Gain gain, double p, double pHolm, double alpha, double nominal) {
    }

    /**
     * @param tests  one test per hypothesis; a test with a {@link RatioTest#problem()} is not tested (call NONE)
     * @param g0     the gain each hypothesis is about, one per test
     * @param alpha  the family-wise two-sided level, e.g. 0.05
     * @param levels how an allotted level maps to the level tested at now
     * @return one decision per test, in order
     */
    public static List<Decision> decide(List<RatioTest> tests, double[] g0, double alpha, DecisionLevels levels) {
        return decide(tests, g0, alpha, levels, 0);
    }

    /**
     * {@link #decide(List, double[], double, DecisionLevels)} with hypotheses that are not tested now still holding
     * their share of alpha (a group-sequential look, whose allocation must not depend on which data arrived).
     *
     * @param tests      one test per hypothesis
     * @param g0         the gain each hypothesis is about
     * @param alpha      the family-wise two-sided level
     * @param levels     how an allotted level maps to the level tested at now
     * @param familySize the number of hypotheses alpha is shared by, at least the testable ones (0: those)
     * @return one decision per test, in order
     */
    public static List<Decision> decide(List<RatioTest> tests, double[] g0, double alpha, DecisionLevels levels,
                                        int familySize) {
        List<Integer> testable = new ArrayList<>();
        double[] p = new double[tests.size()];
        for (int i = 0; i < tests.size(); i++) {
            p[i] = tests.get(i).problem().isEmpty() ? tests.get(i).pTwoSided(g0[i]) : Double.NaN;
            if (!Double.isNaN(p[i])) {
                testable.add(i);
            }
        }
        double[] holm = HolmCorrection.adjust(testable.stream().mapToDouble(i -> p[i]).toArray());
        List<Integer> byP = new ArrayList<>(testable);
        byP.sort(Comparator.comparingDouble(i -> p[i]));
        int size = Math.max(familySize, testable.size());
        Map<Integer, Double> rejectedAt = new HashMap<>();
        boolean rejecting = true;
        while (rejecting) {
            rejecting = false;
            double allotted = alpha / (size - rejectedAt.size());
            for (int i : byP) {
                if (!rejectedAt.containsKey(i) && interval(tests.get(i), allotted, levels).excludes(g0[i])) {
                    rejectedAt.put(i, allotted);
                    rejecting = true;
                    break;
                }
            }
        }
        double remaining = alpha / Math.max(1, size - rejectedAt.size());
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            int rank = testable.indexOf(i);
            if (rank < 0) {
                decisions.add(new Decision(Call.NONE, tests.get(i).interval(CellStatistics.CONFIDENCE), Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            double allotted = rejectedAt.getOrDefault(i, remaining);
            Gain gain = interval(tests.get(i), allotted, levels);
            Call call = !rejectedAt.containsKey(i) ? Call.NONE : gain.low() > g0[i] ? Call.ABOVE : Call.BELOW;
            decisions.add(new Decision(call, gain, p[i], holm[rank], allotted, levels.nominal(allotted)));
        }
        return decisions;
    }

    private static Gain interval(RatioTest test, double allotted, DecisionLevels levels) {
        return test.interval(1 - levels.nominal(allotted));
    }
}
