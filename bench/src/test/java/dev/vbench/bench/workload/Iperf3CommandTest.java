package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.bench.plan.Iperf3Spec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Iperf3CommandTest {
    @Test
    void tcpClient() {
        assertThat(Iperf3Command.clientArgv(Iperf3Spec.tcp(), "192.168.150.1", 5201))
                .containsExactly("iperf3", "-c", "192.168.150.1", "-p", "5201", "-t", "10", "-P", "1",
                        "--connect-timeout", "10000", "-J");
    }

    @Test
    void reverseUdpClientWithRateInBitsPerSecondAndOmit() {
        Iperf3Spec udp = new Iperf3Spec(Duration.ofSeconds(8), 4, true, true, 1_000_000_000L, Duration.ofSeconds(2));
        assertThat(Iperf3Command.clientArgv(udp, "fd00::1", 5202))
                .containsExactly("iperf3", "-c", "fd00::1", "-p", "5202", "-t", "8", "-P", "4", "-R", "-u", "-b",
                        "1000000000", "-O", "2", "--connect-timeout", "10000", "-J");
    }

    @Test
    void aWarmUpIsTheSameRunCutShortWithNothingOmitted() {
        Iperf3Spec udp = new Iperf3Spec(Duration.ofSeconds(8), 4, true, true, 100_000_000L, Duration.ofSeconds(2));
        assertThat(Iperf3Command.clientArgv(udp.forWarmup(Duration.ofSeconds(3)), "10.0.0.1", 5201))
                .containsExactly("iperf3", "-c", "10.0.0.1", "-p", "5201", "-t", "3", "-P", "4", "-R", "-u", "-b",
                        "100000000", "--connect-timeout", "10000", "-J");
    }

    @Test
    void oneOffServerThatExitsWhenIdle() {
        assertThat(Iperf3Command.serverArgv("192.168.150.1", 5201)).containsExactly("iperf3", "-s", "-B",
                "192.168.150.1", "-p", "5201", "-1", "--idle-timeout", "120", "--forceflush");
        assertThat(Iperf3Command.serverArgv("lab-bridge", 6000, Duration.ofSeconds(30))).contains("--idle-timeout",
                "30");
        assertThatThrownBy(() -> Iperf3Command.serverArgv("10.0.0.1", 5201, Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1; reboot", "-oProxyCommand=x", "host name", "$(id)", "", "256.1.1.1",
        "a..b", "host_name"})
    void refusesHostsThatAreNotAddressesOrNames(String host) {
        assertThatThrownBy(() -> Iperf3Command.clientArgv(Iperf3Spec.tcp(), host, 5201))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iperf3 host");
        assertThatThrownBy(() -> Iperf3Command.serverArgv(host, 5201)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBadPorts() {
        assertThatThrownBy(() -> Iperf3Command.clientArgv(Iperf3Spec.tcp(), "10.0.0.1", 0))
                .hasMessageContaining("port 0");
        assertThatThrownBy(() -> Iperf3Command.serverArgv("10.0.0.1", 65_536)).hasMessageContaining("port 65536");
    }
}
