package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectionTest {

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
        // by name, whatever the unit says
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
    void directionByNameThenUnit(String metric, String unit, Direction expected) {
        assertThat(Direction.of(metric, unit)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"score, points", "size, B", "speed, /s", "read_iops_total, furlongs"})
    void unknownUnitIsAClearError(String metric, String unit) {
        assertThatThrownBy(() -> Direction.of(metric, unit)).isInstanceOf(UnknownUnitException.class)
                .hasMessage("metric " + metric + ": unknown unit '" + unit + "'; use a time unit (ns, us, ms, s: "
                        + "lower is better), a rate ending in /s (IO/s, B/s, bit/s: higher is better), % or count "
                        + "(lower is better)");
    }
}
