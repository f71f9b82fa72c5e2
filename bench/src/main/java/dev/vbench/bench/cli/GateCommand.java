package dev.vbench.bench.cli;

import dev.vbench.bench.run.Confirmation;
import dev.vbench.bench.run.GateRun;
import dev.vbench.bench.run.LabHome;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import dev.vbench.results.history.HistoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vbench gate}: decides a run's night against the history. Each series is judged against its stable
 * segment (since its last change point or expected change); suspects are re-measured on a fresh boot with
 * {@code --confirm} before the gate fails.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Decide a run's series against their history; write gate.json into the run directory.",
                "Exit status: 0 no regression, 12 regression (confirmed on a fresh boot with --confirm),",
                "14 the canary shifted (an environment change), 2 bad input, 3 lab (confirmation), 9 history."})
public final class GateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private HistoryOption history;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run directory to decide.")
    private Path run;

    @Option(names = "--confirm", negatable = true, defaultValue = "false",
            description = {"Re-measure suspected regressions on a fresh boot (needs the lab) before failing",
                    "(default: off here; vbench nightly confirms)."})
    private boolean confirm;

    @Option(names = "--boot-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Boot timeout of the confirmation (default: ${DEFAULT-VALUE}).")
    private int bootTimeoutSeconds;

    @Override
    public Integer call() {
        try (HistoryStore store = history.open()) {
            GateRun.Confirmer confirmer = confirm ? new Confirmation(Duration.ofSeconds(bootTimeoutSeconds),
                    LibvirtProvisioner.FACTORY, LabHome.fromEnvironment(), spec.commandLine().getOut()) : null;
            GateRun.Outcome outcome = GateRun.decide(store, run, confirmer);
            return GateConsole.report(outcome, run, spec.commandLine().getOut());
        }
    }
}
