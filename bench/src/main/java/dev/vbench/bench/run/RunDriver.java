package dev.vbench.bench.run;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.Workload;
import dev.vbench.provisioning.AccelResolution;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.MacAddress;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.Variant;
import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.RunStatus;
import dev.vbench.results.VariantFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one run: boots and checks every variant, warms it up, then measures every workload on every variant,
 * round after round in a seeded random order, until the {@link RepetitionPolicy} wants no more. The driver only
 * sequences; beside it, {@link ResumeState} knows what is done, the {@link Journal}, {@link Progress} and
 * {@link RawOutput} listen to its events, {@link VariantRunner} boots and measures each variant, {@link Failures}
 * classifies what goes wrong and {@link RunOutputs} writes run.json, results.csv and the report, marked complete,
 * partial or interrupted. Whatever happens, every guest, overlay and server the run created is torn down. The
 * variants' guests stay booted (paused between rounds) all at once: a plan whose guests cannot fit into the host's
 * memory ({@link MemoryBudget}) is refused before anything is written or booted.
 */
public final class RunDriver {

    /** How a run is set up beyond its plan. */
    public record Options(Path outDir, Path planFile, Long seed, Path claimsFile, boolean resume,
            Duration bootTimeout, Provisioner.Factory provisioners, LabHome lab, PrintWriter out) {
    }

    /** How the run ended and what its claims came to. */
    public record Result(RunStatus status, List<VariantFailure> failures, AnalysisOutcome outcome,
                         List<ClaimResult> claims, Path outDir) {
    }

    private final Plan plan;
    private final Options options;
    private final Path dir;
    private final RepetitionPolicy policy;
    private final LiveGuests guests;
    private final RunOutputs outputs;
    private ResumeState state;
    private ShutdownGuard guard;
    private RunListener events;
    private VariantRunner runner;

    private RunDriver(Plan plan, Options options) {
        this.plan = plan;
        this.options = options;
        this.dir = options.outDir().toAbsolutePath().normalize();
        this.policy = RepetitionPolicy.of(plan.repetitions());
        this.guests = new LiveGuests(options.out());
        this.outputs = new RunOutputs(plan, options.planFile(), options.claimsFile(), dir);
    }

    /** Runs {@code plan}; see the class comment. */
    public static Result run(Plan plan, Options options) {
        return new RunDriver(plan, options).execute();
    }

    private Result execute() {
        // Everything that can be checked before the run directory exists is checked first: a run that cannot
        // start leaves nothing behind. Bad input (exit 2) is reported before the lab's problems (exit 3).
        if (!options.resume()) {
            RunDirectory.requireFresh(dir);
        }
        options.lab().requireSshKey();
        ImageSpec image = options.lab().resolveImage(plan.image());
        try (Provisioner provisioner = connect()) {
            String serverHost = networkHostAddress(provisioner);
            state = openState(provisioner);
            try (ShutdownGuard g = ShutdownGuard.install(options.out(), guests)) {
                guard = g;
                return measureAndWrite(provisioner, image, serverHost);
            }
        }
    }

    /**
     * A new run's id and seed, or the interrupted run to resume read back; then, once the guests are known to fit
     * into the host's memory, the run directory.
     */
    private ResumeState openState(Provisioner provisioner) {
        try {
            ResumeState opened = options.resume() ? ResumeState.read(dir)
                    : ResumeState.fresh(options.seed(), Instant.now());
            int resident = (int) plan.variants().stream()
                    .filter(v -> !opened.complete(policy, v.name(), plan.workloads())).count();
            MemoryBudget.of(resident, plan.guest(), plan.accel()).requireFits(provisioner.hostMemoryBytes(),
                    provisioner.uri());
            RunDirectory.prepare(dir, options.resume(), plan.source());
            opened.skippedLines().forEach(line -> options.out().println("warning: " + line));
            return opened;
        } catch (IOException e) {
            throw Failures.unwritable(dir, e);
        }
    }

    /** Measures under the journal and the run lock, then writes the outputs; on failure, still what was done. */
    private Result measureAndWrite(Provisioner provisioner, ImageSpec image, String serverHost) {
        try {
            RunStatus status;
            try (Journal journal = Journal.open(dir);
                    RunLock lock = RunLock.acquire(options.lab().runs(), state.runId())) {
                RawOutput raw = new RawOutput(dir);
                events = RunListener.all(List.of(raw, journal, state, new Progress(options.out())));
                runner = new VariantRunner(events, raw, serverHost, pool().resolve(WorkloadRunner.IPERF3_PID),
                        options.lab().sshKey(), options.bootTimeout(), guard::interrupted);
                events.on(new RunEvent.Started(state.runId(), state.seed(), Instant.now(), state.resumed(),
                        options.planFile() == null ? null : options.planFile().toAbsolutePath().toString()));
                status = measure(provisioner, image);
                events.on(new RunEvent.Ended(status, Instant.now()));
            } catch (IOException e) {
                throw new OutputException("cannot write the run directory " + dir + ": " + e.getMessage()
                        + "; choose a writable --out");
            }
            return outputs.write(status, state);
        } catch (RuntimeException e) {
            try {
                outputs.write(guard.interrupted() ? RunStatus.INTERRUPTED : RunStatus.PARTIAL, state);
            } catch (RuntimeException writing) {
                e.addSuppressed(writing);
            }
            throw e;
        } finally {
            guests.dropAll();
        }
    }

    /** The run's phases: leftovers, accelerator and environment, boots and warm-ups, rounds. */
    private RunStatus measure(Provisioner provisioner, ImageSpec image) throws IOException {
        Path pool = pool();
        try {
            removeLeftovers(provisioner);
            Files.createDirectories(pool);
            AccelResolution accel = resolveAccelerator(provisioner, image, pool);
            for (Variant variant : plan.variants()) {
                if (guard.interrupted()) {
                    return RunStatus.INTERRUPTED;
                }
                if (!state.complete(policy, variant.name(), plan.workloads())) {
                    bootAndWarmUp(provisioner, variant, accel, image, pool);
                }
            }
            events.on(new RunEvent.MeasuringStarted(plan.variants().size() * plan.workloads().size()
                    * policy.minRepetitions(), state.measurements().size()));
            measureRounds();
        } finally {
            guests.dropAll();
            Leftovers.deleteTree(options.lab().pool(), pool);
        }
        return Failures.runStatus(guard.interrupted(), state.anyFailedNow());
    }

    private void removeLeftovers(Provisioner provisioner) throws IOException {
        List<String> leftovers = new ArrayList<>(Leftovers.remove(provisioner, options.lab()).removed());
        if (options.resume()) {
            leftovers.addAll(Leftovers.removeRun(provisioner, options.lab(), state.runId()));
        }
        for (String removed : leftovers) {
            options.out().println("removed leftover " + removed);
        }
    }

    private AccelResolution resolveAccelerator(Provisioner provisioner, ImageSpec image, Path pool) {
        HostEnvironment host = provisioner.hostEnvironment();
        AccelResolution accel = AccelCache.resolve(plan.accel(), provisioner, host, image, pool, state.runId(),
                options.lab());
        events.on(new RunEvent.EnvironmentKnown(RunRecord.environment(host, accel, state.runId(), state.seed(),
                plan.guest())));
        options.out().println("accelerator: " + accel.resolved().planName() + " (" + accel.reason() + ")");
        return accel;
    }

    private void bootAndWarmUp(Provisioner provisioner, Variant variant, AccelResolution accel, ImageSpec image,
            Path pool) {
        events.on(new RunEvent.Note("booting " + variant.name()));
        DomainSpec spec = DomainSpec.forVariant(state.runId(), options.lab().owner(), variant, accel.resolved(),
                plan.guest(), image, plan.network(), pool);
        if (options.resume()) {
            // a fresh MAC per attempt: the earlier attempt's DHCP lease would otherwise be reported at once
            spec = spec.withMac(MacAddress.forName(spec.name() + "@" + Instant.now()));
        }
        VariantGuest guest = new VariantGuest(spec);
        guests.add(guest);
        try {
            events.on(new RunEvent.VariantReady(runner.bootAndWarmUp(provisioner, guest, plan.workloads())));
        } catch (RuntimeException | IOException e) {
            fail(variant.name(), e, 0);
        }
    }

    /** Rounds until the policy wants no more: each round measures the live variants in the seeded order. */
    private void measureRounds() {
        RoundSchedule schedule = new RoundSchedule(state.seed());
        for (int round = 1; round <= policy.maxRepetitions() && !guard.interrupted(); round++) {
            boolean any = false;
            for (String name : schedule.order(round, guests.names())) {
                if (guard.interrupted()) {
                    break;
                }
                VariantGuest guest = guests.get(name);
                if (guest != null) {
                    any |= measureVariant(guest, round);
                }
            }
            if (!any && round >= policy.minRepetitions()) {
                break;
            }
        }
    }

    /** Measures what round {@code round} still needs on one variant; false when it needed nothing. */
    private boolean measureVariant(VariantGuest guest, int round) {
        List<Workload> todo = plan.workloads().stream()
                .filter(w -> state.needs(policy, guest.name(), w.name(), round)).toList();
        if (todo.isEmpty()) {
            return false;
        }
        try {
            runner.round(guest, todo, round);
        } catch (RuntimeException e) {
            fail(guest.name(), e, round);
        }
        return true;
    }

    /** One variant failed: it is torn down and recorded, and the others go on, unless it {@link Failures#endsRun}. */
    private void fail(String variant, Exception e, int round) {
        if (Failures.endsRun(e)) {
            throw (RuntimeException) e;
        }
        guests.drop(variant);
        if (!guard.interrupted()) {
            events.on(new RunEvent.VariantFailed(VariantRecord.failed(variant, Failures.ofVariant(e, round)),
                    Failures.oneLine(e)));
        }
    }

    /** Connects to the plan's libvirt URI; a failure names the fix, not only libvirt's error. */
    private Provisioner connect() {
        try {
            return options.provisioners().connect(plan.connect());
        } catch (ProvisioningException e) {
            throw new ProvisioningException(e.operation(), e.detail() + "; check connect: in the plan and that"
                    + " libvirtd is running there (vbench doctor --connect " + plan.connect() + ")", e);
        }
    }

    private String networkHostAddress(Provisioner provisioner) {
        if (plan.workloads().stream().noneMatch(w -> w.iperf3() != null)) {
            return null;
        }
        if (plan.network().network() == null) {
            throw new RunInputException("iperf3 workloads need the guests on a libvirt network (network: NAME) whose"
                    + " host address runs the iperf3 server; a plain bridge has no server side here");
        }
        return provisioner.networkHostAddress(plan.network().network());
    }

    private Path pool() {
        return options.lab().pool().resolve(state.runId());
    }
}
