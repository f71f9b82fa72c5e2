package dev.vbench.bench.cli;

import dev.vbench.results.ResultsInputException;
import dev.vbench.results.history.Annotation;
import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.SeriesHistory;
import dev.vbench.results.history.SeriesKey;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vbench history annotate}: says what a night means for a series' baseline. {@code expected} restarts the
 * baseline at the run (an intended change); {@code outlier} drops that night out of the baseline and change-point
 * detection; {@code exclude} drops it out of every analysis.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Annotate a series from a run on: expected (restart the baseline there), outlier (drop",
                "that night from the baseline) or exclude (drop it from every analysis)."})
public final class HistoryAnnotateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private HistoryOption history;

    @Option(names = "--series", required = true, paramLabel = "SERIES",
            description = "The series: its id, host/variant/workload/metric, or * for every series of the run.")
    private String series;

    @Option(names = "--from", required = true, paramLabel = "RUN", description = "The run id it starts at.")
    private String from;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept with it).")
    private String reason;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "expected",
            description = "expected (default), outlier or exclude.")
    private String kind;

    @Override
    public Integer call() {
        Annotation.Kind k;
        try {
            k = Annotation.Kind.of(kind);
        } catch (IllegalArgumentException e) {
            throw new ResultsInputException("--kind: " + e.getMessage());
        }
        if (reason.isBlank()) {
            throw new ResultsInputException("--reason is empty; say why, e.g. --reason \"QEMU 8.2 rolled out\"");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore store = history.open()) {
            if (store.run(from).isEmpty()) {
                throw new ResultsInputException("run " + from + " is not in the history; list runs with"
                        + " vbench history runs");
            }
            String id = seriesId(store.histories(null, null), series);
            Annotation a = new Annotation(id, from, k, reason, Instant.now());
            store.annotate(a);
            out.println("annotated " + series + " from " + from + " as " + k.text() + ": " + reason);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The id of the series named by its id or its label, or {@code *}. */
    static String seriesId(List<SeriesHistory> all, String given) {
        if (given.equals("*")) {
            return given;
        }
        return all.stream().map(SeriesHistory::key)
                .filter(key -> key.id().equals(given) || key.label().equals(given))
                .map(SeriesKey::id).findFirst()
                .orElseThrow(() -> new ResultsInputException("no series " + given + " in the history; name it"
                        + " host/variant/workload/metric as vbench gate and the trend report print it"));
    }
}
