package dev.vbench.bench.run;

import dev.vbench.bench.plan.ParallelBoots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Boots the guests of a round ahead, several at once, and hands them to the measuring one at a time. A round's
 * guests (in the round's random order) are taken in batches: a batch boots concurrently, the driver waits until every
 * guest of it is up (or failed), then each is warmed up, measured and torn down in turn, before the next batch boots.
 * <p>
 * Why no guest boots while another is measured: under TCG on a small host a booting guest takes whole host cores,
 * so a measurement beside a boot would run slower by however many boots happened to overlap it, a bias that depends
 * on the variant's place in the round rather than on the variant. So boots overlap only each other, and every
 * measurement runs with no boot and no other measurement on the host. The guests of the batch that wait their turn
 * are booted and idle (systemd settled, no workload): they cost the measured guest little, the same for every
 * variant on average, and the round's fresh random order spreads what remains over the variants. Warm-up stays
 * sequential, right before the guest's own measurements, so the caches it wakes are still warm.
 * <p>
 * The batch size is decided by the caller before each batch ({@link #bound}, from the host's free memory measured
 * then). A guest booted but never visited (the run interrupted, or a visit threw) is torn down here, and every
 * {@link Visit} is expected to tear its guest down itself; a failed boot fails only its own visit.
 *
 * @param <G> the guest
 */
final class BootAhead<G> implements AutoCloseable {

    /** Boots one guest on a boot thread; it must not report run events (the driver's thread does that). */
    @FunctionalInterface
    interface Boot<G> {
        void boot(G guest);
    }

    /** Warms up, measures and tears down one guest whose boot went as {@code booted}; on the driver's thread. */
    @FunctionalInterface
    interface Visit<G> {
        void visit(G guest, Booted booted);
    }

    /**
     * How one boot went.
     *
     * @param start    when it began
     * @param end      when it was up, or failed
     * @param together how many guests of the batch booted at once, this one included
     * @param failure  why it failed, or null when the guest is up
     */
    record Booted(Instant start, Instant end, int together, RuntimeException failure) {
        /** Its wall time. */
        Duration wall() {
            return Duration.between(start, end);
        }
    }

    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "vbench-boot");
        t.setDaemon(true);
        return t;
    });
    private final Boot<G> boot;
    private final Consumer<G> teardown;
    private final BooleanSupplier interrupted;

    /**
     * @param boot        boots one guest (registered for teardown already)
     * @param teardown    tears a guest down; safe to call twice
     * @param interrupted whether the run was interrupted: no further boot or visit starts
     */
    BootAhead(Boot<G> boot, Consumer<G> teardown, BooleanSupplier interrupted) {
        this.boot = boot;
        this.teardown = teardown;
        this.interrupted = interrupted;
    }

    /**
     * How many guests may boot at once: the plan's number, or with {@code auto} as many as the host's cores hold
     * (cores / vCPUs per guest); either way no more than fit into the host's free memory now, and at least one
     * (one guest always fits: {@link MemoryBudget#requireFits} checked it against the host's memory).
     *
     * @param plan       the plan's {@code parallel_boots}
     * @param freeBytes  the host's free memory now
     * @param guestBytes what one guest takes with its QEMU ({@link MemoryBudget#neededBytes})
     * @param hostCpus   the host's logical CPUs
     * @param vcpus      each guest's vCPUs
     */
    static int bound(ParallelBoots plan, long freeBytes, long guestBytes, int hostCpus, int vcpus) {
        long byMemory = freeBytes / Math.max(1, guestBytes);
        long wanted = plan.auto() ? hostCpus / Math.max(1, vcpus) : plan.cap();
        return (int) Math.max(1, Math.min(Math.min(byMemory, wanted), ParallelBoots.MAX));
    }

    /**
     * Visits {@code guests} in order, booting them in batches of {@code batchSize.applyAsInt(waiting guests)}.
     * Returns early, with every guest it booted and did not visit torn down, when the run is interrupted or a visit
     * throws (the exception passes on).
     */
    void round(List<G> guests, ToIntFunction<List<G>> batchSize, Visit<G> visit) {
        List<G> waiting = new ArrayList<>(guests);
        while (!waiting.isEmpty() && !interrupted.getAsBoolean()) {
            int size = Math.max(1, Math.min(waiting.size(), batchSize.applyAsInt(List.copyOf(waiting))));
            List<G> batch = new ArrayList<>(waiting.subList(0, size));
            waiting.subList(0, size).clear();
            List<Booted> booted = bootAll(batch);
            int next = 0;
            try {
                for (; next < batch.size() && !interrupted.getAsBoolean(); next++) {
                    visit.visit(batch.get(next), booted.get(next));
                }
            } finally {
                batch.subList(next, batch.size()).forEach(teardown);
            }
        }
    }

    /** Boots {@code batch} at once and waits for every boot to end. */
    private List<Booted> bootAll(List<G> batch) {
        List<Future<Booted>> running = new ArrayList<>();
        for (G guest : batch) {
            running.add(threads.submit(() -> bootOne(guest, batch.size())));
        }
        List<Booted> booted = new ArrayList<>();
        for (Future<Booted> f : running) {
            booted.add(outcome(f, batch.size()));
        }
        return booted;
    }

    private Booted bootOne(G guest, int together) {
        Instant start = Instant.now();
        if (interrupted.getAsBoolean()) {
            return new Booted(start, start, together, new IllegalStateException("the run was interrupted"));
        }
        try {
            boot.boot(guest);
            return new Booted(start, Instant.now(), together, null);
        } catch (RuntimeException e) {
            return new Booted(start, Instant.now(), together, e);
        }
    }

    /** The outcome of one boot; the driver's thread waits for it however long the boot takes (it has a timeout). */
    private static Booted outcome(Future<Booted> f, int together) {
        boolean wasInterrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                } catch (ExecutionException e) {
                    Instant now = Instant.now();
                    return new Booted(now, now, together, new IllegalStateException("boot failed: "
                            + Failures.oneLine(e.getCause()), e.getCause()));
                }
            }
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the boot threads (all idle: every batch is waited for). */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
