package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunOwnerTest {
    @Test
    void digestsAreTheFirstSixteenHexDigitsOfSha256() {
        // expected values from the shell, as the README gives it: printf %s /var/lib/vbench | sha256sum | cut -c1-16
        RunOwner owner = RunOwner.of(Path.of("/var/lib/vbench"), "0123456789abcdef0123456789abcdef");
        assertThat(owner.home()).isEqualTo("335356da509130cf");
        assertThat(owner.host()).isEqualTo("3eb1bd439947eb76");
        assertThat(owner.describe()).isEqualTo("home " + owner.home() + " on host " + owner.host());
    }

    @Test
    void anotherHomeOrHostIsAnotherOwner() {
        RunOwner a = RunOwner.of(Path.of("/var/lib/vbench"), "m1");
        assertThat(RunOwner.of(Path.of("/var/lib/vbench"), "m1")).isEqualTo(a);
        assertThat(RunOwner.of(Path.of("/tmp/other-home"), "m1")).isNotEqualTo(a);
        assertThat(RunOwner.of(Path.of("/var/lib/vbench"), "m2")).isNotEqualTo(a);
    }

    @Test
    void refusesWhatIsNoDigest() {
        assertThatThrownBy(() -> new RunOwner("../etc", "0123456789abcdef")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("[0-9a-f]{16}");
        assertThatThrownBy(() -> new RunOwner("0123456789ABCDEF", "0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunOwner.of(Path.of("relative"), "m1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunOwner.of(Path.of("/h"), " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
