package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.plan.Repetitions;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepetitionPolicyTest {
    static final List<Double> TIGHT = List.of(1000.0, 1001.0, 999.0, 1000.5);
    static final List<Double> WIDE = List.of(500.0, 1500.0, 700.0, 1300.0);

    @Test
    void aFixedCountIsExactlyThatManyWhateverTheSpread() {
        RepetitionPolicy fixed = RepetitionPolicy.of(Repetitions.fixed(3));
        assertThat(fixed).isEqualTo(new FixedRepetitions(3));
        assertThat(fixed.wantsRepetition(3, WIDE)).isTrue();
        assertThat(fixed.wantsRepetition(4, WIDE)).isFalse();
        assertThat(fixed.minRepetitions()).isEqualTo(3);
        assertThat(fixed.maxRepetitions()).isEqualTo(3);
    }

    @Test
    void aTargetCiTakesMinThenMoreWhileTheIntervalIsTooWideAndNeverMoreThanMax() {
        RepetitionPolicy adaptive = RepetitionPolicy.of(new Repetitions(3, 6, 5.0));
        assertThat(adaptive).isEqualTo(new TargetCiRepetitions(3, 6, 5.0));
        assertThat(adaptive.wantsRepetition(3, TIGHT)).as("min is always taken").isTrue();
        assertThat(adaptive.wantsRepetition(5, TIGHT)).as("+-0.1%: precise enough").isFalse();
        assertThat(adaptive.wantsRepetition(5, WIDE)).as("+-60%: not precise enough").isTrue();
        assertThat(adaptive.wantsRepetition(7, WIDE)).as("beyond max").isFalse();
        assertThat(adaptive.minRepetitions()).isEqualTo(3);
        assertThat(adaptive.maxRepetitions()).isEqualTo(6);
    }

    @Test
    void failedRepetitionsLeaveTooFewSamplesSoTheCellGoesOn() {
        RepetitionPolicy adaptive = new TargetCiRepetitions(3, 6, 5.0);
        assertThat(adaptive.wantsRepetition(4, List.of(1000.0, 1000.0))).isTrue();
    }
}
