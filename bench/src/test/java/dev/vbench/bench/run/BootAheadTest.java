package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.bench.plan.ParallelBoots;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Boots ahead in batches: a batch's boots overlap (they meet at a barrier, so a batch booted one at a time would
 * fail the test, not time it), no boot runs while a guest is visited, visits keep the round's order, a failed boot
 * fails only its own visit, and whatever was booted but not visited is torn down.
 */
class BootAheadTest {
    private static final long GIB = 1L << 30;

    private final AtomicInteger booting = new AtomicInteger();
    private final AtomicInteger mostBooting = new AtomicInteger();
    private final List<String> booted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> tornDown = Collections.synchronizedList(new ArrayList<>());
    private final List<String> visited = new ArrayList<>();
    private final AtomicBoolean interrupted = new AtomicBoolean();

    /** Boots that meet {@code together} at a time before they end; "bad" fails. */
    private BootAhead<String> ahead(int together) {
        CyclicBarrier meet = new CyclicBarrier(together);
        return new BootAhead<>(guest -> {
            mostBooting.accumulateAndGet(booting.incrementAndGet(), Math::max);
            try {
                meet.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the batch did not boot together", e);
            } finally {
                booting.decrementAndGet();
            }
            booted.add(guest);
            if (guest.equals("bad")) {
                throw new IllegalStateException("no DHCP lease");
            }
        }, tornDown::add, interrupted::get);
    }

    private void visit(String guest, BootAhead.Booted outcome) {
        assertThat(booting.get()).as("boots while " + guest + " is measured").isZero();
        visited.add(guest + (outcome.failure() == null ? "" : " failed: " + outcome.failure().getMessage()));
        tornDown.add(guest);
    }

    @Test
    void batchesBootTogetherAndAreVisitedOneAtATimeInOrder() {
        try (BootAhead<String> ahead = ahead(2)) {
            List<Integer> asked = new ArrayList<>();
            ahead.round(List.of("d", "a", "bad", "c"), waiting -> {
                asked.add(waiting.size());
                return 2;
            }, (guest, outcome) -> {
                assertThat(outcome.together()).isEqualTo(2);
                assertThat(outcome.end()).isAfterOrEqualTo(outcome.start());
                visit(guest, outcome);
            });
            assertThat(asked).containsExactly(4, 2);
        }
        assertThat(mostBooting).hasValue(2);
        assertThat(visited).containsExactly("d", "a", "bad failed: no DHCP lease", "c");
        assertThat(tornDown).containsExactly("d", "a", "bad", "c");
    }

    @Test
    void anInterruptionTearsDownTheBatchNotYetVisitedAndBootsNoMore() {
        try (BootAhead<String> ahead = ahead(3)) {
            ahead.round(List.of("a", "b", "c", "d"), waiting -> 3, (guest, outcome) -> {
                visit(guest, outcome);
                interrupted.set(true);
            });
        }
        assertThat(visited).containsExactly("a");
        assertThat(booted).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(tornDown).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aVisitThatThrowsLeavesNothingOfItsBatchRunning() {
        try (BootAhead<String> ahead = ahead(2)) {
            assertThatThrownBy(() -> ahead.round(List.of("a", "b", "c"), waiting -> 2, (guest, outcome) -> {
                throw new IllegalStateException("host key mismatch");
            })).hasMessage("host key mismatch");
        }
        assertThat(booted).containsExactlyInAnyOrder("a", "b");
        assertThat(tornDown).containsExactly("a", "b");
    }

    @Test
    void oneAtATimeIsTheSequenceOfBefore() {
        try (BootAhead<String> ahead = ahead(1)) {
            ahead.round(List.of("b", "a"), waiting -> 1, this::visit);
        }
        assertThat(mostBooting).hasValue(1);
        assertThat(visited).containsExactly("b", "a");
    }

    @Test
    void theBoundIsTheSmallestOfFreeMemoryCoresAndThePlan() {
        long guest = (1024 + 256) << 20;
        assertThat(BootAhead.bound(ParallelBoots.AUTO, 24 * GIB, guest, 2, 2)).isEqualTo(1);
        assertThat(BootAhead.bound(ParallelBoots.AUTO, 24 * GIB, guest, 16, 2)).isEqualTo(8);
        assertThat(BootAhead.bound(ParallelBoots.AUTO, 3 * GIB, guest, 16, 2)).isEqualTo(2);
        assertThat(BootAhead.bound(new ParallelBoots(4), 24 * GIB, guest, 2, 2)).as("cores overcommitted on purpose")
                .isEqualTo(4);
        assertThat(BootAhead.bound(new ParallelBoots(4), 3 * GIB, guest, 2, 2)).as("never past free memory")
                .isEqualTo(2);
        assertThat(BootAhead.bound(new ParallelBoots(1), 24 * GIB, guest, 16, 2)).isEqualTo(1);
        assertThat(BootAhead.bound(ParallelBoots.AUTO, GIB / 2, guest, 16, 2)).as("one guest always").isEqualTo(1);
        assertThat(BootAhead.bound(ParallelBoots.AUTO, 24 * GIB, guest, 1, 2)).isEqualTo(1);
    }
}
