package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work per host CPU second, against values worked out by hand. */
class EfficiencyTest {
    @Test
    void fioCountsTheOperationsAndBytesOfEveryDirectionOverTheMeasuredTime() {
        // 3,000 read + 1,000 write IO/s for 6 s = 24,000 operations on 1.5 CPU s = 16,000 IO per CPU s;
        // (12 + 4) MB/s x 6 s = 96 MB on 1.5 CPU s = 64 MB per CPU s
        List<Metric> out = Efficiency.of(List.of(new Metric("read_iops", "IO/s", 3_000),
                new Metric("write_iops", "IO/s", 1_000), new Metric("read_bw", "B/s", 12e6),
                new Metric("write_bw", "B/s", 4e6), new Metric("read_clat_mean", "ns", 5e5)), 1.5,
                Duration.ofSeconds(6));
        assertThat(out).extracting(Metric::name).containsExactly("io_per_host_cpu_s", "bytes_per_host_cpu_s");
        assertThat(out.get(0).value()).isCloseTo(16_000, within(1e-9));
        assertThat(out.get(0).unit()).isEqualTo("IO/cpu-s");
        assertThat(out.get(1).value()).isCloseTo(64e6, within(1e-3));
    }

    @Test
    void iperf3CountsTheBitsReceived() {
        // 2.5 Gbit/s for 5.0 s = 12.5 Gbit on 4 CPU s
        List<Metric> out = Efficiency.of(List.of(new Metric("throughput", "bit/s", 2.5e9),
                new Metric("retransmits", "count", 3)), 4, Duration.ofMillis(5_000));
        assertThat(out).containsExactly(new Metric("bits_per_host_cpu_s", "bit/cpu-s", 3.125e9));
    }

    @Test
    void nothingWithoutCpuTimeOrRunTime() {
        List<Metric> fio = List.of(new Metric("read_iops", "IO/s", 3_000), new Metric("read_bw", "B/s", 12e6));
        assertThat(Efficiency.of(fio, 0, Duration.ofSeconds(6))).isEmpty();
        assertThat(Efficiency.of(fio, 1, Duration.ZERO)).isEmpty();
        assertThat(Efficiency.of(fio, Double.NaN, Duration.ofSeconds(6))).isEmpty();
    }
}
