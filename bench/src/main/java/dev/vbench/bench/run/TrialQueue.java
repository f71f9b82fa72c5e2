package dev.vbench.bench.run;

import dev.vbench.bench.plan.Workload;
import dev.vbench.provisioning.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The crash trials still to run, taken by the workers of {@link CrashTrials}: a variant's trials run in the plan's
 * order and one at a time (its guest, overlays and nbdkit server are named by variant).
 */
final class TrialQueue {
    /** A trial still to run: its variant, workload, number and boot number (a fresh MAC and file names). */
    record Pending(Variant variant, Workload workload, int number, int boot) { }

    private final List<Pending> left;
    private final Set<String> busy = new HashSet<>();

    TrialQueue(List<Pending> pending) {
        this.left = new ArrayList<>(pending);
    }

    /**
     * The next trial of the free variant (no trial running) with the most trials left, the plan's order breaking
     * ties, so that the variants finish together and the last trials still run side by side; waits while every
     * trial left is of a busy variant. {@code null} when none is left (or the waiting thread was interrupted).
     */
    synchronized Pending take() {
        while (true) {
            Map<String, Integer> left = new HashMap<>();
            this.left.forEach(p -> left.merge(p.variant().name(), 1, Integer::sum));
            Pending best = null;
            for (Pending p : this.left) {
                String v = p.variant().name();
                if (!busy.contains(v) && (best == null || left.get(v) > left.get(best.variant().name()))) {
                    best = p;
                }
            }
            if (best != null) {
                busy.add(best.variant().name());
                this.left.remove(best);
                return best;
            }
            if (this.left.isEmpty()) {
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Marks {@code p}'s variant free again. */
    synchronized void done(Pending p) {
        busy.remove(p.variant().name());
        notifyAll();
    }
}
