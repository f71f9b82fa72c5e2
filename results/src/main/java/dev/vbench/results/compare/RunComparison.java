package dev.vbench.results.compare;

import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.CellStatistics;
import dev.vbench.results.stats.ComparisonVerdict;
import dev.vbench.results.stats.Comparisons;
import dev.vbench.results.stats.DecisionLevels;
import dev.vbench.results.stats.RatioFamily;
import dev.vbench.results.stats.RatioTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Two runs compared cell by cell, run B against run A, as a run compares its variants with the baseline: per
 * (variant, workload, metric) present in both, the gain of B over A (above 1: B is better) with its Fieller interval
 * over the replicates (boot means from 2 boots, else repetitions). One metric per workload
 * ({@link dev.vbench.results.metric.MetricCatalog#testedMetric}) is tested; those cells form one family decided by
 * Holm's procedure at {@link Comparisons#ALPHA} family-wise ({@link RatioFamily}), each interval drawn at the level
 * its verdict was decided at; every other metric is described by its gain and 95% interval. Where a cell has
 * outliers the verdicts are decided again without them and noted when they differ.
 *
 * <pre>
 * RunComparison c = RunComparison.compare(samplesA, samplesB, "r1", "r2");
 * </pre>
 *
 * @param labelA       run A's name, its run id
 * @param labelB       run B's name
 * @param environmentA run A's environment, sorted by key (empty when unknown)
 * @param environmentB run B's environment
 * @param cells        the cells of both runs, sorted by variant, workload, metric
 * @param onlyInA      the cells only run A has, sorted
 * @param onlyInB      the cells only run B has, sorted
 */
public record RunComparison(String labelA, String labelB, Map<String, String> environmentA,
                            Map<String, String> environmentB, List<CellComparison> cells, List<Cell> onlyInA,
                            List<Cell> onlyInB) {

    /** Keys of a run's environment that differ from run to run and say nothing about the environment itself. */
    public static final Set<String> PER_RUN_KEYS = Set.of("run_id", "seed");

    /** Copies the lists and maps. */
    public RunComparison {
        Objects.requireNonNull(labelA, "labelA");
        Objects.requireNonNull(labelB, "labelB");
        environmentA = Collections.unmodifiableSortedMap(new TreeMap<>(environmentA));
        environmentB = Collections.unmodifiableSortedMap(new TreeMap<>(environmentB));
        cells = List.copyOf(cells);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
    }

    /**
     * @param a      run A's samples
     * @param b      run B's samples
     * @param labelA run A's name
     * @param labelB run B's name
     * @return the comparison, without environments
     * @throws ResultsInputException when a run has no samples, the runs share no cell, a shared cell has two units,
     *                               or a run's samples are unusable ({@link Cell#group})
     */
    public static RunComparison compare(List<Sample> a, List<Sample> b, String labelA, String labelB) {
        return compare(new RunSamples(labelA, a, Map.of()), new RunSamples(labelB, b, Map.of()));
    }

    /**
     * @param a run A
     * @param b run B
     * @return B compared with A
     * @throws ResultsInputException as {@link #compare(List, List, String, String)}
     */
    public static RunComparison compare(RunSamples a, RunSamples b) {
        List<Cell> cellsA = cells(a);
        Map<List<String>, Cell> byKeyA = cellsA.stream().collect(Collectors.toMap(RunComparison::key,
                Function.identity()));
        List<Cell[]> pairs = new ArrayList<>();
        List<Cell> onlyInB = new ArrayList<>();
        for (Cell cb : cells(b)) {
            Cell ca = byKeyA.remove(key(cb));
            if (ca == null) {
                onlyInB.add(cb);
            } else if (!ca.unit().equals(cb.unit())) {
                throw new ResultsInputException(String.join("/", key(cb)) + " is in " + ca.unit() + " in run "
                        + a.label() + " and in " + cb.unit() + " in run " + b.label() + "; convert one to the other");
            } else {
                pairs.add(new Cell[] {ca, cb});
            }
        }
        if (pairs.isEmpty()) {
            throw new ResultsInputException("runs " + a.label() + " and " + b.label() + " have no (variant, "
                    + "workload, metric) in common (" + variants(a) + " against " + variants(b)
                    + "); compare two runs of one plan");
        }
        List<CellComparison> decided = decide(pairs);
        if (pairs.stream().anyMatch(p -> !p[0].outliers().isEmpty() || !p[1].outliers().isEmpty())) {
            List<CellComparison> again = decide(pairs.stream()
                    .map(p -> new Cell[] {p[0].withoutOutliers(), p[1].withoutOutliers()}).toList());
            for (int i = 0; i < decided.size(); i++) {
                CellComparison c = decided.get(i);
                ComparisonVerdict other = again.get(i).verdict();
                decided.set(i, new CellComparison(c.a(), c.b(), c.gain(), c.pValue(), c.pHolm(), c.verdict(),
                        other == c.verdict() ? null : other));
            }
        }
        List<Cell> onlyInA = byKeyA.values().stream().sorted(Cell.ORDER).toList();
        return new RunComparison(a.label(), b.label(), a.environment(), b.environment(), decided, onlyInA, onlyInB);
    }

    /** @return whether any tested cell of B differs significantly from A's */
    public boolean differs() {
        return cells.stream().anyMatch(CellComparison::differs);
    }

    /**
     * @param verdict a verdict
     * @return how many cells have it
     */
    public long count(ComparisonVerdict verdict) {
        return cells.stream().filter(c -> c.verdict() == verdict).count();
    }

    /**
     * The environment keys whose values differ between the runs, as {@code key: A's value -> B's value} in key order
     * ({@code -} for a key a run lacks), without {@link #PER_RUN_KEYS}; empty when either environment is unknown.
     *
     * @return the changes from A to B
     */
    public List<String> environmentChanges() {
        if (environmentA.isEmpty() || environmentB.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new TreeSet<>(environmentA.keySet());
        keys.addAll(environmentB.keySet());
        keys.removeAll(PER_RUN_KEYS);
        return keys.stream().filter(k -> !Objects.equals(environmentA.get(k), environmentB.get(k)))
                .map(k -> k + ": " + environmentA.getOrDefault(k, "-") + " -> " + environmentB.getOrDefault(k, "-"))
                .toList();
    }

    /** Decides the tested cells as one family and describes the others, in the order of the pairs. */
    private static List<CellComparison> decide(List<Cell[]> pairs) {
        Map<String, Optional<String>> tested = Comparisons.testedMetrics(pairs.stream().map(p -> p[1]).toList());
        List<Cell[]> family = pairs.stream().filter(p -> isTested(tested, p[1])).toList();
        double[] ones = new double[family.size()];
        Arrays.fill(ones, 1);
        List<RatioFamily.Decision> decisions = RatioFamily.decide(family.stream().map(RunComparison::test).toList(),
                ones, Comparisons.ALPHA, DecisionLevels.FIXED);
        List<CellComparison> out = new ArrayList<>();
        int next = 0;
        for (Cell[] p : pairs) {
            if (isTested(tested, p[1])) {
                RatioFamily.Decision d = decisions.get(next++);
                out.add(new CellComparison(p[0], p[1], d.gain(), d.p(), d.pHolm(), ComparisonVerdict.of(d.call()),
                        null));
            } else {
                out.add(new CellComparison(p[0], p[1], test(p).interval(CellStatistics.CONFIDENCE), Double.NaN,
                        Double.NaN, ComparisonVerdict.NOT_TESTED, null));
            }
        }
        return out;
    }

    /** A is the baseline, B the candidate. */
    private static RatioTest test(Cell[] pair) {
        return Comparisons.test(pair[0], pair[1]);
    }

    private static boolean isTested(Map<String, Optional<String>> tested, Cell cell) {
        return Comparisons.isTested(tested, cell);
    }

    private static List<Cell> cells(RunSamples run) {
        if (run.samples().isEmpty()) {
            throw new ResultsInputException("run " + run.label() + " has no samples; compare runs that measured "
                    + "something");
        }
        return Cell.group(run.samples());
    }

    private static List<String> key(Cell c) {
        return List.of(c.variant(), c.workload(), c.metric());
    }

    private static String variants(RunSamples run) {
        return run.label() + " has " + run.samples().stream().map(s -> s.variant() + "/" + s.workload())
                .collect(Collectors.toCollection(TreeSet::new)).stream().limit(4).collect(Collectors.joining(", "))
                + (run.samples().stream().map(s -> s.variant() + "/" + s.workload()).distinct().count() > 4
                ? ", ..." : "");
    }
}
