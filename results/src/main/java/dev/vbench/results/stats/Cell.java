package dev.vbench.results.stats;

import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import dev.vbench.results.metric.MetricCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The samples of one (variant, workload, metric) and their statistics. The boot is the unit of replication: with two
 * boots or more the interval and every test use the boot means; with one, the repetitions, and a note says that
 * boot-to-boot noise is then not in the interval.
 *
 * @param variant    variant name
 * @param workload   workload name
 * @param metric     metric name
 * @param unit       unit of every sample
 * @param direction  which way the metric improves
 * @param samples    the samples in measurement order: by boot, then repetition
 * @param stats      their statistics
 * @param replicates the independent replicates the interval and tests use
 * @param components the split of the noise between repetitions and boots
 * @param outliers   indexes into {@code samples} of the samples flagged by {@link OutlierFlags}
 * @param drift      the trend of the values with measurement order
 * @param notes      what a reader should know about this cell: one boot, a floored spread, noise, drift, outliers
 */
public record Cell(String variant, String workload, String metric, String unit, Direction direction,
                   List<Sample> samples, CellStatistics stats, Replicates replicates, VarianceComponents components,
                   List<Integer> outliers, DriftCheck drift, List<String> notes) {

    /** Orders cells by variant, workload, metric. */
    public static final Comparator<Cell> ORDER = Comparator.comparing(Cell::variant).thenComparing(Cell::workload)
            .thenComparing(Cell::metric);
    /** Orders the samples of a cell: by boot, then repetition. */
    static final Comparator<Sample> MEASURED = Comparator.comparingInt(Sample::boot).thenComparingInt(Sample::rep);

    /** Copies the lists. */
    public Cell {
        samples = List.copyOf(samples);
        outliers = List.copyOf(outliers);
        notes = List.copyOf(notes);
    }

    /** @return the sample values in measurement order */
    public List<Double> values() {
        return samples.stream().map(Sample::value).toList();
    }

    /** @return the values as an array */
    public double[] valueArray() {
        return samples.stream().mapToDouble(Sample::value).toArray();
    }

    /** @return the number of boots the samples come from */
    public int bootCount() {
        return components.boots();
    }

    /**
     * @return this cell computed again without its outliers, or this cell when it has none
     */
    public Cell withoutOutliers() {
        if (outliers.isEmpty()) {
            return this;
        }
        List<Sample> kept = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (!outliers.contains(i)) {
                kept.add(samples.get(i));
            }
        }
        return of(kept);
    }

    /**
     * @param cells    cells
     * @param variant  a variant
     * @param workload a workload
     * @param metric   a metric
     * @return the cell of that variant, workload and metric, if any
     */
    public static Optional<Cell> find(List<Cell> cells, String variant, String workload, String metric) {
        return cells.stream().filter(c -> c.variant().equals(variant) && c.workload().equals(workload)
                && c.metric().equals(metric)).findFirst();
    }

    /**
     * Groups samples into cells, sorted by variant, workload and metric; within a cell, samples are ordered by boot,
     * then repetition.
     *
     * @param samples the samples
     * @return one cell per (variant, workload, metric)
     * @throws ResultsInputException when one cell has samples in two units or a repetition of a boot twice
     * @throws UnknownUnitException  when a metric's direction cannot be told from its name or unit
     */
    public static List<Cell> group(List<Sample> samples) {
        Map<List<String>, List<Sample>> byKey = new LinkedHashMap<>();
        for (Sample sample : samples) {
            byKey.computeIfAbsent(List.of(sample.variant(), sample.workload(), sample.metric()),
                    k -> new ArrayList<>()).add(sample);
        }
        List<Cell> cells = new ArrayList<>();
        for (List<Sample> group : byKey.values()) {
            Sample first = group.get(0);
            String where = first.variant() + "/" + first.workload() + "/" + first.metric();
            Set<List<Integer>> reps = new HashSet<>();
            for (Sample sample : group) {
                if (!sample.unit().equals(first.unit())) {
                    throw new ResultsInputException(where + " has samples in two units, " + first.unit() + " and "
                            + sample.unit() + "; convert them to one unit");
                }
                if (!reps.add(List.of(sample.boot(), sample.rep()))) {
                    throw new ResultsInputException(where + " has repetition " + sample.rep()
                            + (sample.boot() == 1 ? "" : " of boot " + sample.boot())
                            + " twice; remove the duplicate sample");
                }
            }
            cells.add(of(group));
        }
        cells.sort(ORDER);
        return cells;
    }

    /**
     * The cell of samples that all share variant, workload, metric and unit, with distinct (boot, repetition).
     *
     * @param samples the samples, at least one
     * @return their cell
     */
    static Cell of(List<Sample> samples) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(MEASURED);
        Sample first = sorted.get(0);
        Map<Integer, List<Double>> byBoot = new TreeMap<>();
        sorted.forEach(s -> byBoot.computeIfAbsent(s.boot(), b -> new ArrayList<>()).add(s.value()));
        List<double[]> boots = byBoot.values().stream()
                .map(v -> v.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        double[] values = sorted.stream().mapToDouble(Sample::value).toArray();
        Replicates replicates = boots.size() >= 2
                ? Replicates.of(ReplicationUnit.BOOT, boots.stream().mapToDouble(CellNotes::mean).toArray(), 0)
                : Replicates.of(ReplicationUnit.REPETITION, values, 0);
        double floor = SpreadFloor.of(values, replicates.mean());
        replicates = new Replicates(replicates.unit(), replicates.values(), replicates.mean(), replicates.sd(), floor);
        VarianceComponents components = VarianceComponents.of(boots);
        List<Integer> outliers = OutlierFlags.of(values, floor);
        DriftCheck drift = DriftCheck.of(boots.size() >= CellNotes.BOOTS_FOR_DRIFT
                ? List.of(replicates.values().stream().mapToDouble(Double::doubleValue).toArray()) : boots);
        CellStatistics stats = CellStatistics.of(values, replicates);
        return new Cell(first.variant(), first.workload(), first.metric(), first.unit(),
                MetricCatalog.direction(first.metric(), first.unit()), sorted, stats, replicates, components,
                outliers, drift, CellNotes.of(sorted, stats, replicates, outliers, drift));
    }
}
