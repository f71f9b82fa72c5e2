package dev.vbench.bench.run;

import dev.vbench.bench.plan.Workload;
import dev.vbench.provisioning.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The crash trials still to run, in the plan's order, taken by the workers of {@link CrashTrials}: a variant's next
 * trial waits until its last one has ended (its guest, overlays and nbdkit server are named by variant).
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
     * The first trial left of a variant with no trial running, waiting while every trial left is of a busy variant;
     * {@code null} when none is left (or the waiting thread was interrupted).
     */
    synchronized Pending take() {
        while (true) {
            for (Iterator<Pending> it = left.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (busy.add(p.variant().name())) {
                    it.remove();
                    return p;
                }
            }
            if (left.isEmpty()) {
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
