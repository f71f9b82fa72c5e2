package dev.vbench.results.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HumanScaleTest {

    @Test
    void picksAUnitPeopleRead() {
        assertThat(HumanScale.of("IO/s", 5181).format(5181)).isEqualTo("5,181 IOPS");
        assertThat(HumanScale.of("IO/s", 2.5e6).format(2.5e6)).isEqualTo("2,500 kIOPS");
        assertThat(HumanScale.of("B/s", 210.0 * 1024 * 1024).format(210.0 * 1024 * 1024)).isEqualTo("210 MiB/s");
        assertThat(HumanScale.of("B/s", 2.5 * 1024 * 1024 * 1024).format(2.5 * 1024 * 1024 * 1024))
                .isEqualTo("2.50 GiB/s");
        assertThat(HumanScale.of("B/s", 512).label()).isEqualTo("B/s");
        assertThat(HumanScale.of("bit/s", 9.41e9).format(9.41e9)).isEqualTo("9.41 Gbit/s");
        assertThat(HumanScale.of("bit/s", 9.41e8).format(9.41e8)).isEqualTo("941 Mbit/s");
        assertThat(HumanScale.of("ns", 185_000).format(185_000)).isEqualTo("185 \u00b5s");
        assertThat(HumanScale.of("ns", 2_669_800).format(2_669_800)).isEqualTo("2.67 ms");
        assertThat(HumanScale.of("ns", 418).format(418)).isEqualTo("418 ns");
        assertThat(HumanScale.of("us", 1500).format(1500)).isEqualTo("1.50 ms");
        assertThat(HumanScale.of("ms", 0.25).format(0.25)).isEqualTo("250 \u00b5s");
        assertThat(HumanScale.of("s", 12).format(12)).isEqualTo("12.0 s");
        assertThat(HumanScale.of("%", 61.5).format(61.5)).isEqualTo("61.5 %");
        assertThat(HumanScale.of("count", 0).format(0)).isEqualTo("0");
    }

    @Test
    void aScaleChosenForTheLargestValueAppliesToSmallerOnes() {
        HumanScale scale = HumanScale.of("B/s", 210.0 * 1024 * 1024);
        assertThat(scale.format(48.0 * 1024 * 1024)).isEqualTo("48.0 MiB/s");
        assertThat(scale.format(0.5 * 1024 * 1024)).isEqualTo("0.500 MiB/s");
    }

    @Test
    void readableMetricNames() {
        assertThat(dev.vbench.results.metric.MetricCatalog.label("read_iops")).isEqualTo("read IOPS");
        assertThat(dev.vbench.results.metric.MetricCatalog.label("write_bw")).isEqualTo("write bandwidth");
        assertThat(dev.vbench.results.metric.MetricCatalog.label("mixed_clat_p999")).isEqualTo("mixed latency p99.9");
        assertThat(dev.vbench.results.metric.MetricCatalog.label("cpu_local")).isEqualTo("CPU (sender)");
        assertThat(dev.vbench.results.metric.MetricCatalog.label("boot_time")).isEqualTo("boot time");
    }

    @org.junit.jupiter.api.Test
    void consoleValuesHaveThreeSignificantDigitsInAReadableUnit() {
        org.assertj.core.api.Assertions.assertThat(HumanScale.compact(16_340, "IO/s")).isEqualTo("16.3k IO/s");
        org.assertj.core.api.Assertions.assertThat(HumanScale.compact(512, "IO/s")).isEqualTo("512 IO/s");
        org.assertj.core.api.Assertions.assertThat(HumanScale.compact(2_345_678, "IO/s")).isEqualTo("2.35M IO/s");
        org.assertj.core.api.Assertions.assertThat(HumanScale.compact(3.966e9, "bit/s")).isEqualTo("3.97 Gbit/s");
        org.assertj.core.api.Assertions.assertThat(HumanScale.compact(940_000, "ns")).isEqualTo("940 \u00b5s");
        org.assertj.core.api.Assertions.assertThat(HumanScale.compact(0.94, "ms")).isEqualTo("940 \u00b5s");
        org.assertj.core.api.Assertions.assertThat(HumanScale.compact(64 * 1048576.0, "B/s")).isEqualTo("64 MiB/s");
        org.assertj.core.api.Assertions.assertThat(HumanScale.compact(Double.NaN, "B/s")).isEqualTo("n/a");
    }
}
