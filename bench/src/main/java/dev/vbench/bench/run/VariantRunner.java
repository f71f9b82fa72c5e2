package dev.vbench.bench.run;

import dev.vbench.bench.plan.Workload;
import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.bench.ssh.SshTarget;
import dev.vbench.bench.workload.Efficiency;
import dev.vbench.bench.workload.Metric;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.results.metric.MetricCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The work on one visit of a variant, one boot of it: booting, proving and warming it up, then each repetition. Every
 * measurement is reported to the listeners as it ends, with the host CPU its QEMU used and the work done per host CPU
 * second ({@link Efficiency}); a failure that only spoils
 * one repetition is recorded as that repetition's, anything else is thrown to fail the variant.
 */
final class VariantRunner {
    /** How long a booted guest may take to answer SSH again before the variant counts as failed. */
    static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final RunListener events;
    private final RawOutput raw;
    private final Map<String, String> serverHosts;
    private final ServerSide servers;
    private final Path sshKey;
    private final SshTarget jump;
    private final Duration bootTimeout;
    private final BooleanSupplier interrupted;

    /**
     * @param serverHosts   variant name to the host address of the iperf3 server on its network ({@link ServerHosts});
     *                      empty without iperf3 workloads
     * @param servers       where iperf3 servers start (this machine, or the remote hypervisor host)
     * @param jump          the remote hypervisor host that guests are reached through, or {@code null}
     * @param bootTimeout   how long a guest may take to get an address and answer SSH
     */
    VariantRunner(RunListener events, RawOutput raw, Map<String, String> serverHosts, ServerSide servers,
            Path sshKey, SshTarget jump, Duration bootTimeout, BooleanSupplier interrupted) {
        this.events = events;
        this.raw = raw;
        this.serverHosts = Map.copyOf(serverHosts);
        this.servers = servers;
        this.sshKey = sshKey;
        this.jump = jump;
        this.bootTimeout = bootTimeout;
        this.interrupted = interrupted;
    }

    /**
     * Boots {@code guest} (registered for teardown already): overlays, domain, address, SSH, device check. Reports
     * no event, so it may run on a boot thread beside other boots ({@link BootAhead}).
     */
    void boot(Provisioner provisioner, VariantGuest guest, int boot) {
        guest.boot(provisioner, sshKey, jump, bootTimeout, boot);
    }

    /**
     * Takes over {@code guest} after its boot, boot {@code boot} of its variant, went as {@code booted}: reports it and
     * runs each workload once, briefly, to wake caches, page tables and the NIC up.
     *
     * @return the record of the ready variant
     * @throws BootFailedException when the guest was started but did not boot (its console log kept and named)
     */
    VariantRecord warmUp(VariantGuest guest, int boot, BootAhead.Booted booted, List<Workload> workloads)
            throws IOException {
        if (booted.failure() != null) {
            throw bootFailed(guest, boot, booted.failure());
        }
        events.on(new RunEvent.Booted(guest.name(), boot, booted.start(), booted.end(), booted.together()));
        events.on(new RunEvent.Note(guest.name() + " boot " + boot + " up in " + booted.wall().toSeconds()
                + " s" + (booted.together() > 1 ? " (" + booted.together() + " booting at once)" : "") + " at "
                + guest.address() + ", devices " + guest.evidence().dataDisks().get(0).drivers() + "; warming up"));
        try (GuestShell shell = guest.shell(bootTimeout)) {
            for (Workload w : workloads) {
                WorkloadRunner.Outcome o = WorkloadRunner.run(shell, w, guest.dataDevice(),
                        serverHosts.get(guest.name()), true, raw.serverLog(guest.name(), w.name(), boot, 0), servers);
                events.on(new RunEvent.WarmedUp(guest.name(), boot, w.name(), o.result().stdout()));
            }
        }
        return VariantRecord.ready(guest);
    }

    /**
     * A boot's failure {@code e}; when the guest had been started, with its console log kept in the run directory
     * (before the run's pool, where the log is, is deleted) and named. A failure that ends the run, or one during
     * an interruption, stays as it is.
     */
    private RuntimeException bootFailed(VariantGuest guest, int boot, RuntimeException e) {
        if (guest.domain() == null || guest.spec().consoleLog() == null || Failures.endsRun(e)
                || interrupted.getAsBoolean()) {
            return e;
        }
        try {
            String kept = guest.failedConsole() != null
                    ? raw.keepConsole(guest.failedConsole(), guest.name(), boot)
                    : raw.keepConsole(guest.spec().consoleLog(), guest.name(), boot);
            return new BootFailedException(e, kept);
        } catch (OutputException unwritable) {
            unwritable.addSuppressed(e);
            return unwritable;
        }
    }

    /**
     * Measures {@code workloads}, in the given order, as repetition {@code rep} of boot {@code boot}. Stops early
     * when the run is interrupted.
     *
     * @throws RuntimeException when the variant fails (SSH lost, the guest stopped running)
     */
    void repetition(VariantGuest guest, int boot, int rep, List<Workload> workloads) {
        try (GuestShell shell = guest.shell(RECONNECT_TIMEOUT)) {
            for (Workload w : workloads) {
                if (interrupted.getAsBoolean()) {
                    return;
                }
                events.on(measure(guest, shell, w, boot, rep));
                if (!guest.domain().isActive()) {
                    throw new ProvisioningException("measure " + guest.name(), "the guest stopped running");
                }
            }
        }
    }

    private RunEvent.Measured measure(VariantGuest guest, GuestShell shell, Workload w, int boot, int rep) {
        Instant start = Instant.now();
        long cpuBefore = guest.domain().hostCpuNanos();
        try {
            WorkloadRunner.Outcome o = WorkloadRunner.run(shell, w, guest.dataDevice(), serverHosts.get(guest.name()),
                    false, raw.serverLog(guest.name(), w.name(), boot, rep), servers);
            long cpuAfter = guest.domain().hostCpuNanos();
            List<Metric> metrics = new ArrayList<>(o.metrics());
            double cpu = (cpuAfter - cpuBefore) / 1e9;
            metrics.add(Metric.of(MetricCatalog.HOST_CPU, cpu));
            metrics.addAll(Efficiency.of(o.metrics(), cpu, o.runtime()));
            return new RunEvent.Measured(new Measurement(guest.name(), w.name(), boot, rep,
                    Measurement.Status.OK, null, start, Instant.now(), metrics,
                    RawOutput.measurementFile(guest.name(), w.name(), boot, rep)),
                    o.result().stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Failures.Outcome o = Failures.ofMeasurement(e, () -> guest.domain().isActive()).orElseThrow(() -> e);
            return new RunEvent.Measured(new Measurement(guest.name(), w.name(), boot, rep, o.status(), o.reason(),
                    start, Instant.now(), List.of(), null), null);
        }
    }
}
