package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Expected numbers are copied from the captured iperf 3.12 JSON files named in each test. */
class Iperf3ParserTest {

    @Test
    void tcpGivesReceivedThroughputRetransmitsAndCpu() {
        Iperf3Result result = Iperf3Parser.parse(Captured.text("iperf3-tcp.json"));
        assertThat(result.metrics()).containsExactly(
                new Metric("throughput", "bit/s", 19302397083.4695),
                new Metric("retransmits", "count", 7),
                new Metric("cpu_local", "%", 94.28271929640833),
                new Metric("cpu_remote", "%", 38.7254671718055));
        assertThat(result.protocol()).isEqualTo("TCP");
        assertThat(result.duration()).isEqualTo(Duration.ofNanos(1_000_641_000));
        assertThat(result.version()).isEqualTo("iperf 3.12");
    }

    @Test
    void tcpReverseReadsTheSameFields() {
        Iperf3Result result = Iperf3Parser.parse(Captured.text("iperf3-tcp-reverse.json"));
        assertThat(result.metric("throughput")).get().extracting(Metric::value).isEqualTo(19680541850.317127);
        assertThat(result.metric("retransmits")).get().extracting(Metric::value).isEqualTo(32.0);
        assertThat(result.metric("cpu_remote")).get().extracting(Metric::value).isEqualTo(85.0847884259828);
    }

    @Test
    void udpGivesTheReceiversThroughputJitterAndLoss() {
        Iperf3Result result = Iperf3Parser.parse(Captured.text("iperf3-udp.json"));
        assertThat(result.metrics()).containsExactly(
                new Metric("throughput", "bit/s", 100104872.23856665),
                new Metric("jitter", "ms", 0.016947431249727633),
                new Metric("lost", "%", 0),
                new Metric("cpu_local", "%", 3.8798950620603927),
                new Metric("cpu_remote", "%", 0.32478697413300173));
        assertThat(result.protocol()).isEqualTo("UDP");
    }

    @Test
    void udpReverse() {
        Iperf3Result result = Iperf3Parser.parse(Captured.text("iperf3-udp-reverse.json"));
        assertThat(result.metric("throughput")).get().extracting(Metric::value).isEqualTo(100125791.39553578);
        assertThat(result.metric("jitter")).get().extracting(Metric::value).isEqualTo(0.030180581266697638);
    }

    @Test
    void aFailedConnectExitsZeroButIsInvalidWithIperfsMessage() {
        assertThat(Captured.text("iperf3-connect-refused.exit.txt")).isEqualTo("exit 0\n");
        assertThatThrownBy(() -> Iperf3Parser.parse(Captured.text("iperf3-connect-refused.json")))
                .isInstanceOf(InvalidMeasurementException.class).isNotInstanceOf(UnparsableOutputException.class)
                .hasMessage("iperf3 failed: unable to connect to server: Connection refused");
    }

    @Test
    void noBytesReceivedIsInvalid() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(Captured.text("iperf3-tcp.json"));
        ((ObjectNode) root.path("end").path("sum_received")).put("bytes", 0);
        assertThatThrownBy(() -> Iperf3Parser.parse(mapper.writeValueAsString(root)))
                .isInstanceOf(InvalidMeasurementException.class).hasMessageContaining("moved no data");
        ((ObjectNode) root.path("end")).remove("sum_received");
        assertThatThrownBy(() -> Iperf3Parser.parse(mapper.writeValueAsString(root)))
                .isInstanceOf(InvalidMeasurementException.class).hasMessageContaining("did not finish");
    }

    @Test
    void cutOffOutputIsInvalid() {
        String text = Captured.text("iperf3-udp.json");
        assertThatThrownBy(() -> Iperf3Parser.parse(text.substring(0, text.length() / 2)))
                .isInstanceOf(InvalidMeasurementException.class).isNotInstanceOf(UnparsableOutputException.class)
                .hasMessageContaining("incomplete");
    }

    @Test
    void otherTextIsUnparsable() {
        assertThatThrownBy(() -> Iperf3Parser.parse(Captured.text("fio-randread.json")))
                .isInstanceOf(UnparsableOutputException.class).hasMessageContaining("not iperf3 JSON");
        assertThatThrownBy(() -> Iperf3Parser.parse("iperf3: command not found"))
                .isInstanceOf(UnparsableOutputException.class).hasMessageContaining("iperf3: command not found");
    }
}
