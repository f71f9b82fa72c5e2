package dev.vbench.results.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.stats.Direction;
import dev.vbench.results.stats.UnknownUnitException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricCatalogTest {

    @ParameterizedTest
    @CsvSource({
        "read_iops, IO/s, HIGHER_IS_BETTER",
        "write_bw, B/s, HIGHER_IS_BETTER",
        "trim_iops, IO/s, HIGHER_IS_BETTER",
        "mixed_bw, B/s, HIGHER_IS_BETTER",
        "throughput, bit/s, HIGHER_IS_BETTER",
        "read_clat_mean, ns, LOWER_IS_BETTER",
        "write_clat_p50, ns, LOWER_IS_BETTER",
        "read_clat_p99, ns, LOWER_IS_BETTER",
        "mixed_clat_p999, ns, LOWER_IS_BETTER",
        "retransmits, count, LOWER_IS_BETTER",
        "cpu_local, %, LOWER_IS_BETTER",
        "cpu_remote, %, LOWER_IS_BETTER",
        "jitter, ms, LOWER_IS_BETTER",
        "lost, count, LOWER_IS_BETTER",
        "host_cpu, %, LOWER_IS_BETTER",
        // by definition, whatever the unit says
        "throughput, widgets, HIGHER_IS_BETTER",
        "lost, %, LOWER_IS_BETTER",
        // other metrics by unit
        "boot_time, s, LOWER_IS_BETTER",
        "rtt, us, LOWER_IS_BETTER",
        "rtt, µs, LOWER_IS_BETTER",
        "syscall, ns, LOWER_IS_BETTER",
        "ping, ms, LOWER_IS_BETTER",
        "packets, pkt/s, HIGHER_IS_BETTER",
        "rate, B/s, HIGHER_IS_BETTER",
        "steal, %, LOWER_IS_BETTER",
        "errors, count, LOWER_IS_BETTER",
    })
    void directionByDefinitionThenUnit(String metric, String unit, Direction expected) {
        assertThat(MetricCatalog.direction(metric, unit)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"score, points", "size, B", "speed, /s", "read_iops_total, furlongs"})
    void unknownUnitIsAClearError(String metric, String unit) {
        assertThatThrownBy(() -> MetricCatalog.direction(metric, unit)).isInstanceOf(UnknownUnitException.class)
                .hasMessage("metric " + metric + ": unknown unit '" + unit + "'; use a time unit (ns, us, ms, s: "
                        + "lower is better), a rate ending in /s (IO/s, B/s, bit/s: higher is better), % or count "
                        + "(lower is better)");
    }

    @ParameterizedTest
    @CsvSource({
        "read_iops, read IOPS",
        "write_bw, write bandwidth",
        "trim_clat_mean, trim latency mean",
        "mixed_clat_p50, mixed latency p50",
        "read_clat_p99, read latency p99",
        "write_clat_p999, write latency p99.9",
        "throughput, throughput",
        "cpu_local, CPU (sender)",
        "cpu_remote, CPU (receiver)",
        "host_cpu, host CPU",
        "boot_time_total, boot time total",
    })
    void labels(String metric, String label) {
        assertThat(MetricCatalog.label(metric)).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({
        "read_iops, true", "mixed_iops, true", "write_bw, true", "throughput, true",
        "read_clat_mean, false", "write_clat_p99, false", "retransmits, false", "jitter, false", "lost, false",
        "cpu_local, false", "host_cpu, false", "boot_time, false", "iops, false",
    })
    void primaryMetricsAreTheHeadlineRatesOnly(String metric, boolean primary) {
        assertThat(MetricCatalog.isPrimary(metric)).isEqualTo(primary);
    }

    @ParameterizedTest
    @CsvSource({
        "read_iops, IO/s, false", "read_clat_p99, ns, false", "host_cpu, s, false", "lost, %, false",
        "packets, pkt/s, false", "errors, count, false", "steal, %, false",
        "clock_offset, us, true", "temperature_delta, K, true",
    })
    void onlyImportedSignedQuantitiesMayBeNegative(String metric, String unit, boolean signed) {
        assertThat(MetricCatalog.mayBeNegative(metric, unit)).isEqualTo(signed);
    }

    @Test
    void unitsOfEveryMetric() {
        assertThat(MetricCatalog.all()).hasSize(4 * 6 + 10);
        for (MetricDef def : MetricCatalog.all()) {
            String expected;
            if (def.name().endsWith("_iops")) {
                expected = "IO/s";
            } else if (def.name().endsWith("_bw")) {
                expected = "B/s";
            } else if (def.name().contains("_clat_")) {
                expected = "ns";
            } else {
                expected = switch (def.name()) {
                    case "throughput" -> "bit/s";
                    case "retransmits" -> "count";
                    case "jitter" -> "ms";
                    case "host_cpu" -> "s";
                    case "io_per_host_cpu_s" -> "IO/cpu-s";
                    case "bytes_per_host_cpu_s" -> "B/cpu-s";
                    case "bits_per_host_cpu_s" -> "bit/cpu-s";
                    default -> "%";
                };
            }
            assertThat(def.unit()).as(def.name()).isEqualTo(expected);
        }
    }

    @Test
    void namesAreUniqueAndOfTheMetricGrammar() {
        Pattern grammar = Pattern.compile("[a-z][a-z0-9_]{0,63}");
        List<String> names = MetricCatalog.all().stream().map(MetricDef::name).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> grammar.matcher(n).matches());
    }

    @Test
    void metricsOfEachWorkloadKind() {
        assertThat(names(MetricCatalog.of(WorkloadKind.FIO, List.of("read")))).containsExactly("read_iops",
                "read_bw", "read_clat_mean", "read_clat_p50", "read_clat_p99", "read_clat_p999", "io_per_host_cpu_s",
                "bytes_per_host_cpu_s", "host_cpu");
        assertThat(names(MetricCatalog.of(WorkloadKind.FIO, List.of("read", "write")))).hasSize(15)
                .contains("write_clat_p999").doesNotContain("trim_iops", "throughput");
        assertThat(names(MetricCatalog.of(WorkloadKind.IPERF3_TCP, List.of()))).containsExactly("throughput",
                "retransmits", "cpu_local", "cpu_remote", "bits_per_host_cpu_s", "host_cpu");
        assertThat(names(MetricCatalog.of(WorkloadKind.IPERF3_UDP, List.of("read")))).containsExactly("throughput",
                "jitter", "lost", "cpu_local", "cpu_remote", "bits_per_host_cpu_s", "host_cpu");
    }

    @Test
    void fioNamesSplitIntoDirectionAndMeasure() {
        assertThat(MetricCatalog.fioDirection("mixed_clat_p50")).contains("mixed");
        assertThat(MetricCatalog.fioMeasure("mixed_clat_p50")).contains(MetricCatalog.FioMeasure.CLAT_P50);
        assertThat(MetricCatalog.fioMeasure("write_clat_p999").orElseThrow().percentileLabel()).isEqualTo("p99.9");
        assertThat(MetricCatalog.fioMeasure("read_clat_mean").orElseThrow().isPercentile()).isFalse();
        assertThat(MetricCatalog.fioMeasure("throughput")).isEmpty();
        assertThat(MetricCatalog.fio("trim", MetricCatalog.FioMeasure.BW).name()).isEqualTo("trim_bw");
        assertThatThrownBy(() -> MetricCatalog.fio("sideways", MetricCatalog.FioMeasure.BW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read, write, trim, mixed");
    }

    private static List<String> names(List<MetricDef> defs) {
        return defs.stream().map(MetricDef::name).toList();
    }

    @Test
    void efficienciesAreHigherIsBetterNeverTestedAndNamedInClaims() {
        assertThat(names(MetricCatalog.efficiencies(WorkloadKind.FIO))).containsExactly("io_per_host_cpu_s",
                "bytes_per_host_cpu_s");
        assertThat(names(MetricCatalog.efficiencies(WorkloadKind.IPERF3_TCP))).containsExactly(
                "bits_per_host_cpu_s");
        for (String name : List.of("io_per_host_cpu_s", "bytes_per_host_cpu_s", "bits_per_host_cpu_s")) {
            assertThat(MetricCatalog.direction(name, "x")).isEqualTo(dev.vbench.results.stats.Direction
                    .HIGHER_IS_BETTER);
            assertThat(MetricCatalog.isPrimary(name)).isFalse();
        }
        assertThat(MetricCatalog.testedMetric(List.of("io_per_host_cpu_s", "read_iops", "host_cpu")))
                .contains("read_iops");
        assertThat(MetricCatalog.testedMetric(List.of("bits_per_host_cpu_s", "throughput"))).contains("throughput");
    }
}
