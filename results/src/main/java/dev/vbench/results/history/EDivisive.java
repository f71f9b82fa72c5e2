package dev.vbench.results.history;

import dev.vbench.results.DecimalText;
import dev.vbench.results.stats.Gain;
import dev.vbench.results.stats.RatioTest;
import dev.vbench.results.stats.Replicates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Change points of a series by e-divisive means (Matteson and James 2014, alpha = 1) with Hunter's deterministic
 * t-test in place of the permutation test, in Hunter's split and merge steps (Fleming et al., ICPE 2023; see
 * {@link ChangePointSearch}). The input is each night's value ({@link Night#mean()}) in time order; nights annotated
 * as outliers or excluded are left out and each expected change starts a segment of its own, analysed apart.
 *
 * <p>Each change point carries the means of the segments on either side (between its neighbouring change points or
 * segment ends), their ratio after / before with the 95% interval by Fieller's method with Welch's degrees of
 * freedom on the night values ({@link RatioTest}), and the pooled t-test's two-sided p-value. Cost: O(window²) per
 * window and split, so a year of nights is analysed in milliseconds.
 */
public final class EDivisive {
    /** The algorithm and its version, stored with every change point. */
    public static final String ALGORITHM = "e-divisive-means/1";

    private EDivisive() {
    }

    /**
     * The parameters, stored with every change point.
     *
     * @param pValue     the t-test's threshold (Hunter's window step uses ten times it)
     * @param minSegment the fewest nights on each side of a change point, at least 2
     * @param window     nights per window of the split step, at least twice {@code minSegment}
     */
    public record Params(double pValue, int minSegment, int window) {

        /** Checks the ranges. */
        public Params {
            if (!(pValue > 0 && pValue < 1)) {
                throw new IllegalArgumentException("pValue must be in (0, 1), got " + pValue);
            }
            if (minSegment < 2) {
                throw new IllegalArgumentException("minSegment must be at least 2 nights, got " + minSegment);
            }
            if (window < 2 * minSegment) {
                throw new IllegalArgumentException("window must be at least 2 x minSegment = " + 2 * minSegment
                        + " nights, got " + window);
            }
        }

        /**
         * @return p 0.001 and window 50 as Otava's defaults, min segment 3: a change point is reported from its
         *         third night on (the gate catches larger steps the same night; see the gate simulation)
         */
        public static Params defaults() {
            return new Params(0.001, 3, 50);
        }

        /** @return {@code minSegment=3,pValue=0.001,window=50}: key=value pairs in key order */
        public String text() {
            return "minSegment=" + minSegment + ",pValue=" + DecimalText.shortest(pValue) + ",window=" + window;
        }

        /**
         * @param text the output of {@link #text()}
         * @return the parameters
         * @throws IllegalArgumentException when a key is missing or unknown or a value does not parse
         */
        public static Params parse(String text) {
            Map<String, String> values = new TreeMap<>();
            for (String pair : text.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("e-divisive parameters must be key=value pairs: '" + text + "'");
                }
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            if (!values.keySet().equals(Set.of("minSegment", "pValue", "window"))) {
                throw new IllegalArgumentException("e-divisive parameters must be minSegment, pValue and window: '"
                        + text + "'");
            }
            try {
                return new Params(Double.parseDouble(values.get("pValue")), Integer.parseInt(values.get("minSegment")),
                        Integer.parseInt(values.get("window")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("e-divisive parameters do not parse: '" + text + "'", e);
            }
        }
    }

    /**
     * @param history the series' nights and annotations
     * @param params  the parameters
     * @return the change points, oldest first
     */
    public static List<ChangePoint> detect(SeriesHistory history, Params params) {
        Set<String> dropped = StableSegment.droppedRuns(history);
        Set<String> expected = StableSegment.expectedRuns(history);
        List<Night> kept = new ArrayList<>();
        List<Integer> starts = new ArrayList<>(List.of(0));
        boolean boundary = false;
        for (Night night : history.nights()) {
            boundary |= expected.contains(night.runId());
            if (!dropped.contains(night.runId())) {
                if (boundary && !kept.isEmpty()) {
                    starts.add(kept.size());
                }
                boundary = false;
                kept.add(night);
            }
        }
        starts.add(kept.size());
        double[] y = kept.stream().mapToDouble(Night::mean).toArray();
        List<ChangePoint> found = new ArrayList<>();
        for (int s = 0; s + 1 < starts.size(); s++) {
            int from = starts.get(s);
            int to = starts.get(s + 1);
            List<Integer> cps = ChangePointSearch.find(y, from, to, params);
            for (int i = 0; i < cps.size(); i++) {
                int lo = i == 0 ? from : cps.get(i - 1);
                int hi = i == cps.size() - 1 ? to : cps.get(i + 1);
                found.add(changePoint(history.key().id(), kept.get(cps.get(i)).runId(), y, lo, cps.get(i), hi,
                        params));
            }
        }
        return found;
    }

    private static ChangePoint changePoint(String seriesId, String runId, double[] y, int lo, int tau, int hi,
            Params params) {
        double[] before = Arrays.copyOfRange(y, lo, tau);
        double[] after = Arrays.copyOfRange(y, tau, hi);
        Gain gain = new RatioTest(Replicates.raw(after), Replicates.raw(before), "before").interval(0.95);
        return new ChangePoint(seriesId, runId, SegmentTest.mean(y, lo, tau), SegmentTest.mean(y, tau, hi),
                gain.value(), gain.low(), gain.high(), SegmentTest.pValue(y, lo, tau, hi), ALGORITHM, params.text());
    }

    /**
     * Adds newly detected change points to the stored ones without ever moving or removing a stored one: a detected
     * change point is added only when no stored one of the same algorithm and parameters is at the same night or
     * within {@code minSegment} nights of it (counted in the history's nights; a stored one at a run the history
     * does not hold blocks only its own run). Needs the history because change points name runs, not positions.
     *
     * @param history  the series' history the detection ran on
     * @param stored   the series' stored change points
     * @param detected the series' change points just detected ({@link #detect})
     * @return the stored change points unchanged, in their order, then the added ones in theirs
     * @throws IllegalArgumentException when a change point belongs to another series
     */
    public static List<ChangePoint> merge(SeriesHistory history, List<ChangePoint> stored,
            List<ChangePoint> detected) {
        String id = history.key().id();
        Map<String, Integer> position = StableSegment.positions(history);
        for (List<ChangePoint> list : List.of(stored, detected)) {
            for (ChangePoint cp : list) {
                if (!cp.seriesId().equals(id)) {
                    throw new IllegalArgumentException("change point of series " + cp.seriesId() + " given with the"
                            + " history of " + history.key().label() + " (" + id + "): merge one series at a time");
                }
            }
        }
        List<ChangePoint> merged = new ArrayList<>(stored);
        for (ChangePoint cp : detected) {
            if (stored.stream().noneMatch(s -> blocks(s, cp, position))) {
                merged.add(cp);
            }
        }
        return merged;
    }

    /**
     * Detects the series' change points and merges them into the stored ones of that series.
     *
     * @param history the series' history
     * @param stored  the stored change points of every series (those of other series are ignored)
     * @param params  the detection's parameters
     * @return the series' stored change points unchanged, then those added now
     */
    public static List<ChangePoint> update(SeriesHistory history, List<ChangePoint> stored, Params params) {
        String id = history.key().id();
        List<ChangePoint> known = stored.stream().filter(c -> c.seriesId().equals(id)).toList();
        return merge(history, known, detect(history, params));
    }

    private static boolean blocks(ChangePoint kept, ChangePoint cp, Map<String, Integer> position) {
        if (!kept.algorithm().equals(cp.algorithm()) || !kept.params().equals(cp.params())) {
            return false;
        }
        if (kept.runId().equals(cp.runId())) {
            return true;
        }
        Integer a = position.get(kept.runId());
        Integer b = position.get(cp.runId());
        int tolerance = cp.algorithm().equals(ALGORITHM) ? Params.parse(cp.params()).minSegment() : 0;
        return a != null && b != null && Math.abs(a - b) <= tolerance;
    }
}
