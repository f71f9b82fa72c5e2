package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Iperf3CommandTest {
    @Test
    void tcpClient() {
        assertThat(Iperf3Command.clientArgv(new Iperf3Job(10, 1, false, false, null, 0), "192.168.150.1", 5201))
                .containsExactly("iperf3", "-c", "192.168.150.1", "-p", "5201", "-t", "10", "-P", "1",
                        "--connect-timeout", "10000", "-J");
    }

    @Test
    void reverseUdpClientWithRateAndOmit() {
        assertThat(Iperf3Command.clientArgv(new Iperf3Job(8, 4, true, true, "1G", 2), "fd00::1", 5202))
                .containsExactly("iperf3", "-c", "fd00::1", "-p", "5202", "-t", "8", "-P", "4", "-R", "-u", "-b", "1G",
                        "-O", "2", "--connect-timeout", "10000", "-J");
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
        Iperf3Job job = new Iperf3Job(10, 1, false, false, null, 0);
        assertThatThrownBy(() -> Iperf3Command.clientArgv(job, host, 5201))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iperf3 host");
        assertThatThrownBy(() -> Iperf3Command.serverArgv(host, 5201)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBadPortsAndJobValues() {
        Iperf3Job job = new Iperf3Job(10, 1, false, false, null, 0);
        assertThatThrownBy(() -> Iperf3Command.clientArgv(job, "10.0.0.1", 0)).hasMessageContaining("port 0");
        assertThatThrownBy(() -> Iperf3Command.serverArgv("10.0.0.1", 65_536)).hasMessageContaining("port 65536");
        assertThatThrownBy(() -> new Iperf3Job(10, 1, false, true, "1G; reboot", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bitrate '1G; reboot'");
        assertThatThrownBy(() -> new Iperf3Job(10, 1, false, true, null, 0))
                .hasMessageContaining("udp needs a bitrate");
        assertThatThrownBy(() -> new Iperf3Job(10, 0, false, false, null, 0)).hasMessageContaining("streams 0");
        assertThatThrownBy(() -> new Iperf3Job(0, 1, false, false, null, 0)).hasMessageContaining("durationSeconds 0");
        assertThatThrownBy(() -> new Iperf3Job(10, 1, false, false, null, -1)).hasMessageContaining("omitSeconds -1");
        assertThat(new Iperf3Job(10, 1, false, true, "1000000000", 0).bitrate()).isEqualTo("1000000000");
        assertThat(new Iperf3Job(10, 1, false, true, "2.5G", 0).bitrate()).isEqualTo("2.5G");
    }
}
