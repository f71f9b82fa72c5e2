package dev.vbench.bench.cli;

import dev.vbench.bench.run.RunDirectory;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.history.ChangePoint;
import dev.vbench.results.history.EDivisive;
import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.SeriesHistory;
import dev.vbench.results.history.TrendAlert;
import dev.vbench.results.history.TrendReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vbench history report}: the trend page, one chart per series over time, with change points,
 * annotations and environment changes marked. Change points found now are stored (insert-only) with the
 * algorithm's version and parameters, so a later report never moves one.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the trend report (index.html, trend.json, charts/) of the history to --out DIR.",
                "Exit status: 0 written, 2 bad input, 6 output not writable, 9 the history database failed."})
public final class HistoryReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private HistoryOption history;

    @Option(names = "--plan", paramLabel = "NAME", description = "Only runs of this plan (its name:).")
    private String plan;

    @Option(names = "--since", paramLabel = "DATE", description = "Only runs started on or after DATE.")
    private String since;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    private Path out;

    @Override
    public Integer call() {
        Instant from = Dates.since(since);
        RunDirectory.requireFresh(out);
        try (HistoryStore store = history.open()) {
            Trends trends = Trends.update(store, plan, from);
            try {
                TrendReport.write(OutputFiles.directory(out), title(plan), trends.series(), trends.changePoints(),
                        trends.alerts());
            } catch (IOException e) {
                Main.printError(spec.commandLine(), "cannot write " + out + ": " + OutputFiles.reason(e));
                return ExitCode.OUTPUT;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "%d series, %d change points (%d new); wrote %s%n", trends.series().size(),
                    trends.changePoints().size(), trends.added(), out.resolve("index.html"));
            err.flush();
        }
        return ExitCode.OK;
    }

    private static String title(String plan) {
        return plan == null ? "vbench trends" : "vbench trends: " + plan;
    }

    /**
     * The history's series with every change point known (stored ones unchanged, new ones stored now) and the
     * alerts raised so far.
     */
    record Trends(List<SeriesHistory> series, List<ChangePoint> changePoints, int added,
            List<TrendAlert> alerts) {

        static Trends update(HistoryStore store, String plan, Instant since) {
            List<SeriesHistory> series = store.histories(plan, since);
            List<ChangePoint> stored = store.changePoints();
            List<ChangePoint> all = new ArrayList<>();
            List<ChangePoint> added = new ArrayList<>();
            for (SeriesHistory h : series) {
                List<ChangePoint> merged = EDivisive.update(h, stored, EDivisive.Params.defaults());
                merged.stream().filter(c -> !stored.contains(c)).forEach(added::add);
                all.addAll(merged);
            }
            store.addChangePoints(added);
            List<TrendAlert> alerts = store.alerts().stream()
                    .map(a -> new TrendAlert(a.seriesId(), a.runId(), a.text())).toList();
            return new Trends(series, all, added.size(), alerts);
        }
    }
}
