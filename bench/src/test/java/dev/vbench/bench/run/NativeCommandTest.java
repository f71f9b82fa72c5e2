package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vbench.bench.plan.FioSpec;
import dev.vbench.bench.plan.Iperf3Spec;
import dev.vbench.bench.plan.Workload;
import dev.vbench.bench.workload.InvalidMeasurementException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The native ceiling's command lines and the CPU times read back, without running anything. */
class NativeCommandTest {
    private static final Path DIR = Path.of("/var/lib/vbench/pool/run-1");
    private static final Workload FIO = new Workload("randread-4k", FioSpec.of("randread"), null);
    private static final Workload IPERF3 = new Workload("tcp-tx", null, Iperf3Spec.tcp());

    @Test
    void fioRunsTheGuestsCommandOnAFileBesideTheOverlaysUnderTimes() {
        List<String> argv = NativeCommand.measured(FIO, DIR, null);
        List<String> guest = WorkloadRunner.argv(FIO, "/var/lib/vbench/pool/run-1/native-randread-4k.fio", null,
                false);
        assertThat(argv.subList(0, 4)).containsExactly("sh", "-c", "\"$@\"; s=$?; times >&2; exit $s", "sh");
        assertThat(argv.subList(4, argv.size())).isEqualTo(guest);
        assertThat(NativeCommand.fioLayout(FIO, NativeCommand.fioFile(DIR, FIO))).endsWith("--create_only=1")
                .contains("--filename=/var/lib/vbench/pool/run-1/native-randread-4k.fio");
        assertThat(NativeCommand.remove(FIO, DIR)).containsExactly("rm", "-f", "--",
                "/var/lib/vbench/pool/run-1/native-randread-4k.fio");
    }

    @Test
    void iperf3StartsItsServerOnTheHostAddressAndTimesOnlyTheClient() {
        List<String> argv = NativeCommand.measured(IPERF3, DIR, "192.168.150.1");
        assertThat(argv.subList(0, 2)).containsExactly("sh", "-c");
        String script = argv.get(2);
        assertThat(script).startsWith("iperf3 -s -B 192.168.150.1 -p 5202 -1 --idle-timeout 30 --forceflush"
                + " >/var/lib/vbench/pool/run-1/native-tcp-tx.iperf3.log 2>&1 & srv=$!;")
                .contains("\"$@\"; s=$?; times >&2;").endsWith("wait $srv; exit $s");
        assertThat(script.indexOf("times")).isLessThan(script.indexOf("wait $srv"));
        assertThat(argv.subList(3, argv.size())).startsWith("sh", "iperf3", "-c", "192.168.150.1", "-p", "5202");
        assertThat(NativeCommand.remove(IPERF3, DIR)).containsExactly("rm", "-f", "--",
                "/var/lib/vbench/pool/run-1/native-tcp-tx.iperf3.log");
    }

    @Test
    void theChildrensCpuIsTheLastPairOfTimesInDashsAndBashsFormat() {
        String dash = "fio: some warning\n0m0.004000s 0m0.008000s\n0m1.250000s 1m2.500000s\n";
        assertThat(NativeCommand.childCpuSeconds(dash)).isCloseTo(1.25 + 62.5, within(1e-9));
        String bash = "0m0.001s 0m0.002s\n0m0.730s 0m0.270s\n";
        assertThat(NativeCommand.childCpuSeconds(bash)).isCloseTo(1.0, within(1e-9));
        assertThatThrownBy(() -> NativeCommand.childCpuSeconds("fio: pid=0, err=2\n"))
                .isInstanceOf(InvalidMeasurementException.class).hasMessageContaining("no CPU times");
    }
}
