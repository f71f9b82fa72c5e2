package dev.vbench.bench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.vbench.bench.plan.Plan;
import dev.vbench.provisioning.AccelResolution;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.HostEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code run.json}: the self-describing record of a run. Its {@code boots} list each boot that came up: start, end,
 * wall time and how many guests booted at once; a round's boot-to-first-measurement is its first measurement's start
 * less its first boot's start. A pure function of the plan, the environment, the
 * variants' evidence and the measurements; written at the end of a run and again when it is interrupted.
 */
public final class RunRecord {
    public static final String FILE = "run.json";
    public static final String FORMAT = "vbench-run";
    public static final int FORMAT_VERSION = 2;

    private RunRecord() {
    }

    /** Everything run.json says. */
    public record Content(String runId, String status, long seed, Instant started, Instant ended,
            HarnessVersion harness, Map<String, String> environment, Plan plan, String planFile,
            List<VariantRecord> variants, List<JournalEntry.BootEntry> boots, List<Measurement> measurements) {
    }

    /** run.json as Jackson writes it, key for key. */
    record Json(String format, @JsonProperty("format_version") int formatVersion, @JsonProperty("run_id") String runId,
            String status, long seed, String started, String ended, Harness harness,
            Map<String, String> environment, PlanJson plan, List<VariantJson> variants,
            List<JournalEntry.BootEntry> boots, List<JournalEntry.MeasurementEntry> measurements) {
    }

    /** run.json lists the measurements as the journal records them, without the entry's {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    private interface Untyped {
    }

    private static final ObjectWriter WRITER = Journal.JSON.copy()
            .addMixIn(JournalEntry.MeasurementEntry.class, Untyped.class)
            .addMixIn(JournalEntry.BootEntry.class, Untyped.class).writerWithDefaultPrettyPrinter();

    /** The harness that made the run. */
    record Harness(String name, String version, String commit, boolean modified) {
    }

    /** The plan as given and as expanded. */
    record PlanJson(String file, String source, PlanRecord expanded) {
    }

    /** A variant's status, the reason when it failed, and the evidence when it is ready. */
    record VariantJson(String name, String status, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @JsonUnwrapped Evidence evidence) {
    }

    /** What a ready variant was proven to be. */
    record Evidence(String domain, String address, @JsonProperty("guest_kernel") String guestKernel,
            @JsonProperty("data_device") String dataDevice, @JsonProperty("device_evidence") String deviceEvidence,
            @JsonProperty("domain_xml") String domainXml) {
    }

    /** run.json's text: indented, keys in a fixed order, ending with a newline. */
    public static String format(Content c) {
        Json json = new Json(FORMAT, FORMAT_VERSION, c.runId(), c.status(), c.seed(), text(c.started()),
                text(c.ended()), new Harness("vbench", c.harness().version(), c.harness().commit(),
                        c.harness().dirty()), new TreeMap<>(c.environment()),
                new PlanJson(c.planFile(), c.plan().source(), PlanRecord.of(c.plan())),
                c.variants().stream().map(RunRecord::variant).toList(), c.boots(),
                c.measurements().stream().map(JournalEntry.MeasurementEntry::of).toList());
        try {
            return WRITER.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * run.json's environment: the host, libvirt, the accelerator, the harness, the run's id and seed, the guest and
     * its image ({@code image_recipe_hash}; {@code guest_kernel} as the image says, which the first ready variant's
     * own report replaces in run.json).
     */
    /** Environment key of the host's name in a plan that names its hosts (the history keys series by it). */
    static final String PLAN_HOST = "vbench_host";

    static Map<String, String> environment(HostEnvironment host, AccelResolution accel, String runId, long seed,
            GuestSpec guest, ImageIdentity image) {
        HarnessVersion harness = HarnessVersion.current();
        Map<String, String> env = new TreeMap<>();
        env.put("accelerator", accel.resolved().planName());
        env.put("accelerator_requested", accel.requested().planName());
        env.put("accelerator_reason", accel.reason());
        env.put("host_kernel", HostFacts.kernelRelease());
        env.put("host_cpu_model", HostFacts.cpuModel());
        env.put("host_cpus", Integer.toString(HostFacts.cpuCount()));
        env.put("host_name", host.hostName());
        env.put("libvirt_uri", host.uri());
        env.put("libvirt_version", host.libvirtVersion());
        env.put("hypervisor", host.hypervisor());
        env.put("hypervisor_version", host.hypervisorVersion());
        env.put("harness_version", harness.version());
        env.put("harness_commit", harness.commit());
        env.put("run_id", runId);
        env.put("seed", Long.toString(seed));
        env.put("guest_vcpus", Integer.toString(guest.vcpus()));
        env.put("guest_memory_mib", Integer.toString(guest.memoryMib()));
        env.put("guest_kernel", image.guestKernel());
        env.put("image_recipe_hash", image.recipeHash());
        return env;
    }

    private static VariantJson variant(VariantRecord v) {
        return new VariantJson(v.variant(), v.status(), v.reason(), v.ok() ? new Evidence(v.domain(), v.address(),
                v.guestKernel(), v.dataDevice(), v.deviceEvidence(), v.domainXml()) : null);
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
