package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundScheduleTest {
    static final List<String> VARIANTS = List.of("a", "b", "c", "d", "e");

    @Test
    void everyRoundIsAPermutationAndTheSameSeedGivesTheSameOrder() {
        RoundSchedule one = new RoundSchedule(42);
        RoundSchedule two = new RoundSchedule(42);
        for (int round = 1; round <= 10; round++) {
            assertThat(one.order(round, VARIANTS)).containsExactlyInAnyOrderElementsOf(VARIANTS)
                    .isEqualTo(two.order(round, VARIANTS));
        }
    }

    @Test
    void roundsAndSeedsDifferInOrder() {
        Set<List<String>> orders = new HashSet<>();
        for (int round = 1; round <= 20; round++) {
            orders.add(new RoundSchedule(7).order(round, VARIANTS));
        }
        assertThat(orders).as("20 rounds of 5 variants should not all share one order").hasSizeGreaterThan(5);
        assertThat(new RoundSchedule(1).order(1, VARIANTS).equals(new RoundSchedule(2).order(1, VARIANTS))
                && new RoundSchedule(1).order(2, VARIANTS).equals(new RoundSchedule(2).order(2, VARIANTS))
                && new RoundSchedule(1).order(3, VARIANTS).equals(new RoundSchedule(2).order(3, VARIANTS)))
                .as("two seeds giving identical orders three rounds in a row").isFalse();
    }

    @Test
    void eachVariantGoesFirstSometimes() {
        Set<String> firsts = new HashSet<>();
        for (int round = 1; round <= 50; round++) {
            firsts.add(new RoundSchedule(3).order(round, VARIANTS).get(0));
        }
        assertThat(firsts).containsExactlyInAnyOrderElementsOf(VARIANTS);
    }
}
