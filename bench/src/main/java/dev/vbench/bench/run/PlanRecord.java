package dev.vbench.bench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vbench.bench.plan.DurabilitySpec;
import dev.vbench.bench.plan.FioSpec;
import dev.vbench.bench.plan.Iperf3Spec;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.Workload;
import dev.vbench.provisioning.DiskBackend;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.Variant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plan after expansion, as run.json records it: what the run actually did, independent of how the plan file
 * spelled it. {@code network} is the libvirt network's name, or an object (a bridge, or a network with the host's
 * address), of the plan and of each variant with its own; {@code boots} and
 * {@code repetitions} are the most the run takes of each, {@code stopping} whether it may stop early, and
 * {@code parallel_boots} how many guests of a round the plan lets boot at once ({@code auto} or a number).
 * {@code canary} names the canary's A/A pair ({@code [VARIANT, VARIANT.canary]}, both among the variants), empty
 * without a canary: a history tells a shift of the host (both move) from one of a variant by it. {@code native}
 * says whether each workload also ran on the host itself (the pseudo-variant {@code native}).
 */
record PlanRecord(String name, String connect, String image, String accel, Guest guest, Object network,
        String baseline, List<String> canary, List<VariantJson> variants, List<WorkloadJson> workloads, int boots,
        int repetitions, String stopping, @JsonProperty("parallel_boots") String parallelBoots,
        @JsonProperty("native") boolean nativeCeiling) {

    /** Guest size. */
    record Guest(int vcpus, @JsonProperty("memory_mib") int memoryMib) {
    }

    /** A host bridge instead of a libvirt network, and the host's address on it when the plan gave one. */
    record Bridge(String bridge, String virtualport, @JsonInclude(JsonInclude.Include.NON_NULL) String host) {
    }

    /** A libvirt network with the host's address on it given by the plan. */
    record HostNetwork(String network, String host) {
    }

    /** One variant's devices, and its own network when it has one (else the plan's, absent here). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VariantJson(String name, Disk disk, Nic nic, Object network) {
    }

    /** The data disk's bus, cache and I/O mode, and its backend when nbdkit serves it. */
    record Disk(String bus, String cache, String io, @JsonInclude(JsonInclude.Include.NON_NULL) String backend) {
    }

    /** The NIC model. */
    record Nic(String model) {
    }

    /**
     * One workload: fio, iperf3 or durability (a crash workload), each recorded as its plan record
     * ({@link FioSpec}, {@link Iperf3Spec}, {@link DurabilitySpec}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WorkloadJson(String name, FioSpec fio, Iperf3Spec iperf3, DurabilitySpec durability) {
    }

    /** The record of {@code p}. */
    static PlanRecord of(Plan p) {
        Object network = network(p.network());
        List<VariantJson> variants = p.variants().stream().map(PlanRecord::variant).toList();
        List<WorkloadJson> workloads = Stream.concat(p.workloads().stream(), p.crashWorkloads().stream())
                .map(PlanRecord::workload).toList();
        return new PlanRecord(p.name(), p.connect(), p.image().isLabDefault() ? "default"
                : p.image().disk().toString(), p.accel().planName(), new Guest(p.guest().vcpus(),
                p.guest().memoryMib()), network, p.baseline(), p.canary(), variants, workloads,
                p.replication().boots(), p.replication().repetitions(), p.replication().stopping().planName(),
                p.parallelBoots().planName(), p.nativeCeiling());
    }

    private static VariantJson variant(Variant v) {
        return new VariantJson(v.name(), new Disk(v.disk().bus().planName(), v.disk().cache().planName(),
                v.disk().io() == null ? null : v.disk().io().planName(),
                v.disk().backend() == DiskBackend.FILE ? null : v.disk().backend().planName()),
                new Nic(v.nic().model().planName()),
                v.network() == null ? null : network(v.network()));
    }

    /** A libvirt network's name (with its host address: an object), or a bridge object. */
    private static Object network(NetworkSpec n) {
        if (n.network() == null) {
            return new Bridge(n.bridge(), n.virtualport(), n.host());
        }
        return n.host() == null ? n.network() : new HostNetwork(n.network(), n.host());
    }

    private static WorkloadJson workload(Workload w) {
        return new WorkloadJson(w.name(), w.fio(), w.iperf3(), w.durability());
    }
}
