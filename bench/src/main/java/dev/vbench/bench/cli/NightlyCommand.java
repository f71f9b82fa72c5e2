package dev.vbench.bench.cli;

import dev.vbench.bench.image.BackingChain;
import dev.vbench.bench.image.ImageCheck;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import dev.vbench.bench.run.Confirmation;
import dev.vbench.bench.run.GateRun;
import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.RunDirectory;
import dev.vbench.bench.run.RunDriver;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.RunStatus;
import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.TrendReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vbench nightly}: one night of a scheduled job. Runs the plan into {@code OUT-ROOT/<UTC time>/}, ingests
 * it, gates it (suspects re-measured on a fresh boot unless {@code --no-confirm}) and writes the trend report into
 * the night's {@code trends/}. The exit status is what a CI job or systemd expects: 0 no regression, 12 a confirmed
 * regression, 14 the canary shifted, 7 a variant failed, 8 interrupted; claims' verdicts are in the report and do
 * not fail the night.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Run a plan, ingest it into the history, gate it (confirming suspects on a fresh boot) and",
                "write the trend report. Exit status: 0 no regression, 12 regression confirmed, 14 canary shifted,",
                "7 partial run, 8 interrupted, 2 bad input, 3 lab, 6 output, 9 history."})
public final class NightlyCommand implements Callable<Integer> {
    private static final DateTimeFormatter NIGHT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Spec
    private CommandSpec spec;

    @Mixin
    private HistoryOption history;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The plan (YAML).")
    private Path plan;

    @Option(names = "--out-root", required = true, paramLabel = "DIR",
            description = "Directory of the nights: each night is written to a new DIR/<yyyyMMdd-HHmmss>/.")
    private Path outRoot;

    @Option(names = "--confirm", negatable = true, defaultValue = "true",
            description = "Re-measure suspected regressions on a fresh boot before failing (default: on).")
    private boolean confirm;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the visit order (default: random).")
    private Long seed;

    @Option(names = "--boot-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long a guest may take to boot (default: ${DEFAULT-VALUE}).")
    private int bootTimeoutSeconds;

    @Mixin
    private AllowImages allowImages;

    @Override
    public Integer call() {
        Plan parsed = PlanParser.parse(plan);
        LabHome lab = LabHome.fromEnvironment();
        ImageCheck.require(parsed.image(), allowImages.roots(lab, spec.commandLine()), BackingChain.QEMU_IMG);
        Path night = nightDirectory();
        PrintWriter out = spec.commandLine().getOut();
        Duration timeout = Duration.ofSeconds(bootTimeoutSeconds);
        try (HistoryStore store = history.open()) {
            RunDriver.Result result = RunDriver.run(parsed, new RunDriver.Options(night, plan, seed, null, false,
                    timeout, LibvirtProvisioner.FACTORY, lab, out));
            out.println("night: " + night);
            if (result.status() == RunStatus.INTERRUPTED) {
                out.println("interrupted: nothing ingested; continue with vbench run --resume " + night);
                return ExitCode.INTERRUPTED;
            }
            GateRun.Outcome outcome = GateRun.decide(store, night, confirm
                    ? new Confirmation(timeout, LibvirtProvisioner.FACTORY, lab, out) : null);
            int gate = GateConsole.report(outcome, night, out);
            HistoryReportCommand.Trends trends = HistoryReportCommand.Trends.update(store, parsed.name(), null);
            Path trendDir = OutputFiles.subdirectory(night, "trends");
            TrendReport.write(trendDir, "vbench trends: " + parsed.name(), trends.series(), trends.changePoints(),
                    trends.alerts());
            out.println("trends: " + trendDir.resolve("index.html"));
            out.flush();
            return gate != ExitCode.OK ? gate : result.status() == RunStatus.PARTIAL ? ExitCode.PARTIAL : gate;
        } catch (IOException e) {
            Main.printError(spec.commandLine(), "cannot write the trend report under " + night + ": "
                    + OutputFiles.reason(e));
            return ExitCode.OUTPUT;
        }
    }

    private Path nightDirectory() {
        if (Files.isSymbolicLink(outRoot) || (Files.exists(outRoot) && !Files.isDirectory(outRoot,
                LinkOption.NOFOLLOW_LINKS))) {
            throw new RunInputException("--out-root " + outRoot + " is not a directory; give a directory for the"
                    + " nights");
        }
        Path night = outRoot.resolve(ZonedDateTime.now(ZoneOffset.UTC).format(NIGHT));
        RunDirectory.requireFresh(night);
        return night;
    }
}
