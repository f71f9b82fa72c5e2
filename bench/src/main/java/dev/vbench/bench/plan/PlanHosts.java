package dev.vbench.bench.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a plan runs: one host or several at the same time, how its variants are laid out over them, where iperf3
 * servers run and how per-host claim verdicts combine. Statistics never pool hosts: each host's samples are analysed
 * on their own; only verdicts are combined.
 *
 * @param hosts        the hosts, in plan order, names unique
 * @param spread       false: every variant on every host; true: the baseline on every host, the other variants
 *                     dealt out over the hosts in plan order
 * @param iperf3Server where iperf3 servers run
 * @param claimsHoldOn how a claim's per-host verdicts combine
 */
public record PlanHosts(List<PlanHost> hosts, boolean spread, Iperf3Server iperf3Server, ClaimsRule claimsHoldOn) {
    /** Where the iperf3 server of a network workload runs. */
    public enum Iperf3Server {
        /** On the hypervisor host, on the guests' network (started and stopped over SSH on a remote host). */
        HOST,
        /** In a peer guest of the same variant, booted beside the measured one. */
        PEER
    }

    /** How a claim's verdicts on several hosts combine into one. */
    public enum ClaimsRule {
        /** SUPPORTED only where SUPPORTED on every host; REFUTED when REFUTED on any; else INCONCLUSIVE. */
        EVERY,
        /** SUPPORTED when SUPPORTED on some host and REFUTED on none; REFUTED when REFUTED on every host. */
        ANY
    }

    public PlanHosts {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(iperf3Server, "iperf3Server");
        Objects.requireNonNull(claimsHoldOn, "claimsHoldOn");
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a plan runs on at least one host");
        }
        if (hosts.stream().map(PlanHost::name).distinct().count() != hosts.size()) {
            throw new IllegalArgumentException("host names must be unique");
        }
    }

    /** One host at {@code connect}, every default. */
    public static PlanHosts single(String connect) {
        return new PlanHosts(List.of(PlanHost.of(PlanHost.nameOf(connect), connect)), false, Iperf3Server.HOST,
                ClaimsRule.EVERY);
    }

    /** Whether the plan runs on more than one host. */
    public boolean several() {
        return hosts.size() > 1;
    }

    /** The first host (the only one of most plans). */
    public PlanHost first() {
        return hosts.get(0);
    }

    /**
     * The variants that run on host number {@code index}: all of them, or with {@link #spread} the baseline (and
     * the canary pair, which only means anything within one host) plus every {@code hosts.size()}-th other variant.
     */
    public List<String> variantsOn(int index, List<String> variants, String baseline, List<String> canary) {
        if (!spread) {
            return List.copyOf(variants);
        }
        List<String> on = new ArrayList<>();
        int dealt = 0;
        for (String v : variants) {
            if (v.equals(baseline) || canary.contains(v)) {
                on.add(v);
            } else if (dealt++ % hosts.size() == index) {
                on.add(v);
            }
        }
        return on;
    }
}
