package dev.vbench.microbench;

import dev.vbench.results.Sample;
import dev.vbench.results.history.Night;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Real noise to build synthetic nights from: the residuals of lab runs' samples, kept with their boot structure.
 * For each (variant, workload) cell of each run, a sample is its cell mean x a boot factor (the boot's mean / the
 * cell mean) x a within factor (the sample / its boot's mean), per metric, their deviations from 1 rescaled to the
 * cell's variance components ({@link #residuals}). A synthetic night draws, for each of its boots, one source boot
 * of the cell (from any run) and, for each repetition, one repetition of that boot, and applies the same draw to
 * every metric of the cell, so metrics that move together (IOPS and bandwidth) still do. The nights are independent:
 * a lab run has no night-to-night drift to resample.
 */
final class LabNoise {
    /** Where nights start: one a day from here. */
    static final Instant FIRST = Instant.parse("2026-01-01T02:00:00Z");

    /** A resampled boot: its factor and its repetitions' factors, per metric. */
    record Boot(Map<String, Double> factor, List<Map<String, Double>> reps) {
    }

    /**
     * One (variant, workload) cell: its metrics' means, units and directions, and its boots.
     *
     * @param variant  the variant
     * @param workload the workload
     * @param means    each metric's mean over the runs, in metric order
     * @param units    each metric's unit
     */
    record Cell(String variant, String workload, Map<String, Double> means, Map<String, String> units,
            List<Boot> boots) {

        /** @return the metric whose comparisons are tested, as {@link MetricCatalog#testedMetric} picks it */
        String tested() {
            return MetricCatalog.testedMetric(means.keySet()).orElse(means.keySet().iterator().next());
        }

        /** @return the metric's direction */
        Direction direction(String metric) {
            return MetricCatalog.direction(metric, units.get(metric));
        }

        /** @return the per-sample coefficient of variation of a metric in the resampled noise */
        double cv(String metric) {
            List<Double> products = new ArrayList<>();
            for (Boot b : boots) {
                for (Map<String, Double> rep : b.reps()) {
                    products.add(b.factor().get(metric) * rep.get(metric));
                }
            }
            double mean = products.stream().mapToDouble(Double::doubleValue).average().orElse(1);
            double ss = products.stream().mapToDouble(p -> (p - mean) * (p - mean)).sum();
            return Math.sqrt(ss / (products.size() - 1)) / mean;
        }

        /**
         * One night of every metric of the cell.
         *
         * @param night  the night's number (its run id is {@code n} and the number)
         * @param random the random source
         * @param boots  boots per night
         * @param reps   repetitions per boot
         * @param scale  multiplies every deviation of a factor from 1 (1 keeps the lab's noise)
         * @param level  multiplies each metric's mean (1 for none)
         * @return metric -> night
         */
        Map<String, Night> night(int night, Random random, int boots, int reps, double scale,
                Map<String, Double> level) {
            Map<String, double[]> values = new LinkedHashMap<>();
            means.keySet().forEach(m -> values.put(m, new double[boots * reps]));
            int[] bootOf = new int[boots * reps];
            for (int b = 0; b < boots; b++) {
                Boot source = this.boots.get(random.nextInt(this.boots.size()));
                for (int r = 0; r < reps; r++) {
                    Map<String, Double> rep = source.reps().get(random.nextInt(source.reps().size()));
                    bootOf[b * reps + r] = b + 1;
                    for (String m : means.keySet()) {
                        double factor = (1 + scale * (source.factor().getOrDefault(m, 1.0) - 1))
                                * (1 + scale * (rep.getOrDefault(m, 1.0) - 1));
                        values.get(m)[b * reps + r] = means.get(m) * level.getOrDefault(m, 1.0) * factor;
                    }
                }
            }
            String run = String.format(java.util.Locale.ROOT, "n%04d", night);
            Map<String, Night> nights = new LinkedHashMap<>();
            values.forEach((m, v) -> nights.put(m, new Night(run, FIRST.plus(Duration.ofDays(night)),
                    Map.of("qemu", "8.2"), v, bootOf)));
            return nights;
        }
    }

    private LabNoise() {
    }

    /**
     * @param runs the samples of each lab run
     * @return the cells found in any run, in the order first seen
     */
    static List<Cell> cells(List<List<Sample>> runs) {
        Map<String, Map<String, List<Double>>> means = new LinkedHashMap<>();
        Map<String, Map<String, String>> units = new LinkedHashMap<>();
        Map<String, List<Boot>> boots = new LinkedHashMap<>();
        for (List<Sample> run : runs) {
            Map<String, Map<Integer, Map<Integer, Map<String, Double>>>> byCell = new LinkedHashMap<>();
            for (Sample s : run) {
                String cell = s.variant() + "/" + s.workload();
                byCell.computeIfAbsent(cell, c -> new TreeMap<>()).computeIfAbsent(s.boot(), b -> new TreeMap<>())
                        .computeIfAbsent(s.rep(), r -> new TreeMap<>()).put(s.metric(), s.value());
                units.computeIfAbsent(cell, c -> new TreeMap<>()).put(s.metric(), s.unit());
            }
            byCell.forEach((cell, bootMap) -> boots.computeIfAbsent(cell, c -> new ArrayList<>())
                    .addAll(residuals(bootMap, means.computeIfAbsent(cell, c -> new TreeMap<>()))));
        }
        List<Cell> cells = new ArrayList<>();
        for (String cell : boots.keySet()) {
            Map<String, Double> mean = new TreeMap<>();
            means.get(cell).forEach((m, list) -> mean.put(m, list.stream().mapToDouble(Double::doubleValue)
                    .average().orElseThrow()));
            String[] names = cell.split("/", 2);
            cells.add(new Cell(names[0], names[1], mean, units.get(cell), boots.get(cell)));
        }
        return cells;
    }

    /**
     * The boots of one cell of one run, as factors; adds the run's cell mean of each metric to {@code means}. The
     * deviations are rescaled so that resampling them gives each metric's variance components as a one-way analysis
     * of variance estimates them: within a boot the pooled variance s_w² of the relative residuals, between boots
     * max(0, variance of the relative boot means - s_w² / reps per boot).
     */
    private static List<Boot> residuals(Map<Integer, Map<Integer, Map<String, Double>>> bootMap,
            Map<String, List<Double>> means) {
        List<Map<String, Double>> bootMeans = new ArrayList<>();
        Map<String, Double> cellMean = new TreeMap<>();
        for (Map<Integer, Map<String, Double>> reps : bootMap.values()) {
            Map<String, Double> bootMean = new TreeMap<>();
            reps.values().forEach(rep -> rep.forEach((m, v) -> bootMean.merge(m, v / reps.size(), Double::sum)));
            bootMeans.add(bootMean);
            bootMean.forEach((m, v) -> cellMean.merge(m, v / bootMap.size(), Double::sum));
        }
        cellMean.forEach((m, v) -> means.computeIfAbsent(m, k -> new ArrayList<>()).add(v));
        Map<String, Double> withinScale = new TreeMap<>();
        Map<String, Double> bootScale = new TreeMap<>();
        for (String m : cellMean.keySet()) {
            double ss = 0;
            int n = 0;
            int df = 0;
            int i = 0;
            for (Map<Integer, Map<String, Double>> reps : bootMap.values()) {
                double bm = bootMeans.get(i++).get(m);
                for (Map<String, Double> rep : reps.values()) {
                    ss += Math.pow(rep.get(m) / bm - 1, 2);
                    n++;
                }
                df += reps.size() - 1;
            }
            double within = df > 0 ? ss / df : 0;
            double bootSs = 0;
            for (Map<String, Double> bm : bootMeans) {
                bootSs += Math.pow(bm.get(m) / cellMean.get(m) - 1, 2);
            }
            int boots = bootMeans.size();
            double between = boots > 1 ? Math.max(0, bootSs / (boots - 1) - within / ((double) n / boots)) : 0;
            withinScale.put(m, ss > 0 ? Math.sqrt(within * n / ss) : 0);
            bootScale.put(m, bootSs > 0 ? Math.sqrt(between * boots / bootSs) : 0);
        }
        List<Boot> boots = new ArrayList<>();
        int i = 0;
        for (Map<Integer, Map<String, Double>> reps : bootMap.values()) {
            Map<String, Double> bootMean = bootMeans.get(i++);
            Map<String, Double> factor = new TreeMap<>();
            bootMean.forEach((m, v) -> factor.put(m, 1 + bootScale.get(m) * (v / cellMean.get(m) - 1)));
            List<Map<String, Double>> within = new ArrayList<>();
            for (Map<String, Double> rep : reps.values()) {
                Map<String, Double> w = new TreeMap<>();
                rep.forEach((m, v) -> w.put(m, 1 + withinScale.get(m) * (v / bootMean.get(m) - 1)));
                within.add(w);
            }
            boots.add(new Boot(factor, within));
        }
        return boots;
    }
}
