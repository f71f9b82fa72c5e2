package dev.vbench.microbench;

import dev.vbench.results.Sample;
import dev.vbench.results.history.RunArchive;
import dev.vbench.results.history.SeriesKey;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.metric.MetricDef;
import dev.vbench.results.metric.WorkloadKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded runs for the history benchmarks. {@link #defaultPlanRun} is the size of a default-plan night: 5 variants,
 * 3 workloads (random read, random write, TCP) with every metric the catalog gives them, 3 boots x 2 repetitions
 * (95 series, 570 samples). {@link #wideRun} is one night of a long history: 100 series of 5 samples each.
 */
final class SyntheticHistory {
    /** The variants of a default-plan run. */
    static final List<String> VARIANTS = List.of("ide-wt-e1000", "virtio-wt-e1000", "virtio-wb-e1000",
            "ide-wt-virtio", "virtio-none-virtio");
    /** The first night. */
    static final Instant T0 = Instant.parse("2026-01-01T02:00:00Z");
    /** Boots x repetitions of a default-plan run. */
    static final int BOOTS = 3;
    static final int REPS = 2;

    private SyntheticHistory() {
    }

    /** @return the default plan's workloads, each with its metrics from the catalog */
    static Map<String, List<MetricDef>> workloads() {
        Map<String, List<MetricDef>> w = new LinkedHashMap<>();
        w.put("randread-4k", MetricCatalog.of(WorkloadKind.FIO, List.of("read")));
        w.put("randwrite-4k", MetricCatalog.of(WorkloadKind.FIO, List.of("write")));
        w.put("tcp-tx", MetricCatalog.of(WorkloadKind.IPERF3_TCP, List.of()));
        return w;
    }

    /** @return a default-plan-sized run; the same for the same arguments */
    static RunArchive defaultPlanRun(String runId, int night, long seed) {
        return run(runId, night, seed, VARIANTS, workloads(), BOOTS, REPS);
    }

    /** @return a night of 100 series (5 variants x 4 workloads x 5 metrics) of 5 samples (one boot, 5 reps) */
    static RunArchive wideRun(String runId, int night, long seed) {
        List<MetricDef> fio = MetricCatalog.of(WorkloadKind.FIO, List.of("read")).subList(0, 5);
        Map<String, List<MetricDef>> w = new LinkedHashMap<>();
        for (String name : List.of("randread-4k", "randread-64k", "seqread-1m", "randread-qd1")) {
            w.put(name, fio);
        }
        return run(runId, night, seed, VARIANTS, w, 1, 5);
    }

    private static RunArchive run(String runId, int night, long seed, List<String> variants,
            Map<String, List<MetricDef>> workloads, int boots, int reps) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        Map<String, String> variantDefs = new TreeMap<>();
        Map<String, String> workloadDefs = new TreeMap<>();
        workloads.keySet().forEach(w -> workloadDefs.put(w, "{\"fio\":{\"rw\":\"randread\"},\"name\":\"" + w + "\"}"));
        for (String v : variants) {
            variantDefs.put(v, "{\"disk\":{\"bus\":\"virtio\",\"cache\":\"writeback\"},\"name\":\"" + v + "\"}");
            for (Map.Entry<String, List<MetricDef>> w : workloads.entrySet()) {
                for (MetricDef m : w.getValue()) {
                    for (int boot = 1; boot <= boots; boot++) {
                        for (int rep = 1; rep <= reps; rep++) {
                            double value = Math.round(1000 * (1 + 0.05 * random.nextGaussian()));
                            samples.add(new Sample(v, w.getKey(), m.name(), m.unit(), rep, value, boot));
                        }
                    }
                }
            }
        }
        Map<String, String> env = new TreeMap<>(Map.of("host_name", "lab1", "hypervisor_version", "7.2.0",
                "libvirt_version", "9.0.0", "host_kernel", "6.1.0-28-amd64", "guest_kernel", "6.1.0-50-amd64",
                "host_cpu_model", "Xeon", "accelerator", "kvm", "harness_commit", "c0ffee"));
        Instant started = T0.plusSeconds(86_400L * night);
        return new RunArchive(runId, "lab1", "nightly", SeriesKey.sha256Hex("name: nightly"), started,
                started.plusSeconds(3600), "complete", env, variantDefs, workloadDefs, samples, List.of(), null);
    }
}
