package dev.vbench.bench.run;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanHost;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.RunStatus;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.report.HostsReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a plan of several hosts: every host at the same time, each in its own thread with its own {@link RunDriver}
 * (its own connection, guests, random order and run directory {@code OUT/hosts/NAME/}). Samples stay per host and
 * statistics never pool hosts: each host's directory is a complete run of its own (analysable, comparable and
 * ingestible into the history alone). At the end {@code OUT/summary.json} and {@code OUT/report.html} show the hosts
 * side by side ({@link HostsReport}), with each claim's verdict per host and combined as the plan says. A host that
 * fails (unreachable, bad image) fails alone: the others' results are kept and the run counts as partial.
 */
public final class HostsRun {
    /** Subdirectory of the run directory holding one run directory per host. */
    public static final String HOSTS_DIR = "hosts";
    /** What host number i adds to a given seed, so that each host has its own seeded order. */
    static final long SEED_STRIDE = 1_000_003L;

    /**
     * How one host's run ended: its result, or the failure that stopped it before it could write one.
     *
     * @param host    the host
     * @param dir     its run directory
     * @param result  the result, or {@code null} when {@code failure} is set
     * @param failure what stopped it, or {@code null}
     */
    public record HostOutcome(PlanHost host, Path dir, RunDriver.Result result, RuntimeException failure) {
    }

    /**
     * How the run ended on every host.
     *
     * @param hosts  per host, in plan order
     * @param outDir the run directory
     * @param status interrupted if any host was, else partial if any host was partial or failed, else complete
     * @param report the side-by-side summary written to {@code outDir}
     */
    public record Result(List<HostOutcome> hosts, Path outDir, RunStatus status, HostsReport.Summary report) {
    }

    private HostsRun() {
    }

    /** Runs {@code plan} (two hosts or more) as the class comment says. */
    public static Result run(Plan plan, RunDriver.Options options) {
        Path dir = options.outDir().toAbsolutePath().normalize();
        if (options.resume()) {
            throw new RunInputException("--resume of a run on several hosts is not supported; resume each host's"
                    + " run on its own: vbench run --resume " + dir.resolve(HOSTS_DIR).resolve("NAME"));
        }
        RunDirectory.requireFresh(dir);
        List<Claim> claims = HostPlans.claims(plan, options.claimsFile());
        List<PlanHost> hosts = plan.hosts().hosts();
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            plans.add(HostPlans.on(plan, i, claims));
        }
        try {
            OutputFiles.directory(dir);
            OutputFiles.writeNew(dir.resolve(RunDirectory.PLAN_COPY), plan.source());
            OutputFiles.subdirectory(dir, HOSTS_DIR);
        } catch (IOException e) {
            throw Failures.unwritable(dir, e);
        }
        AtomicReferenceArray<HostOutcome> outcomes = new AtomicReferenceArray<>(hosts.size());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            int index = i;
            PlanHost host = hosts.get(i);
            Path hostDir = dir.resolve(HOSTS_DIR).resolve(host.name());
            PrintWriter out = new PrintWriter(new LinePrefixWriter(options.out(), "[" + host.name() + "] "), true);
            // each host its own random order: a given seed is spread over the hosts, reproducibly
            Long seed = options.seed() == null ? null : options.seed() + SEED_STRIDE * i;
            RunDriver.Options hostOptions = new RunDriver.Options(hostDir, options.planFile(), seed, null,
                    false, options.bootTimeout(), options.provisioners(), options.lab(), out);
            Thread t = new Thread(() -> {
                try {
                    outcomes.set(index, new HostOutcome(host, hostDir, RunDriver.run(plans.get(index), hostOptions),
                            null));
                } catch (RuntimeException e) {
                    out.println("failed: " + Failures.oneLine(e));
                    outcomes.set(index, new HostOutcome(host, hostDir, null, e));
                } finally {
                    out.flush();
                }
            }, "vbench-host-" + host.name());
            threads.add(t);
            t.start();
        }
        joinAll(threads);
        List<HostOutcome> done = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            done.add(outcomes.get(i));
        }
        return finish(plan, claims, dir, done);
    }

    private static Result finish(Plan plan, List<Claim> claims, Path dir, List<HostOutcome> done) {
        RunStatus status = RunStatus.COMPLETE;
        List<HostsReport.HostRun> runs = new ArrayList<>();
        for (HostOutcome o : done) {
            RunStatus s = o.failure() != null ? RunStatus.PARTIAL : o.result().status();
            if (s == RunStatus.INTERRUPTED || status == RunStatus.INTERRUPTED) {
                status = RunStatus.INTERRUPTED;
            } else if (s == RunStatus.PARTIAL) {
                status = RunStatus.PARTIAL;
            }
            runs.add(new HostsReport.HostRun(o.host().name(), o.host().connect(),
                    HOSTS_DIR + "/" + o.host().name(), s.text(),
                    o.failure() == null ? null : Failures.oneLine(o.failure())));
        }
        try {
            HostsReport.Summary summary = HostsReport.write(dir, plan.name(), status.text(),
                    plan.hosts().claimsHoldOn().name().toLowerCase(java.util.Locale.ROOT), plan.hosts().spread(),
                    claims, runs);
            return new Result(done, dir, status, summary);
        } catch (IOException e) {
            throw Failures.unwritable(dir, e);
        }
    }

    /** Waits for every host; Ctrl-C reaches each driver through its own shutdown guard, so this only waits. */
    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
