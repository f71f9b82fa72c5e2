package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostCommandTest {
    @Test
    void returnsMergedOutput() {
        assertThat(HostCommand.run(List.of("sh", "-c", "echo out; echo err >&2"), Duration.ofSeconds(10)))
                .contains("out\n").contains("err\n");
    }

    @Test
    void failureCarriesExitStatusAndLastLines() {
        assertThatThrownBy(() -> HostCommand.run(List.of("sh", "-c", "for i in 1 2 3 4 5 6 7; do echo line$i; done;"
                + " exit 3"), Duration.ofSeconds(10)))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("exit status 3")
                .hasMessageContaining("line3 | line4 | line5 | line6 | line7")
                .hasMessageNotContaining("line2");
    }

    @Test
    void captureKeepsStdoutAndStderrApartAndReturnsAFailure() {
        HostCommand.Output out = HostCommand.capture(List.of("sh", "-c", "echo '{\"a\": 1}'; echo warn >&2; exit 4"),
                Duration.ofSeconds(10));
        assertThat(out.exit()).isEqualTo(4);
        assertThat(out.stdout()).isEqualTo("{\"a\": 1}\n");
        assertThat(out.stderr()).isEqualTo("warn\n");
        assertThat(out.errorTail()).isEqualTo("warn");
    }

    @Test
    void missingProgram() {
        assertThatThrownBy(() -> HostCommand.run(List.of("/nonexistent/qemu-img", "info"), Duration.ofSeconds(5)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("cannot start /nonexistent/qemu-img");
    }

    @Test
    void timeout() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> HostCommand.run(List.of("sh", "-c", "echo started; sleep 30"), Duration.ofMillis(300)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("timed out")
                .hasMessageContaining("started");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }
}
