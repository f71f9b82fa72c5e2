package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.bench.plan.DurabilitySpec;
import dev.vbench.bench.plan.DurabilitySpec.Mode;
import dev.vbench.bench.plan.DurabilitySpec.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurableCommandTest {
    @Test
    void writesOnTheRawDeviceWithoutCreatingIt() {
        assertThat(DurableCommand.argv(DurabilitySpec.of(Mode.SYNC), "/dev/vdb", 42)).containsExactly(
                "/usr/local/bin/vbench-durable", "--target", "/dev/vdb", "--mode", "sync", "--nonce", "42",
                "--records", "100000");
    }

    @Test
    void createsItsOwnFileOnExt4AndPassesTheNonceUnsigned() {
        DurabilitySpec spec = new DurabilitySpec(Mode.BUFFERED, Target.EXT4, 77, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        assertThat(DurableCommand.argv(spec, "/mnt/vbench-durable/records", -1L)).containsExactly(
                DurableCommand.WRITER, "--target", "/mnt/vbench-durable/records", "--mode", "buffered", "--nonce",
                "18446744073709551615", "--records", "77", "--create");
        assertThat(DurableCommand.argv(DurabilitySpec.of(Mode.DSYNC), "/dev/sdb", Long.MIN_VALUE))
                .contains("dsync", "9223372036854775808").doesNotContain("--create");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vdb", "/dev/../etc/passwd", "/dev/vdb; reboot", "/dev/./vdb", "", "/dev/vd b", "/"})
    void refusesAPathThatIsNotAPlainAbsolutePath(String path) {
        assertThatThrownBy(() -> DurableCommand.argv(DurabilitySpec.of(Mode.SYNC), path, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durability target");
    }
}
