package dev.vbench.bench.plan;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.DiskBackend;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.Variant;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.DurabilityClaim;
import dev.vbench.results.stats.NativeCeiling;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A validated benchmark plan: which VM variants to boot, which workloads to run on each, how often, and which
 * claims to test. Built by {@link PlanParser}; every cross-reference (baseline, claim variants and workloads) has
 * been checked.
 *
 * @param name        plan name, same alphabet as variant names
 * @param connect     libvirt connection URI of the first (usually only) host, default {@code qemu:///system}
 * @param hosts       every host the plan runs on, with how variants are laid out and claims combine
 * @param image       the guest image
 * @param accel       requested accelerator (AUTO still has to be resolved)
 * @param guest       size of every guest
 * @param network     where the NICs are plugged
 * @param baseline    name of the baseline variant ({@code auto} already resolved to the first variant)
 * @param canary      the canary's A/A pair, {@code [VARIANT, VARIANT.canary]}, both among {@code variants} with the
 *                    same devices; empty when the plan has no canary
 * @param variants    the expanded variants: the explicit list first, then the matrix, the canary's twin right after
 *                    the canary
 * @param workloads   the measured workloads (fio, iperf3), in plan order
 * @param crashWorkloads the durability workloads, in plan order: crash trials on every variant whose data disk
 *                    nbdkit serves, after the rounds of boots
 * @param replication how many boots of each variant, repetitions per boot, and whether the run may stop early
 * @param parallelBoots how many guests of a round may boot at once ({@code parallel_boots}, default auto)
 * @param claims      claims given inline, checked against the variants and workloads (empty when none or when
 *                    {@code claimsFile} is set)
 * @param claimsFile  a claims file named by the plan (resolved against the plan's directory), or {@code null}
 * @param nativeCeiling whether each workload also runs on the hypervisor host itself, without a guest, once a
 *                    round of boots (the pseudo-variant {@code native}, the ceiling of every variant)
 * @param source      the plan text exactly as read, for the record of a run
 * @param durabilityClaims durability claims given inline (a {@code claims:} item whose metric is a durability
 *                    metric), checked against the variants and workloads; empty when none or when {@code claimsFile}
 *                    is set
 */
public record Plan(String name, String connect, PlanHosts hosts, PlanImage image, Accel accel, GuestSpec guest,
        NetworkSpec network, String baseline, List<String> canary, List<Variant> variants, List<Workload> workloads,
        List<Workload> crashWorkloads, Replication replication, ParallelBoots parallelBoots, List<Claim> claims,
        Path claimsFile, boolean nativeCeiling, String source, List<DurabilityClaim> durabilityClaims) {

    /** The libvirt URI used when a plan names none. */
    public static final String DEFAULT_CONNECT = "qemu:///system";
    /** What a canary's twin adds to the canary's name. */
    public static final String CANARY_SUFFIX = ".canary";

    public Plan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(accel, "accel");
        Objects.requireNonNull(guest, "guest");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(parallelBoots, "parallelBoots");
        Objects.requireNonNull(source, "source");
        variants = List.copyOf(variants);
        workloads = List.copyOf(workloads);
        crashWorkloads = List.copyOf(crashWorkloads);
        if (workloads.stream().anyMatch(Workload::isDurability)
                || crashWorkloads.stream().anyMatch(w -> !w.isDurability())) {
            throw new IllegalArgumentException("measured and crash workloads are mixed up");
        }
        claims = List.copyOf(claims);
        durabilityClaims = List.copyOf(durabilityClaims);
        canary = List.copyOf(canary);
        if (variants.stream().anyMatch(v -> NativeCeiling.isNative(v.name()))) {
            throw new IllegalArgumentException("'" + NativeCeiling.VARIANT + "' is reserved for the host's own"
                    + " ceiling");
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one variant");
        }
        if (workloads.isEmpty() && crashWorkloads.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one workload");
        }
        if (variants.stream().noneMatch(v -> v.name().equals(baseline))) {
            throw new IllegalArgumentException("baseline " + baseline + " is not a variant of the plan");
        }
        requireCanaryPair(canary, variants);
        if (claimsFile != null && !(claims.isEmpty() && durabilityClaims.isEmpty())) {
            throw new IllegalArgumentException("a plan has inline claims or a claims file, not both");
        }
    }

    /** The name of a canary's twin: {@code VARIANT.canary}. */
    public static String canaryTwin(String variant) {
        return variant + CANARY_SUFFIX;
    }

    /** Whether {@code variant} is one of the canary's A/A pair. */
    public boolean isCanary(String variant) {
        return canary.contains(variant);
    }

    private static void requireCanaryPair(List<String> canary, List<Variant> variants) {
        if (canary.isEmpty()) {
            return;
        }
        if (canary.size() != 2 || !canary.get(1).equals(canaryTwin(canary.get(0)))) {
            throw new IllegalArgumentException("a canary is a pair [VARIANT, VARIANT" + CANARY_SUFFIX + "], not "
                    + canary);
        }
        List<Variant> pair = canary.stream().map(n -> variants.stream().filter(v -> v.name().equals(n))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("canary " + n
                        + " is not a variant of the plan"))).toList();
        if (!pair.get(0).disk().equals(pair.get(1).disk()) || !pair.get(0).nic().equals(pair.get(1).nic())) {
            throw new IllegalArgumentException("the canary's pair must have the same devices: " + pair);
        }
    }

    /** The variant called {@code name}. */
    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The workload called {@code name}, measured or crash. */
    public Optional<Workload> workload(String name) {
        return Stream.concat(workloads.stream(), crashWorkloads.stream()).filter(w -> w.name().equals(name))
                .findFirst();
    }

    /** The variants whose data disk nbdkit serves: the ones the crash workloads run on. */
    public List<Variant> crashVariants() {
        return variants.stream().filter(v -> v.disk().backend() == DiskBackend.NBDKIT).toList();
    }

    /** The baseline variant. */
    public Variant baselineVariant() {
        return variant(baseline).orElseThrow();
    }

    /** Names of the variants, in plan order. */
    public List<String> variantNames() {
        return variants.stream().map(Variant::name).toList();
    }
}
