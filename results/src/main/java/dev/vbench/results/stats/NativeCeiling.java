package dev.vbench.results.stats;

import dev.vbench.results.Sample;
import dev.vbench.results.metric.MetricCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every variant as a share of the host's own ceiling. A plan with {@code native: true} measures each workload once a
 * round on the hypervisor host itself, without a guest, as the pseudo-variant {@value #VARIANT}: fio on a file
 * beside the overlays, iperf3 between two endpoints on the host. That variant is never the baseline, never compared
 * with it and never in the sequential design: it is the ceiling. Each other variant's tested metric of a workload
 * ({@link MetricCatalog#testedMetric}) and its efficiency ({@code io_per_host_cpu_s}, {@code bits_per_host_cpu_s})
 * are given as a share of native's, with the Fieller interval of that ratio at {@link CellStatistics#CONFIDENCE}
 * from the same {@link RatioTest} the comparisons use (boots the unit of replication): the share and its interval
 * are one computation.
 */
public final class NativeCeiling {
    /** The reserved variant name of the host's own measurements. */
    public static final String VARIANT = "native";

    private static final Set<String> EFFICIENCIES = Set.of(MetricCatalog.IO_PER_HOST_CPU.name(),
            MetricCatalog.BITS_PER_HOST_CPU.name());

    private NativeCeiling() {
    }

    /**
     * One variant's metric as a share of native's.
     *
     * @param variant   the variant
     * @param workload  the workload
     * @param metric    the metric
     * @param unit      its unit
     * @param ceiling   native's mean
     * @param mean      the variant's mean
     * @param share     variant / native when higher is better, native / variant when lower is better (1 is the
     *                  ceiling), with its interval
     */
    public record Share(String variant, String workload, String metric, String unit, double ceiling, double mean,
                        Gain share) {
        /** @return the share in percent */
        public double percent() {
            return 100 * share.value();
        }

        /** @return the interval's lower bound in percent */
        public double low() {
            return 100 * share.low();
        }

        /** @return the interval's upper bound in percent */
        public double high() {
            return 100 * share.high();
        }
    }

    /**
     * @param variant a variant name
     * @return whether it is the host's own ceiling
     */
    public static boolean isNative(String variant) {
        return VARIANT.equals(variant);
    }

    /**
     * @param samples samples of a run
     * @return those of real variants, in order
     */
    public static List<Sample> withoutNative(List<Sample> samples) {
        return samples.stream().filter(s -> !isNative(s.variant())).toList();
    }

    /**
     * @param cells cells of a run, native's among them or not
     * @return one share per cell of a variant whose metric is its workload's tested one or an efficiency and that
     *         native also has, in the order of the cells; empty without native cells
     */
    public static List<Share> of(List<Cell> cells) {
        List<Cell> variants = cells.stream().filter(c -> !isNative(c.variant())).toList();
        Map<String, Optional<String>> tested = Comparisons.testedMetrics(variants);
        List<Share> shares = new ArrayList<>();
        for (Cell cell : variants) {
            if (!Comparisons.isTested(tested, cell) && !EFFICIENCIES.contains(cell.metric())) {
                continue;
            }
            Cell.find(cells, VARIANT, cell.workload(), cell.metric()).ifPresent(ceiling -> shares.add(new Share(
                    cell.variant(), cell.workload(), cell.metric(), cell.unit(), ceiling.stats().mean(),
                    cell.stats().mean(), test(ceiling, cell).interval(CellStatistics.CONFIDENCE))));
        }
        return List.copyOf(shares);
    }

    /** {@link RatioTest#of} with native in the place of the baseline, named so in the notes. */
    private static RatioTest test(Cell ceiling, Cell cell) {
        return cell.direction() == Direction.HIGHER_IS_BETTER
                ? new RatioTest(cell.replicates(), ceiling.replicates(), VARIANT)
                : new RatioTest(ceiling.replicates(), cell.replicates(), "variant");
    }
}
