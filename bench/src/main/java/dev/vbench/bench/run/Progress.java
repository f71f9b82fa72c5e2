package dev.vbench.bench.run;

import dev.vbench.results.chart.HumanScale;
import dev.vbench.results.metric.MetricCatalog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress lines while a run measures: which variant, boot, workload and repetition, how many measurements are left
 * (at most, when the run may stop early) and an estimate of the time remaining (from the mean time per measurement
 * so far, boots included), and for each round the time from its first boot's start to its first measurement
 * (boot-to-first-measurement; their total at the end). One line per event, so the output reads the same in a terminal
 * and in a nightly job's log.
 */
final class Progress implements RunListener {
    private final PrintWriter out;
    private long startNanos = System.nanoTime();
    private int total;
    private int done;
    private int doneHere;
    private boolean mayStopEarly;
    private final Map<Integer, Instant> roundStart = new HashMap<>();
    private final Map<Integer, Duration> toFirst = new TreeMap<>();

    Progress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.Note n) {
            status(n.text());
        } else if (event instanceof RunEvent.VariantFailed f) {
            status("variant " + f.record().variant() + " FAILED: " + f.cause());
        } else if (event instanceof RunEvent.MeasuringStarted s) {
            startNanos = System.nanoTime();
            total = Math.max(s.planned(), s.done());
            done = s.done();
            doneHere = 0;
            mayStopEarly = s.mayStopEarly();
        } else if (event instanceof RunEvent.Booted b) {
            roundStart.merge(b.boot(), b.start(), (x, y) -> x.isBefore(y) ? x : y);
        } else if (event instanceof RunEvent.Measured m) {
            firstMeasurement(m.measurement());
            done(m.measurement());
        } else if (event instanceof RunEvent.Ended e) {
            if (!toFirst.isEmpty()) {
                status("boot-to-first-measurement: " + seconds(toFirst.values().stream().reduce(Duration.ZERO,
                        Duration::plus)) + " over " + toFirst.size() + (toFirst.size() == 1 ? " round" : " rounds")
                        + "; measuring took " + seconds(Duration.ofNanos(System.nanoTime() - startNanos)));
            }
        }
    }

    /** On a round's first measurement: the time from its first boot's start to that measurement's start. */
    private void firstMeasurement(Measurement m) {
        Instant start = roundStart.get(m.boot());
        if (start != null && !toFirst.containsKey(m.boot())) {
            toFirst.put(m.boot(), Duration.between(start, m.start()));
            status("round " + m.boot() + ": first measurement " + seconds(toFirst.get(m.boot()))
                    + " after its first boot began");
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private void status(String message) {
        out.println("        " + message);
        out.flush();
    }

    private void done(Measurement m) {
        done++;
        doneHere++;
        int left = Math.max(0, total - done);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration eta = elapsed.multipliedBy(left).dividedBy(doneHere);
        String result = m.ok() ? m.metrics().stream().filter(x -> MetricCatalog.isPrimary(x.name())).findFirst()
                .map(x -> x.name() + " " + HumanScale.compact(x.value(), x.unit())).orElse("ok")
                : m.status().json() + ": " + m.reason();
        out.printf(Locale.ROOT, "[%d/%d] %s boot %d %s rep %d: %s (%s%d left, about %s)%n", done, total,
                m.variant(), m.boot(), m.workload(), m.rep(), result, mayStopEarly ? "at most " : "", left, human(eta));
        out.flush();
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** The note of a sequential run that stops after round {@code boot} of {@code boots}, begun at {@code first}. */
    static RunEvent.Note stopped(int boot, int boots, java.time.Instant first) {
        int left = boots - boot;
        Duration perRound = Duration.between(first, java.time.Instant.now()).dividedBy(boot);
        return new RunEvent.Note("decided after " + boot + " of " + boots + " rounds of boots: stopping; the"
                + " sequential design saved " + left + (left == 1 ? " round" : " rounds") + ", about "
                + human(perRound.multipliedBy(left)) + " at this run's pace");
    }

    /** The note of a batch of {@code names} booting as boot {@code boot} of {@code boots}, several at once or one. */
    static RunEvent.Note booting(List<String> names, int boot, int boots, String parallelBoots, long freeBytes,
            int cpus) {
        return new RunEvent.Note("booting " + String.join(", ", names) + " (boot " + boot + " of " + boots + ")"
                + (names.size() > 1 ? ", " + names.size() + " at once (parallel_boots " + parallelBoots + "; "
                + MemoryBudget.size(freeBytes) + " free, " + cpus + " host CPUs)" : ""));
    }
}
