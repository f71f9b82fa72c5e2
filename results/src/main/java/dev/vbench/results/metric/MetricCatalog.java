package dev.vbench.results.metric;

import static dev.vbench.results.stats.Direction.HIGHER_IS_BETTER;
import static dev.vbench.results.stats.Direction.LOWER_IS_BETTER;

import dev.vbench.results.stats.Direction;
import dev.vbench.results.stats.UnknownUnitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every metric vbench produces, defined once: parsers, statistics, claims, charts, the report and the run driver
 * take names, units, directions, labels and the primary flag from here.
 *
 * <p>fio: per direction {@code D} in {@link #FIO_DIRECTIONS}, {@code D_iops} (IO/s), {@code D_bw} (B/s), and the
 * completion latencies {@code D_clat_mean}, {@code D_clat_p50}, {@code D_clat_p99}, {@code D_clat_p999} (ns).
 * iperf3: {@code throughput} (bit/s), {@code retransmits} (TCP), {@code jitter} and {@code lost} (UDP),
 * {@code cpu_local}, {@code cpu_remote} (%). Every workload: {@code host_cpu} (s of the guest's QEMU on the host).
 * The host's efficiency, from {@code host_cpu} and the measured run time T: fio {@code io_per_host_cpu_s} (I/O
 * operations of every direction, {@code sum(D_iops) x T / host_cpu}) and {@code bytes_per_host_cpu_s}
 * ({@code sum(D_bw) x T / host_cpu}); iperf3 {@code bits_per_host_cpu_s} ({@code throughput x T / host_cpu}).
 *
 * <p>Samples imported from elsewhere may carry other metrics; their direction then follows from the unit
 * ({@link #direction(String, String)}).
 */
public final class MetricCatalog {
    /** The I/O directions fio reports, in metric order. */
    public static final List<String> FIO_DIRECTIONS = List.of("read", "write", "trim", "mixed");

    /** What fio reports per direction; a fio metric's name is {@code DIRECTION_SUFFIX}. */
    public enum FioMeasure {
        /** Operations per second, summed over jobs. */
        IOPS("iops", "IO/s", HIGHER_IS_BETTER, "IOPS", true),
        /** Bytes per second, summed over jobs. */
        BW("bw", "B/s", HIGHER_IS_BETTER, "bandwidth", true),
        /** Mean completion latency. */
        CLAT_MEAN("clat_mean", "ns", LOWER_IS_BETTER, "latency mean", false),
        /** Median completion latency. */
        CLAT_P50("clat_p50", "ns", LOWER_IS_BETTER, "latency p50", false),
        /** 99th percentile completion latency. */
        CLAT_P99("clat_p99", "ns", LOWER_IS_BETTER, "latency p99", false),
        /** 99.9th percentile completion latency. */
        CLAT_P999("clat_p999", "ns", LOWER_IS_BETTER, "latency p99.9", false);

        private final String suffix;
        private final String unit;
        private final Direction direction;
        private final String label;
        private final boolean primary;

        FioMeasure(String suffix, String unit, Direction direction, String label, boolean primary) {
            this.suffix = suffix;
            this.unit = unit;
            this.direction = direction;
            this.label = label;
            this.primary = primary;
        }

        /** @return whether this is a completion-latency percentile (charted together per direction) */
        public boolean isPercentile() {
            return this == CLAT_P50 || this == CLAT_P99 || this == CLAT_P999;
        }

        /** @return the percentile's short label ({@code p50}, {@code p99}, {@code p99.9}) */
        public String percentileLabel() {
            return label.substring(label.lastIndexOf(' ') + 1);
        }
    }

    /** iperf3's received throughput. */
    public static final MetricDef THROUGHPUT = new MetricDef("throughput", "bit/s", HIGHER_IS_BETTER, "throughput",
            true, EnumSet.of(WorkloadKind.IPERF3_TCP, WorkloadKind.IPERF3_UDP));
    /** TCP retransmits of the sender. */
    public static final MetricDef RETRANSMITS = new MetricDef("retransmits", "count", LOWER_IS_BETTER,
            "retransmits", false, EnumSet.of(WorkloadKind.IPERF3_TCP));
    /** UDP jitter. */
    public static final MetricDef JITTER = new MetricDef("jitter", "ms", LOWER_IS_BETTER, "jitter", false,
            EnumSet.of(WorkloadKind.IPERF3_UDP));
    /** UDP datagrams lost. */
    public static final MetricDef LOST = new MetricDef("lost", "%", LOWER_IS_BETTER, "lost", false,
            EnumSet.of(WorkloadKind.IPERF3_UDP));
    /** CPU use of the iperf3 sender. */
    public static final MetricDef CPU_LOCAL = new MetricDef("cpu_local", "%", LOWER_IS_BETTER, "CPU (sender)",
            false, EnumSet.of(WorkloadKind.IPERF3_TCP, WorkloadKind.IPERF3_UDP));
    /** CPU use of the iperf3 receiver. */
    public static final MetricDef CPU_REMOTE = new MetricDef("cpu_remote", "%", LOWER_IS_BETTER, "CPU (receiver)",
            false, EnumSet.of(WorkloadKind.IPERF3_TCP, WorkloadKind.IPERF3_UDP));
    /** CPU seconds the variant's QEMU process used on the host during a measurement, for every workload. */
    public static final MetricDef HOST_CPU = new MetricDef("host_cpu", "s", LOWER_IS_BETTER, "host CPU", false,
            EnumSet.allOf(WorkloadKind.class));

    /** I/O operations of every direction per second of host CPU (fio): the cost of a variant's I/O path. */
    public static final MetricDef IO_PER_HOST_CPU = new MetricDef("io_per_host_cpu_s", "IO/cpu-s", HIGHER_IS_BETTER,
            "IO per host CPU s", false, EnumSet.of(WorkloadKind.FIO));
    /** Bytes moved in every direction per second of host CPU (fio). */
    public static final MetricDef BYTES_PER_HOST_CPU = new MetricDef("bytes_per_host_cpu_s", "B/cpu-s",
            HIGHER_IS_BETTER, "bytes per host CPU s", false, EnumSet.of(WorkloadKind.FIO));
    /** Bits received per second of host CPU (iperf3). */
    public static final MetricDef BITS_PER_HOST_CPU = new MetricDef("bits_per_host_cpu_s", "bit/cpu-s",
            HIGHER_IS_BETTER, "bits per host CPU s", false, EnumSet.of(WorkloadKind.IPERF3_TCP,
            WorkloadKind.IPERF3_UDP));

    private static final Set<String> TIME_UNITS = Set.of("ns", "us", "\u00b5s", "ms", "s");
    private static final Map<String, MetricDef> BY_NAME = index();
    private static final Map<String, FioMeasure> FIO_MEASURE_BY_NAME = fioIndex();

    private MetricCatalog() {
    }

    private static Map<String, MetricDef> index() {
        Map<String, MetricDef> all = new LinkedHashMap<>();
        for (String direction : FIO_DIRECTIONS) {
            for (FioMeasure m : FioMeasure.values()) {
                String name = direction + "_" + m.suffix;
                all.put(name, new MetricDef(name, m.unit, m.direction, direction + " " + m.label, m.primary,
                        EnumSet.of(WorkloadKind.FIO)));
            }
        }
        for (MetricDef d : List.of(THROUGHPUT, RETRANSMITS, JITTER, LOST, CPU_LOCAL, CPU_REMOTE,
                IO_PER_HOST_CPU, BYTES_PER_HOST_CPU, BITS_PER_HOST_CPU, HOST_CPU)) {
            all.put(d.name(), d);
        }
        return Collections.unmodifiableMap(all);
    }

    private static Map<String, FioMeasure> fioIndex() {
        Map<String, FioMeasure> all = new LinkedHashMap<>();
        for (String direction : FIO_DIRECTIONS) {
            for (FioMeasure m : FioMeasure.values()) {
                all.put(direction + "_" + m.suffix, m);
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * @return every metric vbench defines, fio first (by direction, then measure), then iperf3, then the
     *         efficiencies, then host CPU
     */
    public static List<MetricDef> all() {
        return List.copyOf(BY_NAME.values());
    }

    /**
     * @param name a metric name
     * @return its definition, or empty for a metric vbench does not define (an imported one)
     */
    public static Optional<MetricDef> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The fio metric of one direction and measure.
     *
     * @param direction one of {@link #FIO_DIRECTIONS}
     * @param measure   what is measured
     * @return its definition
     * @throws IllegalArgumentException for an unknown direction
     */
    public static MetricDef fio(String direction, FioMeasure measure) {
        MetricDef def = BY_NAME.get(direction + "_" + measure.suffix);
        if (def == null || !FIO_DIRECTIONS.contains(direction)) {
            throw new IllegalArgumentException("unknown fio direction '" + direction + "' (valid: "
                    + String.join(", ", FIO_DIRECTIONS) + ")");
        }
        return def;
    }

    /**
     * @param name a metric name
     * @return the fio measure it is, or empty when it is not a fio metric
     */
    public static Optional<FioMeasure> fioMeasure(String name) {
        return Optional.ofNullable(FIO_MEASURE_BY_NAME.get(name));
    }

    /**
     * @param name a fio metric name
     * @return its direction prefix ({@code read}...), or empty when it is not a fio metric
     */
    public static Optional<String> fioDirection(String name) {
        return fioMeasure(name).map(m -> name.substring(0, name.length() - m.suffix.length() - 1));
    }

    /**
     * The metrics a workload produces, in catalog order (its efficiencies included), {@code host_cpu} last: the
     * names a claim about it may use.
     *
     * @param kind           the workload kind
     * @param fioDirections  for {@link WorkloadKind#FIO}, the directions the job moves (ignored otherwise)
     * @return the metrics
     */
    public static List<MetricDef> of(WorkloadKind kind, List<String> fioDirections) {
        List<MetricDef> out = new ArrayList<>();
        for (MetricDef def : BY_NAME.values()) {
            if (def == HOST_CPU || !def.kinds().contains(kind)) {
                continue;
            }
            if (kind == WorkloadKind.FIO && fioDirection(def.name()).filter(d -> !fioDirections.contains(d))
                    .isPresent()) {
                continue;
            }
            out.add(def);
        }
        out.add(HOST_CPU);
        return List.copyOf(out);
    }

    /**
     * The efficiency metrics of a workload kind, derived from {@code host_cpu}.
     *
     * @param kind the workload kind
     * @return {@link #IO_PER_HOST_CPU} and {@link #BYTES_PER_HOST_CPU} for fio, {@link #BITS_PER_HOST_CPU} else
     */
    public static List<MetricDef> efficiencies(WorkloadKind kind) {
        return kind == WorkloadKind.FIO ? List.of(IO_PER_HOST_CPU, BYTES_PER_HOST_CPU) : List.of(BITS_PER_HOST_CPU);
    }

    /**
     * Whether a metric is a headline metric: IOPS, bandwidth, throughput. Unknown metrics are not.
     *
     * @param name a metric name
     * @return whether it is primary
     */
    public static boolean isPrimary(String name) {
        return find(name).map(MetricDef::primary).orElse(false);
    }

    /**
     * The one metric of a workload whose comparisons are tested (the others are described): its first primary metric
     * in this order: IOPS (by direction: mixed, read, write, trim), bandwidth, throughput. IOPS comes before
     * bandwidth because bandwidth is IOPS times the block size, the same comparison; one metric per workload keeps
     * the tested family small, so that real differences stay detectable after Holm's correction.
     *
     * @param metrics the metric names a workload has
     * @return the tested one, or empty when none is primary
     */
    public static Optional<String> testedMetric(Collection<String> metrics) {
        List<String> directions = List.of("mixed", "read", "write", "trim");
        return metrics.stream().filter(MetricCatalog::isPrimary).min(Comparator.comparingInt((String m) ->
                fioMeasure(m).map(f -> f.ordinal() * directions.size()
                        + directions.indexOf(fioDirection(m).orElseThrow())).orElse(Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
    }

    /**
     * The readable name of a metric: {@code read_iops} is "read IOPS"; one vbench does not define has its
     * underscores replaced by spaces.
     *
     * @param name a metric name
     * @return its label
     */
    public static String label(String name) {
        return find(name).map(MetricDef::label).orElse(name.replace('_', ' '));
    }

    /**
     * Whether a metric's values may be below zero: never for vbench's own metrics, nor for rates ({@code /s}),
     * counts and percentages; an imported signed quantity such as a clock offset in {@code us} may.
     *
     * @param name metric name
     * @param unit unit of its values
     * @return whether a negative value can be a real measurement
     */
    public static boolean mayBeNegative(String name, String unit) {
        return !BY_NAME.containsKey(name) && !unit.endsWith("/s") && !unit.equals("count") && !unit.equals("%");
    }

    /**
     * The direction of a metric: vbench's own by its definition, any other by its unit (ns, us, ms, s, %, count
     * lower; rates ending in {@code /s} higher).
     *
     * @param name metric name
     * @param unit unit of its values
     * @return the direction
     * @throws UnknownUnitException when the metric is not vbench's and the unit does not tell
     */
    public static Direction direction(String name, String unit) {
        MetricDef def = BY_NAME.get(name);
        if (def != null) {
            return def.direction();
        }
        if (TIME_UNITS.contains(unit) || unit.equals("%") || unit.equals("count")) {
            return LOWER_IS_BETTER;
        }
        if (unit.length() > 2 && unit.endsWith("/s")) {
            return HIGHER_IS_BETTER;
        }
        throw new UnknownUnitException(name, unit);
    }
}
