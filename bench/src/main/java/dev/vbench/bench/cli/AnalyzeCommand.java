package dev.vbench.bench.cli;

import dev.vbench.bench.plan.ClaimsReader;
import dev.vbench.bench.plan.PlanException;
import dev.vbench.bench.run.RunDirectory;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.bench.plan.Replication;
import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.ResultsInputException;
import dev.vbench.results.RunContext;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.report.ConsoleSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vbench analyze}: statistics, comparisons with the baseline, claim verdicts, charts and the report from
 * an existing {@code results.csv}. Prints one line per claim on stdout and exits with {@link ExitCode#OK} when
 * every claim is SUPPORTED (or there are none), {@link ExitCode#CLAIMS_INCONCLUSIVE} when none is REFUTED but
 * some are INCONCLUSIVE, {@link ExitCode#CLAIMS_REFUTED} when one is REFUTED, {@link ExitCode#CONFIG} for bad
 * input (nothing is written then) and {@link ExitCode#OUTPUT} when the output directory cannot be written.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse a samples file: statistics, comparisons with the baseline, claim verdicts.",
                "Writes DIR/summary.json, DIR/report.html, DIR/junit.xml and DIR/charts/.",
                "Exit status: 0 every claim supported (or no claims), 10 some inconclusive, 11 some refuted,",
                "2 bad input, 6 output not writable."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--samples", required = true, paramLabel = "FILE",
            description = "The samples (results.csv: variant,workload,metric,unit,rep,value[,...]).")
    private Path samples;

    @Option(names = "--baseline", paramLabel = "VARIANT",
            description = "The variant to compare every other with (default: the first variant in the samples file).")
    private String baseline;

    @Option(names = "--claims", paramLabel = "FILE", description = "Claims to decide (YAML).")
    private Path claims;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    private Path out;

    @Option(names = "--looks", paramLabel = "K", defaultValue = "1",
            description = {"Decide as the group-sequential design of a run with boots: K and stopping: sequential",
                    "did (a look after each boot round; default 1: a fixed design)."})
    private int looks;

    /** Picocli instantiates the command through this constructor. */
    public AnalyzeCommand() {
    }

    @Override
    public Integer call() {
        AnalysisResult result;
        try {
            if (looks < 1 || looks > Replication.MAX_BOOTS) {
                throw new ResultsInputException("--looks " + looks + " is out of range (valid: 1.."
                        + Replication.MAX_BOOTS + ", the plan's boots)");
            }
            RunDirectory.requireFresh(out);
            List<Sample> read = read(samples, "samples", () -> SampleCsv.read(samples));
            List<Claim> claimList = claims == null ? List.of()
                    : read(claims, "claims", () -> ClaimsReader.read(claims));
            if (read.isEmpty()) {
                throw new ResultsInputException(samples + ": no samples after the header; measure something first");
            }
            String base = baseline != null ? baseline : read.get(0).variant();
            result = Analysis.compute(read, base, claimList, RunContext.unknown(),
                    new Replication(looks, 1, Replication.Stopping.SEQUENTIAL).design());
        } catch (ResultsInputException | PlanException | RunInputException e) {
            Main.printError(spec.commandLine(), e.getMessage());
            return ExitCode.CONFIG;
        }
        try {
            Analysis.write(out, result);
        } catch (IOException e) {
            Main.printError(spec.commandLine(), "cannot write " + out + ": " + OutputFiles.reason(e));
            return ExitCode.OUTPUT;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        for (ClaimResult claim : result.claims()) {
            stdout.println(ConsoleSummary.claimLine(claim));
        }
        stdout.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "analyzed %d cells against baseline %s: %d comparisons, %d claims; wrote %s%n",
                result.cells().size(), result.baseline(), result.comparisons().size(), result.claims().size(),
                out.resolve(Analysis.REPORT_HTML));
        err.flush();
        return exitCode(result.outcome());
    }

    /**
     * The exit status for an analysis outcome.
     *
     * @param outcome what the claims came to
     * @return {@link ExitCode#OK}, {@link ExitCode#CLAIMS_INCONCLUSIVE} or {@link ExitCode#CLAIMS_REFUTED}
     */
    public static int exitCode(AnalysisOutcome outcome) {
        return switch (outcome) {
            case ALL_SUPPORTED -> ExitCode.OK;
            case SOME_INCONCLUSIVE -> ExitCode.CLAIMS_INCONCLUSIVE;
            case SOME_REFUTED -> ExitCode.CLAIMS_REFUTED;
        };
    }

    private interface Reader<T> {
        T read() throws IOException;
    }

    private static <T> T read(Path file, String what, Reader<T> reader) {
        try {
            return reader.read();
        } catch (IOException e) {
            throw new ResultsInputException("cannot read the " + what + " file " + file + ": " + OutputFiles.reason(e));
        }
    }

}
