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
import java.util.Set;

/**
 * The samples of one (variant, workload, metric) and their statistics.
 *
 * @param variant   variant name
 * @param workload  workload name
 * @param metric    metric name
 * @param unit      unit of every sample
 * @param direction which way the metric improves
 * @param values    the samples in repetition order
 * @param stats     their statistics
 */
public record Cell(String variant, String workload, String metric, String unit, Direction direction,
                   List<Double> values, CellStatistics stats) {

    /** Orders cells by variant, workload, metric. */
    public static final Comparator<Cell> ORDER = Comparator.comparing(Cell::variant).thenComparing(Cell::workload)
            .thenComparing(Cell::metric);

    /** Copies the values. */
    public Cell {
        values = List.copyOf(values);
    }

    /** @return the values as an array */
    public double[] valueArray() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Groups samples into cells, sorted by variant, workload and metric; within a cell, samples are ordered by
     * repetition.
     *
     * @param samples the samples
     * @return one cell per (variant, workload, metric)
     * @throws ResultsInputException when one cell has samples in two units or a repetition twice
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
            Set<Integer> reps = new HashSet<>();
            for (Sample sample : group) {
                if (!sample.unit().equals(first.unit())) {
                    throw new ResultsInputException(where + " has samples in two units, " + first.unit() + " and "
                            + sample.unit() + "; convert them to one unit");
                }
                if (!reps.add(sample.rep())) {
                    throw new ResultsInputException(where + " has repetition " + sample.rep()
                            + " twice; remove the duplicate sample");
                }
            }
            List<Sample> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingInt(Sample::rep));
            List<Double> values = sorted.stream().map(Sample::value).toList();
            cells.add(new Cell(first.variant(), first.workload(), first.metric(), first.unit(),
                    MetricCatalog.direction(first.metric(), first.unit()), values, CellStatistics.of(values)));
        }
        cells.sort(ORDER);
        return cells;
    }
}
