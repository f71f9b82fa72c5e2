package dev.vbench.bench.cli;

import dev.vbench.bench.run.RunDirectory;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.results.Analysis;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.ResultsInputException;
import dev.vbench.results.compare.CellComparison;
import dev.vbench.results.compare.CompareReport;
import dev.vbench.results.compare.RunComparison;
import dev.vbench.results.compare.RunLookup;
import dev.vbench.results.compare.RunSamples;
import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.report.ConsoleSummary;
import dev.vbench.results.stats.ComparisonVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vbench compare A B --out DIR}: every (variant, workload, metric) cell of two runs, the gain of run B over
 * run A with its interval and verdict ({@link RunComparison}), written as {@code summary.json} (format
 * {@code vbench-compare}), {@code report.html} and {@code charts/}. Prints one line per tested cell on stdout and
 * exits with {@link ExitCode#OK} when no tested cell differs significantly, {@link ExitCode#COMPARE_DIFFERS} when
 * one does, {@link ExitCode#CONFIG} for bad input (nothing is written then) and {@link ExitCode#OUTPUT} when the
 * output directory cannot be written. A and B are found by a {@link RunLookup}: run directories by default.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two runs cell by cell: the gain of run B over run A, its interval and verdict.",
                "Writes DIR/summary.json, DIR/report.html and DIR/charts/.",
                "Exit status: 0 no tested cell differs significantly, 13 at least one does, 2 bad input,",
                "6 output not writable."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "Run A, the reference: a run directory.")
    private String runA;

    @Parameters(index = "1", paramLabel = "B", description = "Run B, compared with A: a run directory.")
    private String runB;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    private Path out;

    @Option(names = "--history", paramLabel = "URL",
            description = {"Find A or B that is not a directory as a run id in this history (an SQLite file or a",
                    "JDBC URL; see vbench history runs)."})
    private String history;

    private final RunLookup lookup;

    /** Picocli instantiates the command through this constructor: A and B are run directories. */
    public CompareCommand() {
        this(new RunDirectoryLookup());
    }

    /**
     * @param lookup how A and B are found, e.g. as run ids in the history
     */
    public CompareCommand(RunLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** A and B through the lookup, or as run ids of the history when --history is given and they are no directory. */
    private RunComparison compare() {
        if (history == null) {
            return RunComparison.compare(lookup.find(runA), lookup.find(runB));
        }
        try (HistoryStore store = HistoryStore.open(history)) {
            RunLookup either = ref -> Files.isDirectory(Path.of(ref)) ? lookup.find(ref) : stored(store, ref);
            return RunComparison.compare(either.find(runA), either.find(runB));
        }
    }

    private static RunSamples stored(HistoryStore store, String runId) {
        if (store.run(runId).isEmpty()) {
            throw new ResultsInputException(runId + " is neither a run directory nor a run in the history; list the"
                    + " runs with vbench history runs");
        }
        return new RunSamples(runId, store.samples(runId), store.environment(runId));
    }

    @Override
    public Integer call() {
        RunComparison result;
        try {
            RunDirectory.requireFresh(out);
            result = compare();
        } catch (ResultsInputException | RunInputException e) {
            Main.printError(spec.commandLine(), e.getMessage());
            return ExitCode.CONFIG;
        }
        try {
            CompareReport.write(out, result);
        } catch (IOException e) {
            Main.printError(spec.commandLine(), "cannot write " + out + ": " + OutputFiles.reason(e));
            return ExitCode.OUTPUT;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        result.cells().stream().filter(CellComparison::tested)
                .forEach(c -> stdout.println(ConsoleSummary.comparisonLine(c)));
        stdout.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (String change : result.environmentChanges()) {
            err.println("environment changed from A to B: " + change);
        }
        err.printf(Locale.ROOT, "compared %d cells of run %s (B) with run %s (A): %d better, %d worse, %d no "
                        + "significant difference, %d not tested; %d only in A, %d only in B; wrote %s%n",
                result.cells().size(), result.labelB(), result.labelA(), result.count(ComparisonVerdict.BETTER),
                result.count(ComparisonVerdict.WORSE), result.count(ComparisonVerdict.NO_SIGNIFICANT_DIFFERENCE),
                result.count(ComparisonVerdict.NOT_TESTED), result.onlyInA().size(), result.onlyInB().size(),
                out.resolve(Analysis.REPORT_HTML));
        err.flush();
        return result.differs() ? ExitCode.COMPARE_DIFFERS : ExitCode.OK;
    }
}
