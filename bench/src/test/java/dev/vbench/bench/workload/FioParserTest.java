package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Expected numbers are copied from the captured fio 3.33 JSON files named in each test. */
class FioParserTest {

    @Test
    void randreadGivesTheReadMetricsOnly() {
        FioResult result = FioParser.parse(Captured.text("fio-randread.json"));
        assertThat(result.metrics()).containsExactly(
                new Metric("read_iops", "IO/s", 37383.616384),
                new Metric("read_bw", "B/s", 153123292),
                new Metric("read_clat_mean", "ns", 98851.614334),
                new Metric("read_clat_p50", "ns", 77312),
                new Metric("read_clat_p99", "ns", 395264),
                new Metric("read_clat_p999", "ns", 2572288));
        assertThat(result.runtime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(result.version()).isEqualTo("fio-3.33");
    }

    @Test
    void randwriteGivesTheWriteMetricsOnly() {
        FioResult result = FioParser.parse(Captured.text("fio-randwrite.json"));
        assertThat(result.metrics()).extracting(Metric::name).containsExactly("write_iops", "write_bw",
                "write_clat_mean", "write_clat_p50", "write_clat_p99", "write_clat_p999");
        assertThat(result.metric("write_iops")).get().extracting(Metric::value).isEqualTo(30318.681319);
        assertThat(result.metric("write_clat_p99")).get().extracting(Metric::value).isEqualTo(1843200.0);
    }

    @Test
    void unifiedMixedReportingGivesMixedMetrics() {
        FioResult result = FioParser.parse(Captured.text("fio-randrw-unified-mixed.json"));
        assertThat(result.metrics()).extracting(Metric::name).containsExactly("mixed_iops", "mixed_bw",
                "mixed_clat_mean", "mixed_clat_p50", "mixed_clat_p99", "mixed_clat_p999");
        assertThat(result.metric("mixed_iops")).get().extracting(Metric::value).isEqualTo(36395.604396);
        assertThat(result.metric("mixed_bw")).get().extracting(Metric::value).isEqualTo(149076395.0);
    }

    @Test
    void unifiedBothReportingGivesReadWriteAndMixed() {
        FioResult result = FioParser.parse(Captured.text("fio-randrw-unified-both.json"));
        assertThat(result.metrics()).hasSize(18);
        assertThat(result.metric("read_iops")).get().extracting(Metric::value).isEqualTo(24497.502498);
        assertThat(result.metric("write_iops")).get().extracting(Metric::value).isEqualTo(10486.513487);
        assertThat(result.metric("mixed_iops")).get().extracting(Metric::value).isEqualTo(34984.015984);
        assertThat(result.metric("write_clat_p999")).get().extracting(Metric::value).isEqualTo(4046848.0);
        assertThat(result.metric("trim_iops")).isEmpty();
    }

    @Test
    void separateJobsAreSummedWeightedAndBoundedByTheWorstJob() {
        FioResult result = FioParser.parse(Captured.text("fio-randread-2jobs.json"));
        assertThat(result.metric("read_iops")).get().extracting(Metric::value)
                .isEqualTo(28583.416583 + 28469.53047);
        assertThat(result.metric("read_bw")).get().extracting(Metric::value).isEqualTo(117077674.0 + 116611196.0);
        double mean = (134346.710995 * 28612 + 135053.041898 * 28498) / (28612 + 28498);
        assertThat(result.metric("read_clat_mean")).get().extracting(Metric::value).isEqualTo(mean);
        assertThat(result.metric("read_clat_p50")).get().extracting(Metric::value).isEqualTo(116224.0);
        assertThat(result.metric("read_clat_p99")).get().extracting(Metric::value).isEqualTo(423936.0);
        assertThat(result.metric("read_clat_p999")).get().extracting(Metric::value).isEqualTo(3915776.0);
    }

    @Test
    void withStatusIntervalTheLastReportCounts() {
        String text = Captured.text("fio-randwrite-status-interval.json");
        assertThat(text.lines().filter(l -> l.equals("{"))).hasSize(3);
        FioResult result = FioParser.parse(text);
        assertThat(result.metric("write_iops")).get().extracting(Metric::value).isEqualTo(34374.312844);
        assertThat(result.runtime()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aJobErrorIsInvalidAndQuotesFiosOwnMessage() {
        String stdout = Captured.text("fio-error-missing-file.txt");
        assertThat(Captured.text("fio-error-missing-file.exit.txt")).isEqualTo("exit 1\n");
        InvalidMeasurementException e = catchThrowableOfType(InvalidMeasurementException.class,
                () -> FioParser.parse(stdout));
        assertThat(e).isNotInstanceOf(UnparsableOutputException.class)
                .hasMessageStartingWith("fio job 'missing' failed with error 2: ")
                .hasMessageContaining("err=2/file:filesetup.c:805")
                .hasMessageContaining("error=No such file or directory")
                .hasMessageNotContaining("\n");
        String withStderr = Captured.text("fio-error-missing-file.stderr.txt") + stdout;
        assertThatThrownBy(() -> FioParser.parse(withStderr)).isInstanceOf(InvalidMeasurementException.class)
                .hasMessageContaining("refusing extend of file due to read-only");
    }

    @Test
    void quotesOnlyTheLastTextLines() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 15; i++) {
            text.append("fio: warning ").append(i).append('\n');
        }
        text.append(Captured.text("fio-error-missing-file.txt"));
        assertThatThrownBy(() -> FioParser.parse(text.toString())).isInstanceOf(InvalidMeasurementException.class)
                .hasMessageContaining(": (7 earlier lines) | fio: warning 8 | ").hasMessageNotContaining("warning 7 ")
                .hasMessageContaining("error=No such file or directory");
    }

    @Test
    @Timeout(30)
    void aLongStatusStreamIsReadInLinearTime() {
        String text = Captured.text("fio-randwrite-status-interval.json").repeat(400);
        assertThat(text.length()).isGreaterThan(7_000_000);
        assertThat(FioParser.parse(text).metric("write_iops")).get().extracting(Metric::value)
                .isEqualTo(34374.312844);
    }

    @Test
    void noIoAtAllIsInvalid() {
        String stdout = Captured.text("fio-no-io.json");
        assertThatThrownBy(() -> FioParser.parse(stdout)).isInstanceOf(InvalidMeasurementException.class)
                .isNotInstanceOf(UnparsableOutputException.class)
                .hasMessage("fio moved no I/O in any direction: fio printed no message");
        String stderr = Captured.text("fio-no-io.stderr.txt");
        assertThatThrownBy(() -> FioParser.parse(stdout, stderr.strip()))
                .isInstanceOf(InvalidMeasurementException.class)
                .hasMessageStartingWith("fio moved no I/O in any direction: fio: failed to create dir (")
                .hasMessageEndingWith("): Not a directory");
        assertThat(FioParser.parse(Captured.text("fio-randread.json"), "").metrics()).hasSize(6);
    }

    @Test
    void aReportCutOffAfterEarlierCompleteOnesIsInvalid() {
        String text = Captured.text("fio-randwrite-status-interval.json");
        String cut = text.substring(0, text.lastIndexOf("\"write\""));
        assertThatThrownBy(() -> FioParser.parse(cut)).isInstanceOf(InvalidMeasurementException.class)
                .isNotInstanceOf(UnparsableOutputException.class).hasMessageContaining("incomplete JSON report");
    }

    @Test
    void textThatIsNoFioReportIsUnparsable() {
        assertThatThrownBy(() -> FioParser.parse("sh: 1: fio: not found\n"))
                .isInstanceOf(UnparsableOutputException.class).hasMessageContaining("no fio JSON report")
                .hasMessageContaining("fio: not found");
        assertThatThrownBy(() -> FioParser.parse("")).isInstanceOf(UnparsableOutputException.class);
        assertThatThrownBy(() -> FioParser.parse(Captured.text("iperf3-tcp.json")))
                .isInstanceOf(UnparsableOutputException.class).hasMessageContaining("no \"jobs\"");
    }

    @Test
    void textLinesAroundTheReportAreTolerated() {
        String text = "fio: some warning\n" + Captured.text("fio-randread.json") + "trailing note\n";
        assertThat(FioParser.parse(text).metrics()).isEqualTo(FioParser.parse(Captured.text("fio-randread.json"))
                .metrics());
    }
}
