package dev.vbench.bench.cli;

import dev.vbench.bench.image.BackingChain;
import dev.vbench.bench.image.ImageCheck;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import dev.vbench.bench.run.HostsRun;
import dev.vbench.bench.run.Journal;
import dev.vbench.bench.run.JournalEntry;
import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.RunDirectory;
import dev.vbench.bench.run.RunDriver;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.bench.run.RunRecord;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.report.ConsoleSummary;
import dev.vbench.results.RunStatus;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.RunArchive;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vbench run}: boots every variant of a plan, measures it, and writes run.json, results.csv, raw/ and the
 * analysis (summary.json, report.html, charts/, junit.xml) to the output directory.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Boot each variant of a plan, check its devices, run its workloads and analyse the results.",
                "Exit status: 0 done (every claim SUPPORTED), 10 some claim INCONCLUSIVE, 11 some claim REFUTED,",
                "7 partial (a variant failed), 8 interrupted, 2 bad input, 3 lab/libvirt, 6 output not writable,",
                "9 the history database failed (with --history: the run is ingested at its end)."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--plan", paramLabel = "FILE", description = "The plan (YAML).")
    private Path plan;

    @Option(names = "--out", paramLabel = "DIR", description = "New directory for the results.")
    private Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted run in DIR, skipping the measurements it completed.")
    private Path resume;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the per-round random order of variants (default: random, recorded in run.json).")
    private Long seed;

    @Option(names = "--claims", paramLabel = "FILE", description = "Claims to test (default: the plan's claims:).")
    private Path claims;

    @Option(names = "--boot-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long a guest may take to get an address and answer SSH (default: ${DEFAULT-VALUE}).")
    private int bootTimeoutSeconds;

    @Mixin
    private AllowImages allowImages;

    @Mixin
    private HistoryOption history;

    @Override
    public Integer call() throws IOException {
        if ((resume == null) == (plan == null || out == null) || (resume != null && (plan != null || out != null))) {
            throw new ParameterException(spec.commandLine(),
                    "give either --plan FILE --out DIR, or --resume DIR alone");
        }
        if (bootTimeoutSeconds < 10 || bootTimeoutSeconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--boot-timeout must be between 10 and 3600 seconds");
        }
        Path planFile = plan;
        Plan parsed;
        if (resume != null) {
            Path copy = resume.resolve(RunDirectory.PLAN_COPY);
            if (!Files.isRegularFile(copy)) {
                throw new RunInputException(resume + " holds no vbench run to resume (no " + RunDirectory.PLAN_COPY
                        + "); start a new run with --plan and --out");
            }
            String original = Journal.read(resume).stream().filter(JournalEntry.Start.class::isInstance)
                    .map(e -> ((JournalEntry.Start) e).planFile()).filter(s -> s != null).findFirst()
                    .orElse(copy.toString());
            parsed = PlanParser.parse(PlanParser.readText(copy, "plan", "resume a directory vbench wrote"), original);
            planFile = Path.of(original);
        } else {
            parsed = PlanParser.parse(plan);
        }
        LabHome lab = LabHome.fromEnvironment();
        ImageCheck.require(parsed.image(), allowImages.roots(lab, spec.commandLine()), BackingChain.QEMU_IMG);
        if (history.given()) {
            try (HistoryStore store = history.open()) {
                store.runs(null, null); // fails now, not after the run, when the history cannot be reached
            }
        }
        PrintWriter progress = spec.commandLine().getOut();
        RunDriver.Options options = new RunDriver.Options(resume != null ? resume : out, planFile, seed, claims,
                resume != null, Duration.ofSeconds(bootTimeoutSeconds), LibvirtProvisioner.FACTORY, lab, progress);
        if (parsed.hosts().several()) {
            return HostsConsole.finish(HostsRun.run(parsed, options), progress, history);
        }
        RunDriver.Result result = RunDriver.run(parsed, options);
        progress.println("results: " + result.outDir() + " (" + Stream.of(RunRecord.FILE, RunDirectory.RESULTS_CSV,
                Analysis.REPORT_HTML, Analysis.SUMMARY_JSON, Analysis.DURABILITY_JSON)
                .filter(f -> Files.exists(result.outDir().resolve(f))).collect(Collectors.joining(", ")) + ")");
        for (VariantFailure f : result.failures()) {
            progress.println("failed: " + f.variant() + ": " + f.reason());
        }
        ConsoleSummary.lines(result.claims(), result.outDir().resolve(Analysis.REPORT_HTML).toString())
                .forEach(progress::println);
        if (result.durability() != null) {
            result.durability().claims().forEach(v -> progress.println("durability claim " + v.claim().id() + ": "
                    + v.verdict() + " (" + v.reason() + ")"));
            progress.println("durability: " + result.outDir().resolve(Analysis.DURABILITY_JSON));
        }
        if (history.given() && result.status() != RunStatus.INTERRUPTED) {
            try (HistoryStore store = history.open()) {
                progress.println(HistoryIngestCommand.line(store.ingest(RunArchive.read(result.outDir()))));
            }
        }
        return exitCode(result.status(), result.outcome());
    }

    /** Interrupted before partial before refuted before inconclusive. */
    static int exitCode(RunStatus status, AnalysisOutcome outcome) {
        if (status == RunStatus.INTERRUPTED) {
            return ExitCode.INTERRUPTED;
        }
        if (status == RunStatus.PARTIAL) {
            return ExitCode.PARTIAL;
        }
        return switch (outcome) {
            case ALL_SUPPORTED -> ExitCode.OK;
            case SOME_INCONCLUSIVE -> ExitCode.CLAIMS_INCONCLUSIVE;
            case SOME_REFUTED -> ExitCode.CLAIMS_REFUTED;
        };
    }
}
