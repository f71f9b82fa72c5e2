package dev.vbench.bench.plan;

import dev.vbench.provisioning.DiskBackend;
import dev.vbench.provisioning.Variant;
import java.util.List;

/**
 * The rules that tie a plan's crash workloads ({@code durability:}) to its variants: crash trials run on the
 * variants whose data disk nbdkit serves ({@code disk.backend: nbdkit}), so a plan with durability workloads needs
 * at least one; and nbdkit runs beside the harness, so such a variant needs a local host.
 */
final class CrashPlan {
    private CrashPlan() {
    }

    /**
     * @param workloads the plan's {@code workloads} node, where a problem is reported
     * @throws PlanException naming the fix when a rule is broken
     */
    static void check(PlanNode workloads, List<Workload> crash, List<Variant> variants, PlanHosts hosts) {
        boolean served = variants.stream().anyMatch(v -> v.disk().backend() == DiskBackend.NBDKIT);
        if (!crash.isEmpty() && !served) {
            throw workloads.error("durability workload " + crash.get(0).name() + " needs a variant whose data disk"
                    + " nbdkit serves (add backend: nbdkit to a variant's disk, e.g. disk: {bus: virtio, cache:"
                    + " writeback, backend: nbdkit})");
        }
        PlanHost remote = hosts.hosts().stream().filter(PlanHost::remote).findFirst().orElse(null);
        if (served && remote != null) {
            throw workloads.error("disk.backend: nbdkit runs nbdkit beside the harness, so it needs the local lab,"
                    + " not host " + remote.name() + " (" + remote.connect() + "); run that plan without connect:"
                    + " or hosts:");
        }
    }
}
