package dev.vbench.bench.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vbench.bench.plan.DurabilitySpec;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.Workload;
import dev.vbench.bench.ssh.CommandResult;
import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.bench.ssh.LineStream;
import dev.vbench.bench.workload.DurabilityAcks;
import dev.vbench.bench.workload.DurableCommand;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.Variant;
import dev.vbench.results.durability.DurabilityTrial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The host-crash trials of a plan's durability workloads. A trial boots a fresh guest of a variant whose data disk
 * nbdkit serves ({@code disk.backend: nbdkit}), starts the guest's writer on the data disk (or on a file of an ext4
 * file system made on it), reads its acknowledgements as they arrive, and at a random instant in the workload's
 * {@code crash_after} window crashes the host under it: SIGKILL to nbdkit, then the domain destroyed. The backing
 * file then holds what flushes made durable; it is checked on the host ({@link DurabilityChecker}), never trusting the
 * guest, and deleted with the guest. Acknowledgements still in flight at the crash were printed before it and
 * count as received when they arrive within a short grace; any that never arrive count as unacknowledged, so the
 * acknowledged records lost are never overstated. Likewise a record counts as issued once its {@code write} line
 * arrived: the unacknowledged records lost are of those (a record whose line never arrived may still be found, as
 * unacknowledged present).
 */
final class CrashTrials {
    /** The run directory's file of trials, a JSON line each, appended as each trial ends. */
    static final String FILE = "crash-trials.jsonl";
    /** How long the writer may take to open its target and print {@code start}. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How long acknowledgements printed before the crash may take to arrive after it. */
    static final Duration GRACE = Duration.ofSeconds(2);
    /** Where the ext4 file system is mounted in the guest, and the file the writer creates there. */
    static final String MOUNT = "/mnt/vbench-durable";
    static final String FILE_IN_FS = "/vbench-durable.dat";
    /** Boot numbers of crash trials start here, clear of the measuring rounds' (a fresh MAC per trial). */
    static final int FIRST_BOOT = 10_001;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final VariantRunner runner;
    private final BiFunction<Variant, Integer, VariantGuest> guests;
    private final Consumer<VariantGuest> drop;
    private final RunListener events;
    private final BooleanSupplier interrupted;
    private final Duration bootTimeout;
    private final long seed;
    private final Path file;

    /**
     * @param guests      a fresh guest of a variant for a boot number, registered for teardown, not booted
     * @param drop        tears a guest down and forgets it
     * @param events      where each trial's line goes (console, journal)
     * @param seed        the run's seed: nonces and crash instants are reproducible from it
     * @param dir         the run directory, where {@value #FILE} is written
     */
    CrashTrials(VariantRunner runner, BiFunction<Variant, Integer, VariantGuest> guests, Consumer<VariantGuest> drop,
            RunListener events, BooleanSupplier interrupted, Duration bootTimeout, long seed, Path dir) {
        this.runner = runner;
        this.guests = guests;
        this.drop = drop;
        this.events = events;
        this.interrupted = interrupted;
        this.bootTimeout = bootTimeout;
        this.seed = seed;
        this.file = dir.resolve(FILE);
    }

    /**
     * Runs every crash workload's trials on every variant whose data disk nbdkit serves, each trial appended to
     * {@value #FILE} as it ends; stops taking new trials when the run is interrupted. Up to as many trials run at
     * once as guests may boot at once ({@code parallel_boots}, bounded by the host's free memory), never two of one
     * variant. A resumed run skips the trials already recorded (each trial's nonce and crash instant come from the
     * seed and the trial alone, so the ones run now are the ones an uninterrupted run would have run).
     */
    void run(Provisioner provisioner, Plan plan, MemoryBudget budget) {
        Set<List<Object>> recorded = read(file.getParent()).stream()
                .map(c -> List.<Object>of(c.result().variant(), c.result().workload(), c.result().number()))
                .collect(Collectors.toSet());
        List<TrialQueue.Pending> pending = new ArrayList<>();
        int boot = FIRST_BOOT;
        for (Variant v : plan.crashVariants()) {
            for (Workload w : plan.crashWorkloads()) {
                for (int t = 1; t <= w.durability().trials(); t++, boot++) {
                    if (!recorded.contains(List.of(v.name(), w.name(), t))) {
                        pending.add(new TrialQueue.Pending(v, w, t, boot));
                    }
                }
            }
        }
        int atOnce = Math.min(plan.crashVariants().size(), BootAhead.bound(plan.parallelBoots(),
                provisioner.hostFreeMemoryBytes(), budget.neededBytes(), provisioner.hostCpus(),
                plan.guest().vcpus()));
        events.on(new RunEvent.Note(pending.size() + " crash trials to run, " + atOnce + " at once"));
        TrialQueue queue = new TrialQueue(pending);
        ExecutorService workers = Executors.newFixedThreadPool(atOnce, r -> {
            Thread t = new Thread(r, "vbench-crash-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < atOnce; i++) {
                running.add(workers.submit(() -> work(provisioner, queue)));
            }
            for (Future<?> f : running) {
                await(f);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * One worker: takes trials off {@code queue} until none is left or the run is interrupted. Every trial taken is
     * handed back ({@link TrialQueue#done}), also when the run was interrupted, so that no other worker waits for
     * its variant forever.
     */
    private void work(Provisioner provisioner, TrialQueue queue) {
        for (TrialQueue.Pending p = queue.take(); p != null; p = queue.take()) {
            try {
                if (interrupted.getAsBoolean()) {
                    return;
                }
                CrashTrial trial = trial(provisioner, p.variant(), p.workload(), p.number(), p.boot());
                if (!interrupted.getAsBoolean()) {
                    synchronized (this) {
                        append(file, trial);
                        events.on(new RunEvent.Note(trial.describe()));
                    }
                }
            } finally {
                queue.done(p);
            }
        }
    }

    /** Waits for a worker; a failure of its own (not of a trial, which is recorded) passes on. */
    private static void await(Future<?> f) {
        boolean wasInterrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(Failures.oneLine(e.getCause()), e.getCause());
                }
            }
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The trials recorded in {@code dir}, in the order they ran; none when there is no file. */
    static List<CrashTrial> read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(f)) {
            List<CrashTrial> out = new ArrayList<>();
            for (String line : (Iterable<String>) lines::iterator) {
                out.add(JSON.readValue(line, CrashTrial.class));
            }
            return out;
        } catch (IOException e) {
            throw new OutputException("cannot read " + f + ": " + e.getMessage());
        }
    }

    /** Appends {@code trial} to {@code file} as one JSON line. */
    static void append(Path file, CrashTrial trial) {
        try {
            Files.writeString(file, JSON.writeValueAsString(trial) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + ": " + e.getMessage() + "; choose a writable --out");
        }
    }

    private CrashTrial trial(Provisioner provisioner, Variant variant, Workload workload, int number, int boot) {
        DurabilitySpec spec = workload.durability();
        SplittableRandom random = new SplittableRandom(seed ^ (variant.name() + "/" + workload.name() + "/" + number)
                .hashCode() * 0x9E3779B97F4A7C15L);
        long nonce = random.nextLong();
        long window = spec.crashAfterMax().minus(spec.crashAfterMin()).toMillis();
        Duration crashAfter = spec.crashAfterMin().plusMillis(window == 0 ? 0 : random.nextLong(window + 1));
        String started = Instant.now().toString();
        boolean ext4 = spec.target() == DurabilitySpec.Target.EXT4;
        VariantGuest guest = guests.apply(variant, boot);
        try {
            guest.formatDataExt4(ext4);
            runner.boot(provisioner, guest, boot);
            DurabilityAcks acks = new DurabilityAcks();
            String note;
            try (GuestShell shell = guest.shell(bootTimeout)) {
                String target = guest.dataDevice();
                if (ext4) {
                    shell.exec(List.of("sh", "-c", "mkdir -p " + MOUNT + " && mount " + target + " " + MOUNT),
                            START_TIMEOUT);
                    target = MOUNT + FILE_IN_FS;
                }
                try (LineStream writer = shell.stream(DurableCommand.argv(spec, target, nonce), acks)) {
                    note = crashDuring(writer, acks, crashAfter, guest);
                    shell.close(); // the guest is gone: the writer is not killed (JSch would wait 15 s for it)
                }
            }
            CrashCheck checked = CrashCheck.of(guest.dataFile(), ext4, nonce, acks.count(), acks.issued());
            return new CrashTrial(DurabilityTrial.valid(variant.name(), workload.name(), number, checked.check()),
                    Long.toUnsignedString(nonce), crashAfter.toMillis() / 1000.0, started, checked.fsckLines(), note);
        } catch (IOException | RuntimeException e) {
            return new CrashTrial(DurabilityTrial.failed(variant.name(), workload.name(), number, Failures.oneLine(e)),
                    Long.toUnsignedString(nonce), crashAfter.toMillis() / 1000.0, started, List.of(), null);
        } finally {
            drop.accept(guest);
        }
    }

    /**
     * Hands the writer's lines over until {@code crashAfter} after its {@code start}, then crashes the host and
     * takes the acknowledgements that arrive within {@link #GRACE}.
     *
     * @return {@code null} when the crash came while the writer ran, else how the writer had ended before it
     */
    private static String crashDuring(LineStream writer, DurabilityAcks acks, Duration crashAfter,
            VariantGuest guest) {
        long startBy = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!acks.started() && !writer.ended() && System.nanoTime() < startBy) {
            writer.awaitEnd(Duration.ofMillis(200));
        }
        if (!acks.started()) {
            throw new IllegalStateException("the writer did not start within " + START_TIMEOUT.toSeconds() + " s ("
                    + ended(writer) + ")");
        }
        long crashAt = System.nanoTime() + crashAfter.toNanos();
        boolean ended = false;
        while (!ended && System.nanoTime() < crashAt) {
            ended = writer.awaitEnd(Duration.ofNanos(Math.max(1, crashAt - System.nanoTime())));
        }
        String note = ended ? "the writer had ended before the crash (" + ended(writer) + ")" : null;
        guest.crashHost();
        writer.awaitEnd(GRACE);
        return note;
    }

    private static String ended(LineStream writer) {
        CommandResult r = writer.result();
        String err = r.stderr().strip();
        return "exit status " + r.exitStatus() + (err.isEmpty() ? "" : ": " + err.lines().reduce((a, b) -> b)
                .orElse(""));
    }
}
