package dev.vbench.bench.run;

import dev.vbench.bench.plan.Workload;
import dev.vbench.bench.ssh.CommandResult;
import dev.vbench.bench.workload.Efficiency;
import dev.vbench.bench.workload.Metric;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.NativeCeiling;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The host's own ceiling: once a round of boots, every repetition of every workload runs on the hypervisor host
 * itself, without a guest, as the pseudo-variant {@link NativeCeiling#VARIANT} ({@link NativeCommand} says how).
 * Its measurements go to the listeners like a variant's, with {@code host_cpu} the CPU time of the tool's own
 * processes and the same efficiency metrics ({@link Efficiency}). A measurement that fails is recorded as failed
 * and the run goes on; whatever a measurement leaves on the host is removed, also when it fails.
 */
final class NativeRunner {
    /** Removing a 512 MiB file of random writes took 17 s on the loaded lab disk: room for that. */
    private static final Duration REMOVE_TIMEOUT = Duration.ofMinutes(2);

    private final HostShell host;
    private final Path dir;
    private final String serverHost;
    private final RunListener events;
    private final BooleanSupplier interrupted;

    /**
     * @param host       where the host's commands run
     * @param dir        the run's directory on the host's overlay storage (the pool), for fio's files
     * @param serverHost the host address iperf3 listens on; null without iperf3 workloads
     */
    NativeRunner(HostShell host, Path dir, String serverHost, RunListener events, BooleanSupplier interrupted) {
        this.host = host;
        this.dir = dir;
        this.serverHost = serverHost;
        this.events = events;
        this.interrupted = interrupted;
    }

    /** Round {@code boot}: repetitions 1..{@code repetitions} of the workloads, each in the schedule's order. */
    void round(int boot, int repetitions, RoundSchedule schedule, List<Workload> workloads) {
        events.on(new RunEvent.Note("measuring the native ceiling on the host (round " + boot + ")"));
        for (int rep = 1; rep <= repetitions; rep++) {
            for (Workload w : schedule.workloads(NativeCeiling.VARIANT, boot, rep, workloads)) {
                if (interrupted.getAsBoolean()) {
                    return;
                }
                events.on(measure(w, boot, rep));
            }
        }
    }

    private RunEvent.Measured measure(Workload w, int boot, int rep) {
        Instant start = Instant.now();
        try {
            if (w.fio() != null) {
                requireSuccess(host.exec(NativeCommand.fioLayout(w, NativeCommand.fioFile(dir, w)),
                        WorkloadRunner.timeout(w)), "laying out the fio file");
            }
            CommandResult result = host.exec(NativeCommand.measured(w, dir, serverHost), WorkloadRunner.timeout(w));
            WorkloadRunner.Outcome o = WorkloadRunner.parse(w, result);
            double cpu = NativeCommand.childCpuSeconds(result.stderr());
            List<Metric> metrics = new ArrayList<>(o.metrics());
            metrics.add(Metric.of(MetricCatalog.HOST_CPU, cpu));
            metrics.addAll(Efficiency.of(o.metrics(), cpu, o.runtime()));
            return new RunEvent.Measured(new Measurement(NativeCeiling.VARIANT, w.name(), boot, rep,
                    Measurement.Status.OK, null, start, Instant.now(), metrics,
                    RawOutput.measurementFile(NativeCeiling.VARIANT, w.name(), boot, rep)), result.stdout());
        } catch (RuntimeException e) {
            if (Failures.endsRun(e)) {
                throw e;
            }
            Failures.Outcome o = Failures.ofMeasurement(e, () -> true)
                    .orElseGet(() -> new Failures.Outcome(Measurement.Status.FAILED, Failures.oneLine(e)));
            return new RunEvent.Measured(new Measurement(NativeCeiling.VARIANT, w.name(), boot, rep, o.status(),
                    o.reason(), start, Instant.now(), List.of(), null), null);
        } finally {
            remove(w);
        }
    }

    private static void requireSuccess(CommandResult result, String what) {
        if (result.exitStatus() != 0) {
            throw new dev.vbench.bench.workload.InvalidMeasurementException(what + " failed with exit status "
                    + result.exitStatus() + ": " + result.stderrTail(3).replace('\n', ' ').trim());
        }
    }

    /** Removes the measurement's file; a failure to is said, not thrown (the pool is removed at the run's end). */
    private void remove(Workload w) {
        try {
            CommandResult r = host.exec(NativeCommand.remove(w, dir), REMOVE_TIMEOUT);
            if (r.exitStatus() != 0) {
                events.on(new RunEvent.Note("warning: could not remove " + NativeCommand.remove(w, dir).get(3)
                        + ": " + r.stderrTail(1)));
            }
        } catch (RuntimeException e) {
            events.on(new RunEvent.Note("warning: could not remove what the native " + w.name() + " left: "
                    + Failures.oneLine(e)));
        }
    }
}
