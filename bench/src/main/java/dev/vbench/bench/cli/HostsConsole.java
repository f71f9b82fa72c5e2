package dev.vbench.bench.cli;

import dev.vbench.bench.run.HostsRun;
import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.RunStatus;
import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.RunArchive;
import dev.vbench.results.report.HostsReport;
import java.io.PrintWriter;
import java.util.List;

/** The end of {@code vbench run} on several hosts: one line per host and per claim, the history, the exit status. */
final class HostsConsole {
    private HostsConsole() {
    }

    /**
     * Prints the outcome, ingests each host's run into the history when one is given, and returns the exit status
     * as for one host: interrupted, partial (a host or a variant failed), then the combined claims. When no host
     * could run at all, the first host's failure is thrown, so that its kind sets the exit status.
     */
    static int finish(HostsRun.Result result, PrintWriter out, HistoryOption history) {
        if (result.hosts().stream().allMatch(h -> h.failure() != null)) {
            throw result.hosts().get(0).failure();
        }
        for (HostsRun.HostOutcome h : result.hosts()) {
            out.println("host " + h.host().name() + " (" + h.host().connect() + "): " + (h.failure() != null
                    ? "failed: " + h.failure().getMessage() : h.result().status().text() + ", " + h.dir()));
        }
        for (HostsReport.ClaimAcross c : result.report().claims()) {
            out.println("claim " + c.id() + ": " + c.verdict() + " (" + String.join(", ", c.hosts().stream()
                    .map(h -> h.host() + " " + h.verdict()).toList()) + ")");
        }
        out.println("hosts side by side: " + result.outDir().resolve(Analysis.REPORT_HTML) + " and "
                + Analysis.SUMMARY_JSON);
        if (history.given() && result.status() != RunStatus.INTERRUPTED) {
            try (HistoryStore store = history.open()) {
                for (HostsRun.HostOutcome h : result.hosts()) {
                    if (h.failure() == null) {
                        out.println(HistoryIngestCommand.line(store.ingest(RunArchive.read(h.dir()))));
                    }
                }
            }
        }
        List<String> verdicts = result.report().claims().stream().map(HostsReport.ClaimAcross::verdict).toList();
        AnalysisOutcome outcome = verdicts.contains("REFUTED") ? AnalysisOutcome.SOME_REFUTED
                : verdicts.contains("INCONCLUSIVE") ? AnalysisOutcome.SOME_INCONCLUSIVE : AnalysisOutcome.ALL_SUPPORTED;
        return RunCommand.exitCode(result.status(), outcome);
    }
}
