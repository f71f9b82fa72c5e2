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
            assertThat(one.visits(round, VARIANTS)).containsExactlyInAnyOrderElementsOf(VARIANTS)
                    .isEqualTo(two.visits(round, VARIANTS));
        }
    }

    @Test
    void roundsAndSeedsDifferInOrder() {
        Set<List<String>> orders = new HashSet<>();
        for (int round = 1; round <= 20; round++) {
            orders.add(new RoundSchedule(7).visits(round, VARIANTS));
        }
        assertThat(orders).as("20 rounds of 5 variants should not all share one order").hasSizeGreaterThan(5);
        assertThat(new RoundSchedule(1).visits(1, VARIANTS).equals(new RoundSchedule(2).visits(1, VARIANTS))
                && new RoundSchedule(1).visits(2, VARIANTS).equals(new RoundSchedule(2).visits(2, VARIANTS))
                && new RoundSchedule(1).visits(3, VARIANTS).equals(new RoundSchedule(2).visits(3, VARIANTS)))
                .as("two seeds giving identical orders three rounds in a row").isFalse();
    }

    @Test
    void eachVariantGoesFirstSometimes() {
        Set<String> firsts = new HashSet<>();
        for (int round = 1; round <= 50; round++) {
            firsts.add(new RoundSchedule(3).visits(round, VARIANTS).get(0));
        }
        assertThat(firsts).containsExactlyInAnyOrderElementsOf(VARIANTS);
    }

    @Test
    void workloadsAreShuffledPerVisitAndRepetitionReproducibly() {
        List<String> workloads = List.of("randread", "randwrite", "seqread", "tcp");
        RoundSchedule schedule = new RoundSchedule(11);
        Set<List<String>> orders = new HashSet<>();
        Set<String> firsts = new HashSet<>();
        for (String variant : VARIANTS) {
            for (int boot = 1; boot <= 3; boot++) {
                for (int rep = 1; rep <= 3; rep++) {
                    List<String> order = schedule.workloads(variant, boot, rep, workloads);
                    assertThat(order).containsExactlyInAnyOrderElementsOf(workloads)
                            .isEqualTo(new RoundSchedule(11).workloads(variant, boot, rep, workloads));
                    orders.add(order);
                    firsts.add(order.get(0));
                }
            }
        }
        assertThat(orders).as("45 visits x repetitions of 4 workloads should not share a few orders")
                .hasSizeGreaterThan(10);
        assertThat(firsts).containsExactlyInAnyOrderElementsOf(workloads);
    }
}
