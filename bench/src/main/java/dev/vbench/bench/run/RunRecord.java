package dev.vbench.bench.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vbench.bench.plan.FioSpec;
import dev.vbench.bench.plan.Iperf3Spec;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.Workload;
import dev.vbench.provisioning.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code run.json}: the self-describing record of a run. A pure function of the plan, the environment, the
 * variants' evidence and the measurements; written at the end of a run and again when it is interrupted.
 */
public final class RunRecord {
    public static final String FILE = "run.json";
    public static final String FORMAT = "vbench-run";
    public static final int FORMAT_VERSION = 1;

    private RunRecord() {
    }

    /** Everything run.json says. */
    public record Content(String runId, String status, long seed, Instant started, Instant ended,
            HarnessVersion harness, Map<String, String> environment, Plan plan, String planFile,
            List<VariantRecord> variants, List<Measurement> measurements) {
    }

    public static String format(Content c) {
        ObjectNode root = Journal.JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("run_id", c.runId());
        root.put("status", c.status());
        root.put("seed", c.seed());
        root.put("started", c.started() == null ? null : c.started().toString());
        root.put("ended", c.ended() == null ? null : c.ended().toString());
        ObjectNode harness = root.putObject("harness");
        harness.put("name", "vbench");
        harness.put("version", c.harness().version());
        harness.put("commit", c.harness().commit());
        harness.put("modified", c.harness().dirty());
        ObjectNode env = root.putObject("environment");
        new java.util.TreeMap<>(c.environment()).forEach(env::put);
        ObjectNode plan = root.putObject("plan");
        plan.put("file", c.planFile());
        plan.put("source", c.plan().source());
        plan.set("expanded", expanded(c.plan()));
        ArrayNode variants = root.putArray("variants");
        for (VariantRecord v : c.variants()) {
            ObjectNode n = variants.addObject();
            n.put("name", v.variant());
            n.put("status", v.status());
            if (v.reason() != null) {
                n.put("reason", v.reason());
            }
            if (v.ok()) {
                n.put("domain", v.domain());
                n.put("address", v.address());
                n.put("guest_kernel", v.guestKernel());
                n.put("data_device", v.dataDevice());
                n.put("device_evidence", v.deviceEvidence());
                n.put("domain_xml", v.domainXml());
            }
        }
        ArrayNode measurements = root.putArray("measurements");
        for (Measurement m : c.measurements()) {
            ObjectNode n = Journal.toJson(m);
            n.remove("type");
            measurements.add(n);
        }
        try {
            return Journal.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan after expansion: what the run actually did, independent of how the plan file spelled it. */
    static JsonNode expanded(Plan p) {
        ObjectNode n = Journal.JSON.createObjectNode();
        n.put("name", p.name());
        n.put("connect", p.connect());
        n.put("image", p.image().isLabDefault() ? "default" : p.image().disk().toString());
        n.put("accel", p.accel().planName());
        ObjectNode guest = n.putObject("guest");
        guest.put("vcpus", p.guest().vcpus());
        guest.put("memory_mib", p.guest().memoryMib());
        if (p.network().network() != null) {
            n.put("network", p.network().network());
        } else {
            ObjectNode net = n.putObject("network");
            net.put("bridge", p.network().bridge());
            net.put("virtualport", p.network().virtualport());
        }
        n.put("baseline", p.baseline());
        ArrayNode variants = n.putArray("variants");
        for (Variant v : p.variants()) {
            ObjectNode vn = variants.addObject();
            vn.put("name", v.name());
            ObjectNode disk = vn.putObject("disk");
            disk.put("bus", v.disk().bus().planName());
            disk.put("cache", v.disk().cache().planName());
            disk.put("io", v.disk().io() == null ? null : v.disk().io().planName());
            vn.putObject("nic").put("model", v.nic().model().planName());
        }
        ArrayNode workloads = n.putArray("workloads");
        for (Workload w : p.workloads()) {
            ObjectNode wn = workloads.addObject();
            wn.put("name", w.name());
            if (w.fio() != null) {
                FioSpec f = w.fio();
                ObjectNode fn = wn.putObject("fio");
                fn.put("rw", f.rw());
                fn.put("bs_bytes", f.bsBytes());
                fn.put("iodepth", f.iodepth());
                fn.put("numjobs", f.numjobs());
                fn.put("size_bytes", f.sizeBytes());
                fn.put("runtime_s", f.runtime().toMillis() / 1000.0);
                fn.put("ramp_time_s", f.rampTime().toMillis() / 1000.0);
                if (f.rwmixread() != null) {
                    fn.put("rwmixread", f.rwmixread());
                }
                fn.put("fsync", f.fsync());
                fn.put("direct", f.direct());
                fn.put("ioengine", f.ioengine());
            } else {
                Iperf3Spec i = w.iperf3();
                ObjectNode in = wn.putObject("iperf3");
                in.put("duration_s", i.duration().toSeconds());
                in.put("streams", i.streams());
                in.put("reverse", i.reverse());
                in.put("udp", i.udp());
                if (i.bitrateBitsPerS() != null) {
                    in.put("bitrate_bits_per_s", i.bitrateBitsPerS());
                }
                in.put("omit_s", i.omit().toSeconds());
            }
        }
        ObjectNode reps = n.putObject("repetitions");
        reps.put("min", p.repetitions().min());
        reps.put("max", p.repetitions().max());
        if (p.repetitions().targetCiPct() != null) {
            reps.put("target_ci_pct", p.repetitions().targetCiPct());
        }
        return n;
    }
}
