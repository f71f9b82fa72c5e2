package dev.vbench.results.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClaimTest {
    @Test
    void theDefaultTextHoldsForEitherDirectionOfTheMetric() {
        assertThat(Claim.defaultText("ide", "virtio", "randread-4k", "read_clat_p99", 2.0))
                .isEqualTo("virtio beats ide on read_clat_p99 of randread-4k by at least 2x");
        assertThat(Claim.defaultText("ide", "virtio", "randread-4k", "read_iops", 1.25))
                .isEqualTo("virtio beats ide on read_iops of randread-4k by at least 1.25x");
    }

    @Test
    void oneRuleForEveryClaim() {
        assertThat(new Claim("a.b_c-1", "t", "ide", "virtio", "w", "read_iops", Claim.MAX_GAIN).minGain())
                .isEqualTo(100);
        assertThatThrownBy(() -> claim("Upper", "virtio", 1.5)).hasMessageContaining("claim id 'Upper'");
        assertThatThrownBy(() -> claim("x".repeat(49), "virtio", 1.5)).hasMessageContaining("must match");
        assertThatThrownBy(() -> claim("c", "ide", 1.5)).hasMessageContaining("both ide");
        assertThatThrownBy(() -> claim("c", "virtio", 0)).hasMessageContaining("min_gain 0.0");
        assertThatThrownBy(() -> claim("c", "virtio", 100.5)).hasMessageContaining("min_gain 100.5");
        assertThatThrownBy(() -> claim("c", "virtio", Double.NaN)).hasMessageContaining("min_gain NaN");
    }

    private static Claim claim(String id, String candidate, double minGain) {
        return new Claim(id, "t", "ide", candidate, "w", "read_iops", minGain);
    }
}
