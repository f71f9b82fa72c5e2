package dev.vbench.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vbench.results.Sample;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.stats.Cell;
import dev.vbench.results.stats.DecisionLevels;
import dev.vbench.results.stats.ReplicationUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialDesignTest {
    private final List<Sample> samples = new ArrayList<>();

    @Test
    void aBootDesignDecidesNothingOnTheFirstBoot() {
        boot("ide", 1, 1000, 1010, 990);
        boot("virtio", 1, 3000, 3010, 2990);
        SequentialLook look = design(4).decide(1, "ide", List.of(claim(1.5)), Cell.group(samples), null);
        assertThat(look.hypotheses()).extracting(SequentialLook.Hypothesis::action)
                .containsExactly(SequentialAction.CONTINUE, SequentialAction.CONTINUE);
        assertThat(look.stop()).isFalse();
    }

    @Test
    void aCrossedBoundaryIsFinalAndTheIntervalAgrees() {
        boot("ide", 1, 1000, 1010, 990);
        boot("ide", 2, 1020, 1000, 1010);
        boot("virtio", 1, 3000, 3010, 2990);
        boot("virtio", 2, 3030, 3000, 3015);
        SequentialDesign design = design(4);
        SequentialLook second = design.decide(2, "ide", List.of(claim(1.5)), Cell.group(samples), null);
        SequentialLook.Hypothesis claim = second.find("virtio-disk", true).orElseThrow();
        assertThat(claim.action()).isEqualTo(SequentialAction.STOP_SUPPORTED);
        assertThat(claim.decidedAt()).isEqualTo(2);
        assertThat(claim.gain().low()).isGreaterThan(1.5);
        assertThat(second.find("virtio/randread/read_iops", false).orElseThrow().action())
                .isEqualTo(SequentialAction.STOP_SUPPORTED);
        assertThat(second.stop()).isTrue();
        // a third boot that looks worse does not undo the decision
        boot("virtio", 3, 1000, 1000, 1000);
        SequentialLook third = design.decide(3, "ide", List.of(claim(1.5)), Cell.group(samples), second);
        assertThat(third.find("virtio-disk", true).orElseThrow().decidedAt()).isEqualTo(2);
    }

    @Test
    void anUndecidedHypothesisIsFutileAtTheLastLookOrWhenItsTrendCannotCross() {
        boot("ide", 1, 1000, 1030, 970);
        boot("ide", 2, 1010, 990, 1020);
        boot("virtio", 1, 1005, 1035, 975);
        boot("virtio", 2, 995, 1015, 985);
        SequentialLook early = design(6).decide(2, "ide", List.of(), Cell.group(samples), null);
        assertThat(early.hypotheses()).extracting(SequentialLook.Hypothesis::action)
                .containsExactly(SequentialAction.STOP_FUTILE);
        SequentialDesign noFutility = new SequentialDesign(6, ReplicationUnit.BOOT, 0);
        assertThat(noFutility.decide(2, "ide", List.of(), Cell.group(samples), null).stop()).isFalse();
        assertThat(noFutility.decide(6, "ide", List.of(), Cell.group(samples), null).hypotheses().get(0).action())
                .isEqualTo(SequentialAction.STOP_FUTILE);
    }

    @Test
    void levelsFollowTheBoundaries() {
        SequentialDesign design = design(5);
        double[] c = design.boundaries(0.05);
        DecisionLevels last = design.levelsAt(5);
        double normalTail = new org.apache.commons.math3.distribution.NormalDistribution()
                .cumulativeProbability(-c[4]);
        assertThat(last.nominal(0.05)).isCloseTo(2 * normalTail, within(1e-12));
        assertThat(design.levelsAt(1).nominal(0.05)).isLessThan(1e-5);
        assertThat(design(1).levelsAt(1).nominal(0.05)).isCloseTo(0.05, within(1e-9));
        assertThatThrownBy(() -> design.levelsAt(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> design(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SequentialDesign design(int looks) {
        return SequentialDesign.of(looks, ReplicationUnit.BOOT);
    }

    private static Claim claim(double minGain) {
        return new Claim("virtio-disk", "virtio", "ide", "virtio", "randread", "read_iops", minGain);
    }

    private void boot(String variant, int boot, double... values) {
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(variant, "randread", "read_iops", "IO/s", i + 1, values[i], boot));
        }
    }
}
