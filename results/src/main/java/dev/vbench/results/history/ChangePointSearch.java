package dev.vbench.results.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the change points of one segment of a series are, by Hunter's two steps (Fleming et al., ICPE 2023) over
 * Matteson and James' e-divisive means (2014):
 * <ol>
 * <li>split: windows of {@code window} values, each starting half a window after the previous one (or at the last
 * change point found in it, if later), are bisected recursively: the candidate with the largest statistic among the
 * current intervals ({@link EnergyStatistic}) is kept when Student's t-test between the two sides of its interval
 * ({@link SegmentTest}) gives p at most ten times {@code pValue} (the "weak" change points), and the search stops at
 * the first candidate that fails; a change point within {@code minSegment} values of one already kept is dropped;
 * an interval at the end of the series whose best split leaves fewer than {@code minSegment} nights after it waits
 * for more nights;</li>
 * <li>merge: each change point is re-tested between its neighbours over the whole segment and the weakest one with p
 * above {@code pValue} is removed, again and again, until every remaining one passes.</li>
 * </ol>
 * Deterministic: no random numbers; ties go to the earliest index.
 */
final class ChangePointSearch {
    private ChangePointSearch() {
    }

    /**
     * @param y      the series
     * @param from   first index of the segment
     * @param to     end of the segment (exclusive)
     * @param params the parameters
     * @return the change points' indices (each the first index of a new segment), ascending
     */
    static List<Integer> find(double[] y, int from, int to, EDivisive.Params params) {
        return merge(y, from, to, split(y, from, to, params), params.pValue());
    }

    /** Step 1: the weak change points of every window. */
    static List<Integer> split(double[] y, int from, int to, EDivisive.Params params) {
        double weak = Math.min(1.0, 10 * params.pValue());
        int step = Math.max(1, params.window() / 2);
        List<Integer> found = new ArrayList<>();
        int start = from;
        while (true) {
            int end = Math.min(start + params.window(), to);
            List<Integer> inWindow = bisect(y, start, end, params.minSegment(), weak);
            for (int cp : inWindow) {
                if (found.stream().allMatch(f -> Math.abs(f - cp) >= params.minSegment())) {
                    found.add(cp);
                }
            }
            if (end == to) {
                break;
            }
            int last = inWindow.stream().mapToInt(Integer::intValue).max().orElse(start);
            start = Math.max(last, start + step);
        }
        found.sort(null);
        return found;
    }

    /** Matteson and James' recursion inside one window, tested by t-test at level {@code alpha}. */
    static List<Integer> bisect(double[] y, int from, int to, int minSegment, double alpha) {
        List<Integer> cps = new ArrayList<>();
        if (to - from < 2 * minSegment) {
            return cps;
        }
        EnergyStatistic energy = new EnergyStatistic(y, from, to);
        List<int[]> intervals = new ArrayList<>();
        List<EnergyStatistic.Candidate> candidates = new ArrayList<>();
        intervals.add(new int[] {from, to});
        candidates.add(candidate(energy, from, to, minSegment, y.length));
        while (true) {
            int pick = -1;
            for (int i = 0; i < candidates.size(); i++) {
                EnergyStatistic.Candidate c = candidates.get(i);
                if (c != null && (pick < 0 || c.q() > candidates.get(pick).q())) {
                    pick = i;
                }
            }
            if (pick < 0) {
                return sorted(cps);
            }
            int[] interval = intervals.get(pick);
            int tau = candidates.get(pick).tau();
            if (SegmentTest.pValue(y, interval[0], tau, interval[1]) > alpha) {
                return sorted(cps);
            }
            cps.add(tau);
            intervals.set(pick, new int[] {interval[0], tau});
            candidates.set(pick, candidate(energy, interval[0], tau, minSegment, y.length));
            intervals.add(pick + 1, new int[] {tau, interval[1]});
            candidates.add(pick + 1, candidate(energy, tau, interval[1], minSegment, y.length));
        }
    }

    /**
     * The interval's best split. An interval reaching the end of the series is split only when its best split, even
     * allowing a single night after it, leaves at least {@code minSegment} nights after it: a shift in the last
     * nights is later than the minimum segment lets the statistic place it, and a change point once stored never
     * moves; it is found, at its night, when more nights have come.
     */
    private static EnergyStatistic.Candidate candidate(EnergyStatistic energy, int lo, int hi, int minSegment,
            int end) {
        if (hi < end) {
            return energy.best(lo, hi, minSegment, minSegment);
        }
        EnergyStatistic.Candidate c = energy.best(lo, hi, minSegment, 1);
        return c != null && c.tau() > hi - minSegment ? null : c;
    }

    /** Step 2: drops the weakest change point whose p between its neighbours is above {@code pValue}, repeatedly. */
    static List<Integer> merge(double[] y, int from, int to, List<Integer> weak, double pValue) {
        List<Integer> cps = new ArrayList<>(weak);
        while (!cps.isEmpty()) {
            int weakest = -1;
            double weakestP = -1;
            for (int i = 0; i < cps.size(); i++) {
                double p = pValue(y, from, to, cps, i);
                if (p > weakestP) {
                    weakestP = p;
                    weakest = i;
                }
            }
            if (weakestP <= pValue) {
                break;
            }
            cps.remove(weakest);
        }
        return cps;
    }

    /** The t-test's p of the i-th change point between its neighbours. */
    static double pValue(double[] y, int from, int to, List<Integer> cps, int i) {
        int lo = i == 0 ? from : cps.get(i - 1);
        int hi = i == cps.size() - 1 ? to : cps.get(i + 1);
        return SegmentTest.pValue(y, lo, cps.get(i), hi);
    }

    private static List<Integer> sorted(List<Integer> cps) {
        cps.sort(null);
        return cps;
    }
}
