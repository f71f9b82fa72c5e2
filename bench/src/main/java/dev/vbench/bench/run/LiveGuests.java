package dev.vbench.bench.run;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guests a run has booted and not torn down yet, by variant name. Safe to use from the shutdown hook while
 * the driver runs: a teardown that fails is reported and the others go on.
 */
final class LiveGuests {
    private final Map<String, VariantGuest> guests = new LinkedHashMap<>();
    private final PrintWriter out;

    LiveGuests(PrintWriter out) {
        this.out = out;
    }

    /** Registers {@code guest} for teardown (before it boots, so a half-booted guest is torn down too). */
    synchronized void add(VariantGuest guest) {
        guests.put(guest.name(), guest);
    }

    synchronized VariantGuest get(String name) {
        return guests.get(name);
    }

    /** The variants with a live guest, in boot order. */
    synchronized List<String> names() {
        return List.copyOf(guests.keySet());
    }

    /** Tears the guest of {@code name} down, if it is live. */
    void drop(String name) {
        VariantGuest guest;
        synchronized (this) {
            guest = guests.remove(name);
        }
        if (guest != null) {
            try {
                guest.close();
            } catch (RuntimeException e) {
                out.println("teardown of " + name + " failed: " + Failures.oneLine(e));
            }
        }
    }

    /** Tears every live guest down. */
    void dropAll() {
        names().forEach(this::drop);
    }
}
