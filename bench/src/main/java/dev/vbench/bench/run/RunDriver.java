package dev.vbench.bench.run;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.Replication;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drives one run in rounds of boots: in round b every variant is visited once, in a seeded random order
 * ({@link RoundSchedule}); a visit boots a fresh overlay of the base image, proves the devices, warms up, measures
 * every repetition (workloads in a seeded order each time) and tears the guest down. After each round from the
 * second, a sequential plan takes a look ({@link RunOutputs#looks}) and stops once the claims and tested comparisons
 * are decided; otherwise every boot of the plan is taken. The driver only sequences; beside it, {@link ResumeState}
 * knows what is done, the {@link Journal}, {@link Progress} and {@link RawOutput} listen to its events,
 * {@link VariantRunner} boots and measures each visit, {@link Failures} classifies what goes wrong and
 * {@link RunOutputs} writes run.json, results.csv and the report, marked complete, partial or interrupted. Whatever
 * happens, every guest, overlay and server the run created is torn down. One guest runs at a time: a plan whose guest
 * cannot fit into the host's memory ({@link MemoryBudget}) is refused before anything is written or booted.
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
    private final Replication replication;
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
        this.replication = plan.replication();
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
            Map<String, String> serverHosts = ServerHosts.resolve(plan, provisioner);
            state = openState(provisioner);
            try (ShutdownGuard g = ShutdownGuard.install(options.out(), guests)) {
                guard = g;
                return measureAndWrite(provisioner, image, serverHosts);
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
            MemoryBudget.of(plan.guest(), plan.accel()).requireFits(provisioner.hostMemoryBytes(),
                    provisioner.uri());
            RunDirectory.prepare(dir, options.resume(), plan.source());
            opened.skippedLines().forEach(line -> options.out().println("warning: " + line));
            opened.dropUnfinishedVisits(plan.workloads(), replication.repetitions())
                    .forEach(line -> options.out().println("warning: " + line));
            return opened;
        } catch (IOException e) {
            throw Failures.unwritable(dir, e);
        }
    }

    /** Measures under the journal and the run lock, then writes the outputs; on failure, still what was done. */
    private Result measureAndWrite(Provisioner provisioner, ImageSpec image, Map<String, String> serverHosts) {
        try {
            RunStatus status;
            try (Journal journal = Journal.open(dir);
                    RunLock lock = RunLock.acquire(options.lab().runs(), state.runId())) {
                RawOutput raw = new RawOutput(dir);
                events = RunListener.all(List.of(raw, journal, state, new Progress(options.out())));
                runner = new VariantRunner(events, raw, serverHosts, pool().resolve(WorkloadRunner.IPERF3_PID),
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

    /** The run's phases: leftovers, accelerator and environment, then the rounds of boots. */
    private RunStatus measure(Provisioner provisioner, ImageSpec image) throws IOException {
        Path pool = pool();
        try {
            removeLeftovers(provisioner);
            Files.createDirectories(pool);
            AccelResolution accel = resolveAccelerator(provisioner, image, pool);
            events.on(new RunEvent.MeasuringStarted(plan.variants().size() * plan.workloads().size()
                    * replication.perCell(), state.measurements().size(), replication.sequential()));
            RoundSchedule schedule = new RoundSchedule(state.seed());
            Instant first = Instant.now();
            for (int boot = 1; boot <= replication.boots() && !guard.interrupted(); boot++) {
                for (String name : schedule.visits(boot, plan.variantNames())) {
                    if (guard.interrupted()) {
                        break;
                    }
                    if (!state.failedNow(name)
                            && !state.visited(name, boot, plan.workloads(), replication.repetitions())) {
                        visit(provisioner, plan.variant(name).orElseThrow(), boot, accel, image, pool, schedule);
                    }
                }
                if (boot >= 2 && replication.sequential() && !guard.interrupted() && decided()) {
                    int left = replication.boots() - boot;
                    if (left > 0) {
                        Duration perRound = Duration.between(first, Instant.now()).dividedBy(boot);
                        events.on(new RunEvent.Note("decided after " + boot + " of " + replication.boots()
                                + " rounds of boots: stopping; the sequential design saved " + left
                                + (left == 1 ? " round" : " rounds") + ", about " + Progress.human(perRound
                                .multipliedBy(left)) + " at this run's pace"));
                    }
                    break;
                }
            }
        } finally {
            guests.dropAll();
            Leftovers.deleteTree(options.lab().pool(), pool);
        }
        return Failures.runStatus(guard.interrupted(), state.anyFailedNow());
    }

    /** Takes the sequential design's look on everything measured so far: true when the run may stop. */
    private boolean decided() {
        Set<String> failed = plan.variantNames().stream().filter(state::failedNow).collect(Collectors.toSet());
        return outputs.look(state.measurements()).map(look -> {
            events.on(new RunEvent.Note(look.describe()));
            return outputs.mayStop(look, failed);
        }).orElse(false);
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
                plan.guest(), ImageIdentity.of(options.lab(), plan.image()))));
        options.out().println("accelerator: " + accel.resolved().planName() + " (" + accel.reason() + ")");
        return accel;
    }

    /** One visit: boot {@code boot} of a variant on a fresh overlay, warmed up, measured, torn down. */
    private void visit(Provisioner provisioner, Variant variant, int boot, AccelResolution accel, ImageSpec image,
            Path pool, RoundSchedule schedule) {
        events.on(new RunEvent.Note("booting " + variant.name() + " (boot " + boot + " of " + replication.boots()
                + ")"));
        DomainSpec spec = DomainSpec.forVariant(state.runId(), options.lab().owner(), variant, accel.resolved(),
                plan.guest(), image, plan.network(), pool);
        // a fresh MAC per boot (and per attempt): an earlier boot's DHCP lease would otherwise be reported at once
        spec = spec.withMac(MacAddress.forName(spec.name() + "#" + boot
                + (options.resume() ? "@" + Instant.now() : "")));
        VariantGuest guest = new VariantGuest(spec);
        guests.add(guest);
        try {
            events.on(new RunEvent.VariantReady(runner.bootAndWarmUp(provisioner, guest, boot, plan.workloads())));
            for (int rep = 1; rep <= replication.repetitions() && !guard.interrupted(); rep++) {
                runner.repetition(guest, boot, rep, schedule.workloads(variant.name(), boot, rep, plan.workloads()));
            }
        } catch (RuntimeException | IOException e) {
            fail(variant.name(), e, boot);
        } finally {
            guests.drop(variant.name());
        }
    }

    /**
     * One variant failed on boot {@code boot}: it is torn down and recorded, and the others go on without it, unless
     * it {@link Failures#endsRun}.
     */
    private void fail(String variant, Exception e, int boot) {
        if (Failures.endsRun(e)) {
            throw (RuntimeException) e;
        }
        guests.drop(variant);
        if (!guard.interrupted()) {
            events.on(new RunEvent.VariantFailed(VariantRecord.failed(variant, Failures.ofVariant(e, boot)),
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

    private Path pool() {
        return options.lab().pool().resolve(state.runId());
    }
}
