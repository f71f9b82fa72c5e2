package dev.vbench.bench.cli;

import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.RunInfo;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vbench history runs}: one line per run in the history, oldest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the runs in the history.")
public final class HistoryRunsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private HistoryOption history;

    @Option(names = "--plan", paramLabel = "NAME", description = "Only runs of this plan (its name:).")
    private String plan;

    @Option(names = "--since", paramLabel = "DATE", description = "Only runs started on or after DATE"
            + " (2026-12-01 or an ISO instant).")
    private String since;

    @Override
    public Integer call() {
        Instant from = Dates.since(since);
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore store = history.open()) {
            for (RunInfo r : store.runs(plan, from)) {
                out.println(r.runId() + "  " + r.started() + "  " + r.planName() + "  " + r.host() + "  "
                        + r.status());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
