package dev.vbench.bench.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vbench.bench.plan.ClaimsReader;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.Workload;
import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.bench.ssh.RemoteCommandTimeoutException;
import dev.vbench.bench.ssh.SshException;
import dev.vbench.bench.workload.InvalidMeasurementException;
import dev.vbench.bench.workload.Metric;
import dev.vbench.provisioning.AccelResolution;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.MacAddress;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.Variant;
import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.RunContext;
import dev.vbench.results.RunStatus;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.stats.AdaptiveRepetitions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Drives one run: boots and checks every variant, warms it up, then measures every workload on every variant,
 * round after round in a seeded random order, journaling each measurement before the next starts. Whatever
 * happens, every guest, overlay and server it created is torn down, and the run directory gets a run.json,
 * results.csv and report of what was completed, marked complete, partial or interrupted.
 */
public final class RunDriver {
    /** The plan file as given, copied into the run directory; {@code --resume} reads it from there. */
    public static final String PLAN_COPY = "plan.yaml";
    public static final String RESULTS_CSV = "results.csv";
    public static final String RAW_DIR = "raw";
    /** How long a resumed guest may take to answer SSH again before the variant counts as failed. */
    static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Pid file of the host-side iperf3 server, in the run's pool directory. */
    static final String IPERF3_PID = "iperf3-server.pid";

    /** How a run is set up beyond its plan. */
    public record Options(Path outDir, Path planFile, Long seed, Path claimsFile, boolean resume,
            Duration bootTimeout, Provisioner.Factory provisioners, LabHome lab, PrintWriter out) {
    }

    /** How the run ended and what its claims came to. */
    public record Result(RunStatus status, List<VariantFailure> failures, AnalysisOutcome outcome, Path outDir) {
    }

    private final Plan plan;
    private final Options options;
    private final Path dir;
    private final Map<String, VariantGuest> guests = new LinkedHashMap<>();
    private final Map<String, VariantRecord> variantRecords = new LinkedHashMap<>();
    private final List<Measurement> measurements = new ArrayList<>();
    private final Map<String, String> environment = new TreeMap<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean interrupted;
    private String runId;
    private long seed;
    private Instant started;
    private Journal journal;

    private RunDriver(Plan plan, Options options) {
        this.plan = plan;
        this.options = options;
        this.dir = options.outDir().toAbsolutePath().normalize();
    }

    /** Runs {@code plan}; see the class comment. */
    public static Result run(Plan plan, Options options) {
        return new RunDriver(plan, options).execute();
    }

    private Result execute() {
        // Everything that can be checked before the run directory exists is checked first: a run that cannot
        // start leaves nothing behind. Bad input (exit 2) is reported before the lab's problems (exit 3).
        if (!options.resume()) {
            requireFreshOutDir();
        }
        LabHome lab = options.lab();
        lab.requireSshKey();
        ImageSpec image = lab.resolveImage(plan.image());
        try (Provisioner provisioner = connect()) {
            String serverHost = networkHostAddress(provisioner);
            List<ObjectNode> previous = prepareDirectory();
            Thread hook = new Thread(this::onShutdown, "vbench-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            RunStatus status = RunStatus.INTERRUPTED;
            try {
                try (Journal j = Journal.open(dir);
                        RunLock lock = RunLock.acquire(lab.root().resolve("runs"), runId)) {
                    journal = j;
                    ObjectNode start = Journal.JSON.createObjectNode();
                    start.put("type", "start");
                    start.put("run_id", runId);
                    start.put("seed", seed);
                    start.put("time", Instant.now().toString());
                    start.put("resumed", !previous.isEmpty());
                    if (options.planFile() != null) {
                        start.put("plan_file", options.planFile().toAbsolutePath().toString());
                    }
                    journal.append(start);
                    status = measure(provisioner, image, serverHost);
                    ObjectNode end = Journal.JSON.createObjectNode();
                    end.put("type", "end");
                    end.put("status", status.text());
                    end.put("time", Instant.now().toString());
                    journal.append(end);
                } catch (IOException e) {
                    throw new OutputException("cannot write the run directory " + dir + ": " + e.getMessage()
                            + "; choose a writable --out");
                }
                return writeOutputs(status);
            } catch (RuntimeException e) {
                // The run as a whole failed (or was interrupted): still leave a record of what was completed.
                try {
                    writeOutputs(interrupted ? RunStatus.INTERRUPTED : RunStatus.PARTIAL);
                } catch (RuntimeException writing) {
                    e.addSuppressed(writing);
                }
                throw e;
            } finally {
                closeGuests();
                finished.countDown();
                if (!interrupted) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is running already
                    }
                }
            }
        }
    }

    /** A new run's --out must not hold a run or anything else: checked before the lab, and again before writing. */
    private void requireFreshOutDir() {
        if (Files.exists(dir.resolve(Journal.FILE))) {
            throw new RunInputException(dir + " already holds a run; continue it with --resume " + dir
                    + " or choose another --out");
        }
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new RunInputException("--out " + dir + " is not empty; choose a new directory");
                }
            } catch (IOException e) {
                throw new OutputException("cannot read the run directory " + dir + " (" + reason(e)
                        + "); choose a writable --out");
            }
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

    /** Creates or reopens the run directory; returns the journal of an earlier attempt when resuming. */
    private List<ObjectNode> prepareDirectory() {
        try {
            List<ObjectNode> previous = List.of();
            if (options.resume()) {
                previous = Journal.read(dir);
                ObjectNode first = previous.stream().filter(e -> "start".equals(e.path("type").asText()))
                        .findFirst().orElseThrow(() -> new RunInputException(dir + " holds no vbench run to resume"
                                + " (no " + Journal.FILE + "); start a new run with --plan and --out"));
                runId = first.path("run_id").asText();
                seed = first.path("seed").asLong();
                started = Instant.parse(first.path("time").asText());
                // what an earlier attempt completed is kept; what failed there is measured again
                Journal.measurements(previous).stream().filter(Measurement::ok).forEach(measurements::add);
            } else {
                requireFreshOutDir();
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(PLAN_COPY), plan.source(), StandardCharsets.UTF_8);
                started = Instant.now();
                runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC)
                        .format(started) + "-" + String.format(Locale.ROOT, "%04x",
                        ThreadLocalRandom.current().nextInt(0x10000));
                seed = options.seed() != null ? options.seed() : ThreadLocalRandom.current().nextLong();
            }
            Files.createDirectories(dir.resolve(RAW_DIR));
            return previous;
        } catch (IOException e) {
            throw new OutputException("cannot write the run directory " + dir + " (" + reason(e)
                    + "); choose a writable --out");
        }
    }

    /** What went wrong with a file, in words: Java's file exceptions often carry only the path. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String why = fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "exists and is not a directory"
                    : e.getClass().getSimpleName();
            return fs.getFile() == null ? why : fs.getFile() + ": " + why;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private RunStatus measure(Provisioner provisioner, ImageSpec image, String serverHost) throws IOException {
        Path pool = options.lab().pool().resolve(runId);
        try {
            List<String> leftovers = new ArrayList<>(Leftovers.remove(provisioner, options.lab()));
            if (options.resume()) {
                leftovers.addAll(Leftovers.removeRun(provisioner, options.lab(), runId));
            }
            for (String removed : leftovers) {
                options.out().println("removed leftover " + removed);
            }
            Files.createDirectories(pool);
            HostEnvironment host = provisioner.hostEnvironment();
            AccelResolution accel = AccelCache.resolve(plan.accel(), provisioner, host, image, pool, runId,
                    options.lab().root());
            recordEnvironment(host, accel);
            options.out().println("accelerator: " + accel.resolved().planName() + " (" + accel.reason() + ")");
            Progress progress = new Progress(options.out(), plannedMeasurements(), countDone());
            for (Variant variant : plan.variants()) {
                if (interrupted) {
                    return RunStatus.INTERRUPTED;
                }
                if (complete(variant.name())) {
                    continue;
                }
                bootAndWarmUp(provisioner, variant, accel, image, pool, serverHost, progress);
            }
            progress.startMeasuring();
            for (int round = 1; round <= plan.repetitions().max() && !interrupted; round++) {
                boolean any = false;
                for (String name : new RoundSchedule(seed).order(round, List.copyOf(guests.keySet()))) {
                    if (interrupted) {
                        break;
                    }
                    VariantGuest guest = guests.get(name);
                    if (guest != null) {
                        any |= measureVariant(guest, round, serverHost, progress);
                    }
                }
                if (!any && round >= plan.repetitions().min()) {
                    break;
                }
            }
        } finally {
            closeGuests();
            Leftovers.deleteTree(pool);
        }
        if (interrupted) {
            return RunStatus.INTERRUPTED;
        }
        return failures().isEmpty() ? RunStatus.COMPLETE : RunStatus.PARTIAL;
    }

    private void bootAndWarmUp(Provisioner provisioner, Variant variant, AccelResolution accel, ImageSpec image,
            Path pool, String serverHost, Progress progress) {
        progress.status("booting " + variant.name());
        DomainSpec spec = DomainSpec.forVariant(runId, variant, accel.resolved(), plan.guest(), image, plan.network(),
                pool);
        if (options.resume()) {
            // a fresh MAC per attempt: the earlier attempt's DHCP lease would otherwise be reported at once
            spec = spec.withMac(MacAddress.forName(spec.name() + "@" + Instant.now()));
        }
        VariantGuest guest = new VariantGuest(spec);
        synchronized (guests) {
            guests.put(variant.name(), guest);
        }
        try {
            Instant t0 = Instant.now();
            guest.boot(provisioner, options.lab().sshKey(), options.bootTimeout());
            progress.status(variant.name() + " up in " + Duration.between(t0, Instant.now()).toSeconds() + " s at "
                    + guest.address() + ", devices " + guest.evidence().dataDisks().get(0).drivers() + "; warming up");
            try (GuestShell shell = guest.shell(options.bootTimeout())) {
                for (Workload w : plan.workloads()) {
                    WorkloadRunner.Outcome o = WorkloadRunner.run(shell, w, guest.dataDevice(), serverHost, true,
                            rawPath(variant.name(), "warmup-" + w.name() + "-server.log"), pool().resolve(IPERF3_PID));
                    writeRaw(variant.name(), "warmup-" + w.name() + ".json", o.result().stdout());
                }
            }
            guest.pause();
            VariantRecord record = VariantRecord.ready(guest);
            variantRecords.put(variant.name(), record);
            journal.append(variantJson(record));
        } catch (RuntimeException | IOException e) {
            String reason = oneLine(e);
            dropGuest(variant.name());
            if (interrupted) {
                return;
            }
            VariantRecord record = VariantRecord.failed(variant.name(), reason);
            variantRecords.put(variant.name(), record);
            journal.append(variantJson(record));
            progress.status("variant " + variant.name() + " FAILED: " + reason);
        }
    }

    /** Measures every workload of round {@code round} on one variant; false when there was nothing left to do. */
    private boolean measureVariant(VariantGuest guest, int round, String serverHost, Progress progress) {
        List<Workload> todo = plan.workloads().stream().filter(w -> needsRep(guest.name(), w.name(), round)).toList();
        if (todo.isEmpty()) {
            return false;
        }
        try {
            guest.resume();
            try (GuestShell shell = guest.shell(RECONNECT_TIMEOUT)) {
                for (Workload w : todo) {
                    if (interrupted) {
                        return true;
                    }
                    Measurement m = measureOnce(guest, shell, w, round, serverHost);
                    journal.appendMeasurement(m);
                    measurements.add(m);
                    progress.done(m);
                    if (!guest.domain().isActive()) {
                        throw new ProvisioningException("measure " + guest.name(), "the guest stopped running");
                    }
                }
            } finally {
                if (guest.domain().isActive()) {
                    guest.pause();
                }
            }
        } catch (RuntimeException e) {
            if (interrupted) {
                return true;
            }
            String reason = oneLine(e);
            dropGuest(guest.name());
            VariantRecord record = VariantRecord.failed(guest.name(), "round " + round + ": " + reason);
            variantRecords.put(guest.name(), record);
            journal.append(variantJson(record));
            progress.status("variant " + guest.name() + " FAILED: " + reason);
        }
        return true;
    }

    private Measurement measureOnce(VariantGuest guest, GuestShell shell, Workload w, int rep, String serverHost) {
        String raw = RAW_DIR + "/" + guest.name() + "/" + w.name() + "-rep" + rep + ".json";
        Instant start = Instant.now();
        long cpuBefore = guest.domain().hostCpuNanos();
        try {
            WorkloadRunner.Outcome o = WorkloadRunner.run(shell, w, guest.dataDevice(), serverHost, false,
                    rawPath(guest.name(), w.name() + "-rep" + rep + "-server.log"), pool().resolve(IPERF3_PID));
            long cpuAfter = guest.domain().hostCpuNanos();
            Instant end = Instant.now();
            writeRaw(guest.name(), w.name() + "-rep" + rep + ".json", o.result().stdout());
            List<Metric> metrics = new ArrayList<>(o.metrics());
            metrics.add(new Metric(Workload.HOST_CPU_METRIC, "s", (cpuAfter - cpuBefore) / 1e9));
            return new Measurement(guest.name(), w.name(), rep, Measurement.Status.OK, null, start, end, metrics, raw);
        } catch (InvalidMeasurementException e) {
            if (!guest.domain().isActive()) {
                return new Measurement(guest.name(), w.name(), rep, Measurement.Status.FAILED,
                        "the guest stopped running during the measurement (" + oneLine(e) + ")", start, Instant.now(),
                        List.of(), null);
            }
            return new Measurement(guest.name(), w.name(), rep, Measurement.Status.INVALID, oneLine(e), start,
                    Instant.now(), List.of(), null);
        } catch (RemoteCommandTimeoutException e) {
            return new Measurement(guest.name(), w.name(), rep, Measurement.Status.FAILED, oneLine(e), start,
                    Instant.now(), List.of(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether repetition {@code rep} of a cell is still to be measured (fixed count, or adaptive stopping rule). */
    private boolean needsRep(String variant, String workload, int rep) {
        List<Double> primary = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.variant().equals(variant) && m.workload().equals(workload)) {
                if (m.rep() == rep) {
                    return false;
                }
                if (m.ok()) {
                    m.metrics().stream().filter(x -> isPrimary(x.name())).findFirst()
                            .ifPresent(x -> primary.add(x.value()));
                }
            }
        }
        if (rep <= plan.repetitions().min()) {
            return true;
        }
        if (rep > plan.repetitions().max() || plan.repetitions().targetCiPct() == null) {
            return false;
        }
        return AdaptiveRepetitions.needsMore(primary, plan.repetitions().min(), plan.repetitions().max(),
                plan.repetitions().targetCiPct());
    }

    /** The metric adaptive repetitions watch: IOPS for fio, throughput for iperf3. */
    static boolean isPrimary(String metric) {
        return metric.endsWith("_iops") || metric.equals("throughput");
    }

    /** Whether a variant has nothing left to measure (a resumed run does not boot it again). */
    private boolean complete(String variant) {
        for (int rep = 1; rep <= plan.repetitions().max(); rep++) {
            for (Workload w : plan.workloads()) {
                if (needsRep(variant, w.name(), rep)) {
                    return false;
                }
            }
        }
        return true;
    }

    private int plannedMeasurements() {
        return plan.variants().size() * plan.workloads().size() * plan.repetitions().min();
    }

    private int countDone() {
        return measurements.size();
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

    private void recordEnvironment(HostEnvironment host, AccelResolution accel) {
        HarnessVersion harness = HarnessVersion.current();
        environment.put("accelerator", accel.resolved().planName());
        environment.put("accelerator_requested", accel.requested().planName());
        environment.put("accelerator_reason", accel.reason());
        environment.put("host_kernel", HostFacts.kernelRelease());
        environment.put("host_cpu_model", HostFacts.cpuModel());
        environment.put("host_cpus", Integer.toString(HostFacts.cpuCount()));
        environment.put("host_name", host.hostName());
        environment.put("libvirt_uri", host.uri());
        environment.put("libvirt_version", host.libvirtVersion());
        environment.put("hypervisor", host.hypervisor());
        environment.put("hypervisor_version", host.hypervisorVersion());
        environment.put("harness_version", harness.version());
        environment.put("harness_commit", harness.commit());
        environment.put("run_id", runId);
        environment.put("seed", Long.toString(seed));
        environment.put("guest_vcpus", Integer.toString(plan.guest().vcpus()));
        environment.put("guest_memory_mib", Integer.toString(plan.guest().memoryMib()));
        ObjectNode env = Journal.JSON.createObjectNode();
        env.put("type", "environment");
        environment.forEach(env::put);
        journal.append(env);
    }

    private ObjectNode variantJson(VariantRecord r) {
        ObjectNode n = Journal.JSON.createObjectNode();
        n.put("type", "variant");
        n.set("record", Journal.JSON.valueToTree(r));
        return n;
    }

    private List<VariantFailure> failures() {
        List<VariantFailure> failures = new ArrayList<>();
        for (VariantRecord r : variantRecords.values()) {
            if (!r.ok()) {
                failures.add(new VariantFailure(r.variant(), r.reason()));
            }
        }
        return failures;
    }

    /** Writes run.json, results.csv and the analysis from what was completed; safe to call on any path. */
    private Result writeOutputs(RunStatus status) {
        try {
            mergeJournal();
            Map<String, String> env = new TreeMap<>(environment);
            variantRecords.values().stream().filter(VariantRecord::ok).findFirst()
                    .ifPresent(v -> env.put("guest_kernel", v.guestKernel()));
            String statusText = status.text();
            Files.writeString(dir.resolve(RunRecord.FILE), RunRecord.format(new RunRecord.Content(runId, statusText, seed,
                    started, Instant.now(), HarnessVersion.current(), env, plan,
                    options.planFile() == null ? null : options.planFile().toString(),
                    List.copyOf(variantRecords.values()), measurements)), StandardCharsets.UTF_8);
            List<Sample> samples = samples();
            SampleCsv.write(dir.resolve(RESULTS_CSV), samples);
            AnalysisOutcome outcome = AnalysisOutcome.ALL_SUPPORTED;
            List<VariantFailure> failures = new ArrayList<>(failures());
            boolean baselineMeasured = samples.stream().anyMatch(s -> s.variant().equals(plan.baseline()));
            if (!baselineMeasured && failures.stream().noneMatch(f -> f.variant().equals(plan.baseline()))) {
                failures.add(new VariantFailure(plan.baseline(), "not measured: the run ended ("
                        + status.text() + ") before the baseline was measured"));
            }
            if (!samples.isEmpty()) {
                outcome = Analysis.write(dir, samples, plan.baseline(), claims(), new RunContext(env, failures, status));
            }
            return new Result(status, failures(), outcome, dir);
        } catch (IOException e) {
            throw new OutputException("cannot write the results to " + dir + ": " + e.getMessage());
        }
    }

    /** On resume the journal holds variant records of earlier attempts: the latest record of a variant wins. */
    private void mergeJournal() throws IOException {
        Map<String, VariantRecord> latest = new LinkedHashMap<>();
        for (ObjectNode e : Journal.read(dir)) {
            if ("variant".equals(e.path("type").asText())) {
                VariantRecord r = Journal.JSON.treeToValue(e.get("record"), VariantRecord.class);
                latest.put(r.variant(), r);
            } else if ("environment".equals(e.path("type").asText()) && environment.isEmpty()) {
                e.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("type")) {
                        environment.put(f.getKey(), f.getValue().asText());
                    }
                });
            }
        }
        latest.putAll(variantRecords);
        variantRecords.clear();
        for (Variant v : plan.variants()) {
            if (latest.containsKey(v.name())) {
                variantRecords.put(v.name(), latest.get(v.name()));
            }
        }
    }

    private List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.ok()) {
                for (Metric metric : m.metrics()) {
                    samples.add(new Sample(m.variant(), m.workload(), metric.name(), metric.unit(), m.rep(),
                            metric.value()));
                }
            }
        }
        return samples;
    }

    private List<Claim> claims() throws IOException {
        Path file = options.claimsFile() != null ? options.claimsFile() : plan.claimsFile();
        return file != null ? ClaimsReader.read(file) : plan.claims();
    }

    private Path pool() {
        return options.lab().pool().resolve(runId);
    }

    private Path rawPath(String variant, String file) {
        return dir.resolve(RAW_DIR).resolve(variant).resolve(file);
    }

    private void writeRaw(String variant, String file, String content) throws IOException {
        Path p = rawPath(variant, file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private void dropGuest(String name) {
        VariantGuest guest;
        synchronized (guests) {
            guest = guests.remove(name);
        }
        if (guest != null) {
            try {
                guest.close();
            } catch (RuntimeException e) {
                options.out().println("teardown of " + name + " failed: " + oneLine(e));
            }
        }
    }

    private void closeGuests() {
        List<String> names;
        synchronized (guests) {
            names = List.copyOf(guests.keySet());
        }
        names.forEach(this::dropGuest);
    }

    /** SIGINT/SIGTERM: stop measuring, tear everything down, and let the main thread write what was completed. */
    private void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        interrupted = true;
        options.out().println("vbench: interrupted; tearing down and keeping completed measurements");
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        closeGuests();
        try {
            finished.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\n\\s*", " | ").trim();
    }
}
