package dev.vbench.bench.run;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.Replication;
import dev.vbench.provisioning.AccelResolution;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.MacAddress;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.Variant;
import dev.vbench.provisioning.libvirt.LibvirtUri;
import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.durability.DurabilitySummary;
import dev.vbench.results.stats.NativeCeiling;
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
 * every repetition (workloads in a seeded order each time) and tears the guest down. With {@code native: true} the
 * round also visits the host itself, in its random place ({@link NativeRunner}). After each round from the
 * second, a sequential plan takes a look ({@link RunOutputs#looks}) and stops once decided. Then the crash
 * trials of durability workloads ({@link CrashTrials}). The driver only sequences: {@link ResumeState} knows what
 * is done, {@link Journal}, {@link Progress} and {@link RawOutput} listen, {@link VariantRunner} boots and
 * measures, {@link Failures} classifies failures, {@link RunOutputs} writes the outputs; all it made is torn down.
 * {@link BootAhead} boots guests together as memory and cores allow, never while one is measured.
 */
public final class RunDriver {
    /** How a run is set up beyond its plan. */
    public record Options(Path outDir, Path planFile, Long seed, Path claimsFile, boolean resume,
            Duration bootTimeout, Provisioner.Factory provisioners, LabHome lab, PrintWriter out) { }

    /** How the run ended and what its claims came to. */
    public record Result(RunStatus status, List<VariantFailure> failures, AnalysisOutcome outcome,
                         List<ClaimResult> claims, Path outDir, DurabilitySummary durability) { }

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
    private HostAccess access;
    private ImageIdentity hostImage;
    private final HostShell host;
    private NativeRunner ceiling;

    private RunDriver(Plan plan, Options options, HostShell host) {
        this.host = host;
        this.plan = plan;
        this.options = options;
        this.dir = options.outDir().toAbsolutePath().normalize();
        this.replication = plan.replication();
        this.guests = new LiveGuests(options.out());
        this.outputs = new RunOutputs(plan, options.planFile(), options.claimsFile(), dir);
    }

    /** Runs {@code plan}; see the class comment. */
    public static Result run(Plan plan, Options options) {
        return run(plan, options, new LocalHostShell());
    }

    /** {@link #run(Plan, Options)} with the host's commands (the native ceiling's) run by {@code host}. */
    static Result run(Plan plan, Options options, HostShell host) {
        return new RunDriver(plan, options, host).execute();
    }

    private Result execute() {
        // Everything that can be checked before the run directory exists is checked first: a run that cannot
        // start leaves nothing behind. Bad input (exit 2) is reported before the lab's problems (exit 3).
        if (!options.resume()) {
            RunDirectory.requireFresh(dir);
        }
        options.lab().requireSshKey();
        access = HostAccess.of(plan.hosts().first(), options.lab());
        ImageSpec image = LibvirtUri.isLocal(plan.connect()) ? options.lab().resolveImage(plan.image()) : null;
        try (Provisioner provisioner = access.connect(options.provisioners())) {
            HostImages.Resolved booted = HostImages.forRun(image, provisioner, options.lab(), plan.image(),
                    options.out());
            hostImage = booted.identity();
            Map<String, String> serverHosts = ServerHosts.resolve(plan, provisioner);
            state = openState(provisioner);
            try (ShutdownGuard g = ShutdownGuard.install(options.out(), guests)) {
                guard = g;
                return measureAndWrite(provisioner, booted.spec(), serverHosts);
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
                runner = new VariantRunner(events, raw, serverHosts, access.servers(pool().resolve(
                        WorkloadRunner.IPERF3_PID), state.runId()), options.lab().sshKey(), access.ssh(),
                        options.bootTimeout(), guard::interrupted);
                ceiling = new NativeRunner(access.shell(host), access.nativeDir(pool(), image),
                        serverHosts.get(plan.baseline()), events, guard::interrupted);
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
            Leftovers.removeBefore(provisioner, options.lab(), options.resume() ? state.runId() : null)
                    .forEach(removed -> options.out().println("removed leftover " + removed));
            Files.createDirectories(pool);
            AccelResolution accel = resolveAccelerator(provisioner, image, pool);
            List<String> visits = new ArrayList<>(plan.variantNames());
            if (plan.nativeCeiling()) {
                visits.add(NativeCeiling.VARIANT); // in the round's random order, so drift cannot bias its shares
            }
            events.on(new RunEvent.MeasuringStarted(visits.size() * plan.workloads().size()
                    * replication.perCell(), state.measurements().size(), replication.sequential()));
            RoundSchedule schedule = new RoundSchedule(state.seed());
            Instant first = Instant.now();
            MemoryBudget budget = MemoryBudget.of(plan.guest(), accel.resolved());
            for (int boot = 1; boot <= replication.boots() && !plan.workloads().isEmpty() && !guard.interrupted();
                    boot++) {
                Round r = new Round(provisioner, boot, accel, image, pool, budget, schedule);
                List<String> order = schedule.visits(boot, visits);
                int at = order.indexOf(NativeCeiling.VARIANT);
                bootAndVisit(r, at < 0 ? order : order.subList(0, at));
                if (at >= 0 && !guard.interrupted()
                        && !state.visited(NativeCeiling.VARIANT, boot, plan.workloads(), replication.repetitions())) {
                    ceiling.round(boot, replication.repetitions(), schedule, plan.workloads());
                }
                bootAndVisit(r, at < 0 ? List.of() : order.subList(at + 1, order.size()));
                if (boot >= 2 && replication.sequential() && !guard.interrupted() && decided()) {
                    if (boot < replication.boots()) {
                        events.on(Progress.stopped(boot, replication.boots(), first));
                    }
                    break;
                }
            }
            if (!plan.crashWorkloads().isEmpty() && !guard.interrupted()) {
                new CrashTrials(runner, (v, b) -> guest(v, b, accel, image, pool), g -> guests.drop(g.name()), events,
                        guard::interrupted, options.bootTimeout(), state.seed(), dir).run(provisioner, plan, budget);
            }
        } finally {
            guests.dropAll();
            Leftovers.deleteTree(options.lab().pool(), pool);
        }
        return Failures.runStatus(guard.interrupted(), state.anyFailedNow());
    }

    /** What a round of boots works with. */
    private record Round(Provisioner provisioner, int boot, AccelResolution accel, ImageSpec image, Path pool,
            MemoryBudget budget, RoundSchedule schedule) { }

    /** Boots the guests of {@code names} ahead in batches ({@link BootAhead}), then visits them in that order. */
    private void bootAndVisit(Round r, List<String> names) {
        List<VariantGuest> round = names.stream().filter(name -> !guard.interrupted() && !state.failedNow(name)
                        && !state.visited(name, r.boot(), plan.workloads(), replication.repetitions()))
                .map(name -> guest(plan.variant(name).orElseThrow(), r.boot(), r.accel(), r.image(), r.pool()))
                .toList();
        try (BootAhead<VariantGuest> ahead = new BootAhead<>(g -> runner.boot(r.provisioner(), g, r.boot()),
                g -> guests.drop(g.name()), guard::interrupted)) {
            ahead.round(round, waiting -> batch(r.provisioner(), r.budget(), waiting, r.boot()),
                    (g, booted) -> visit(g, booted, r.boot(), r.schedule()));
        }
    }

    /** Takes the sequential design's look on everything measured so far: true when the run may stop. */
    private boolean decided() {
        Set<String> failed = plan.variantNames().stream().filter(state::failedNow).collect(Collectors.toSet());
        return outputs.look(state.measurements()).map(look -> {
            events.on(new RunEvent.Note(look.describe()));
            return outputs.mayStop(look, failed);
        }).orElse(false);
    }

    private AccelResolution resolveAccelerator(Provisioner provisioner, ImageSpec image, Path pool) {
        HostEnvironment host = provisioner.hostEnvironment();
        AccelResolution accel = AccelCache.resolve(plan.accel(), provisioner, host, image, pool, state.runId(),
                options.lab());
        Map<String, String> env = RunRecord.environment(host, accel, state.runId(), state.seed(), plan.guest(),
                hostImage != null ? hostImage : ImageIdentity.of(options.lab(), plan.image()));
        env.putAll(access.facts());
        events.on(new RunEvent.EnvironmentKnown(env));
        options.out().println("accelerator: " + accel.resolved().planName() + " (" + accel.reason() + ")");
        return accel;
    }

    /** A fresh guest of boot {@code boot} of {@code variant}, registered for teardown, not booted yet. */
    private VariantGuest guest(Variant variant, int boot, AccelResolution accel, ImageSpec image, Path pool) {
        DomainSpec spec = DomainSpec.forVariant(state.runId(), options.lab().owner(), variant, accel.resolved(),
                plan.guest(), image, plan.network(), pool);
        // a fresh MAC per boot (and per attempt): an earlier boot's DHCP lease would otherwise be reported at once
        VariantGuest guest = new VariantGuest(spec.withMac(MacAddress.forName(spec.name() + "#" + boot
                + (options.resume() ? "@" + Instant.now() : ""))));
        guests.add(guest);
        return guest;
    }

    /** How many of {@code waiting} boot at once now, from the host's free memory and cores; announced. */
    private int batch(Provisioner provisioner, MemoryBudget budget, List<VariantGuest> waiting, int boot) {
        long free = provisioner.hostFreeMemoryBytes();
        int cpus = provisioner.hostCpus();
        int size = Math.min(waiting.size(), BootAhead.bound(plan.parallelBoots(), free, budget.neededBytes(), cpus,
                plan.guest().vcpus()));
        events.on(Progress.booting(waiting.subList(0, size).stream().map(VariantGuest::name).toList(), boot,
                replication.boots(), plan.parallelBoots().planName(), free, cpus));
        return size;
    }

    /** One visit: the guest of boot {@code boot}, booted as {@code booted}, warmed up, measured, torn down. */
    private void visit(VariantGuest guest, BootAhead.Booted booted, int boot, RoundSchedule schedule) {
        try {
            events.on(new RunEvent.VariantReady(runner.warmUp(guest, boot, booted, plan.workloads())));
            for (int rep = 1; rep <= replication.repetitions() && !guard.interrupted(); rep++) {
                runner.repetition(guest, boot, rep, schedule.workloads(guest.name(), boot, rep, plan.workloads()));
            }
        } catch (RuntimeException | IOException e) {
            fail(guest.name(), e, boot);
        } finally {
            guests.drop(guest.name());
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

    private Path pool() {
        return options.lab().pool().resolve(state.runId());
    }
}
