package dev.vbench.bench.run;

import dev.vbench.results.chart.HumanScale;
import dev.vbench.results.metric.MetricCatalog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress lines while a run measures: which variant, boot, workload and repetition, how many measurements are left
 * (at most, when the run may stop early) and an estimate of the time remaining (from the mean time per measurement
 * so far, boots included). One line per event, so the
 * output reads the same in a terminal and in a nightly job's log.
 */
final class Progress implements RunListener {
    private final PrintWriter out;
    private long startNanos = System.nanoTime();
    private int total;
    private int done;
    private int doneHere;
    private boolean mayStopEarly;

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
        } else if (event instanceof RunEvent.Measured m) {
            done(m.measurement());
        }
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
}
