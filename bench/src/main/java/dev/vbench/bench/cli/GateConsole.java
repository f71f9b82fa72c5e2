package dev.vbench.bench.cli;

import dev.vbench.bench.run.GateRun;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.chart.HumanScale;
import dev.vbench.results.history.GateJson;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.history.NightlyGate.GateDecision;
import dev.vbench.results.history.NightlyGate.GateStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What the gate prints, the gate.json it leaves in the run directory, and its exit status. */
final class GateConsole {
    /** gate.json, in the run directory. */
    static final String FILE = "gate.json";

    private GateConsole() {
    }

    /**
     * Prints one line per series that moved, the outcome, writes gate.json, and returns the exit status.
     *
     * @return {@link ExitCode#GATE_REGRESSION}, {@link ExitCode#GATE_ENVIRONMENT} or {@link ExitCode#OK}
     */
    static int report(GateRun.Outcome outcome, Path runDir, PrintWriter out) {
        List<GateDecision> decisions = outcome.first().decisions();
        long tested = decisions.stream().filter(d -> d.status() != GateStatus.NOT_TESTED
                && d.status() != GateStatus.NO_BASELINE).count();
        for (GateDecision d : decisions) {
            if (d.status() == GateStatus.REGRESSION || d.status() == GateStatus.IMPROVEMENT
                    || d.status() == GateStatus.ENVIRONMENT) {
                out.println(line(d, outcome.confirmed().contains(d)));
            }
        }
        for (GateDecision d : outcome.confirmation()) {
            out.println("  confirmation: " + line(d, false));
        }
        int suspects = outcome.first().regressions().size();
        out.printf(Locale.ROOT, "gate %s: %d series tested, %d without enough history, %d suspected, %d confirmed"
                + " regressions%s%n", outcome.runId(), tested, youngTested(decisions), suspects,
                outcome.confirmed().size(),
                outcome.environmentShift() ? "; the canary shifted: an environment change" : "");
        try {
            OutputFiles.replace(runDir.resolve(FILE), GateJson.format(outcome.runId(), outcome.first(),
                    outcome.confirmation(), outcome.confirmed()));
        } catch (IOException e) {
            out.println("cannot write " + runDir.resolve(FILE) + ": " + OutputFiles.reason(e));
            out.flush();
            return ExitCode.OUTPUT;
        }
        out.flush();
        if (!outcome.confirmed().isEmpty()) {
            return ExitCode.GATE_REGRESSION;
        }
        return outcome.environmentShift() ? ExitCode.GATE_ENVIRONMENT : ExitCode.OK;
    }

    /** The series of the tested family (one metric per workload) that have no baseline yet. */
    private static long youngTested(List<GateDecision> decisions) {
        Map<String, List<String>> metrics = decisions.stream().collect(Collectors.groupingBy(
                d -> d.key().host() + "/" + d.key().variant() + "/" + d.key().workload(),
                Collectors.mapping(d -> d.key().metric(), Collectors.toList())));
        return decisions.stream().filter(d -> d.status() == GateStatus.NO_BASELINE)
                .filter(d -> MetricCatalog.testedMetric(metrics.get(d.key().host() + "/" + d.key().variant() + "/"
                        + d.key().workload())).map(d.key().metric()::equals).orElse(false)).count();
    }

    /** {@code REGRESSION host/variant/workload/metric: 16.3k -> 12.1k IO/s, x0.74 [0.70, 0.79], p ...}. */
    static String line(GateDecision d, boolean confirmed) {
        return String.format(Locale.ROOT, "%-11s %s: %s -> %s, x%.3g [%.3g, %.3g] against %d night%s%s, p %.2g"
                + " (adjusted %.2g), minimum effect %.1f%%%s", d.status().name(), d.key().label(),
                HumanScale.compact(d.baseline(), d.unit()), HumanScale.compact(d.tonight(), d.unit()), d.ratio(),
                d.low(), d.high(), d.baselineNights(), d.baselineNights() == 1 ? "" : "s",
                d.replicate().equals("boot") ? " (by boot)" : "", d.pValue(), d.pAdjusted(),
                100 * d.minEffect(), confirmed ? " (confirmed on a fresh boot)" : "");
    }
}
