package dev.vbench.results.history;

import dev.vbench.results.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Seeded runs for the history tests: archives built directly, and the fixture run directory. */
final class HistoryRuns {
    /** The fixture run directory (run.json, results.csv, summary.json). */
    static final Path FIXTURE = Path.of("src/test/resources/history/run-1");
    /** Its run id. */
    static final String FIXTURE_ID = "20261126-040000-a1b2";
    /** The first night of the generated runs. */
    static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");
    /** The metrics of a generated run: workload, metric, unit. */
    static final List<String[]> METRICS = List.of(new String[] {"randread-4k", "read_iops", "IO/s"},
            new String[] {"randread-4k", "read_clat_p99", "ns"}, new String[] {"tcp-tx", "throughput", "bit/s"});

    private HistoryRuns() {
    }

    /** @return the environment of a generated run on a host */
    static Map<String, String> environment(String host) {
        Map<String, String> env = new TreeMap<>();
        env.put("host_name", host);
        env.put("hypervisor_version", "7.2.0");
        env.put("libvirt_version", "9.0.0");
        env.put("host_kernel", "6.1.0-28-amd64");
        env.put("guest_kernel", "6.1.0-50-amd64");
        env.put("host_cpu_model", "Xeon E5");
        env.put("accelerator", "kvm");
        env.put("image_recipe_hash", "img1");
        env.put("harness_commit", "c0ffee");
        env.put("seed", "42");
        return env;
    }

    /**
     * A run of 2 boots x 2 repetitions of every variant on every metric of {@link #METRICS}.
     *
     * @param runId    the id
     * @param night    days after {@link #T0}
     * @param plan     the plan's name
     * @param env      the environment (host_name is the host)
     * @param variants the variant names
     * @param seed     the values' seed
     * @return the run
     */
    static RunArchive run(String runId, int night, String plan, Map<String, String> env, List<String> variants,
            long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        Map<String, String> variantDefs = new LinkedHashMap<>();
        for (String v : variants) {
            variantDefs.put(v, "{\"disk\":{\"cache\":\"writeback\"},\"name\":\"" + v + "\"}");
            for (String[] m : METRICS) {
                for (int boot = 1; boot <= 2; boot++) {
                    for (int rep = 1; rep <= 2; rep++) {
                        samples.add(new Sample(v, m[0], m[1], m[2], rep, 1000 + random.nextInt(1000) / 8.0, boot));
                    }
                }
            }
        }
        Map<String, String> workloadDefs = Map.of("randread-4k", "{\"fio\":{\"rw\":\"randread\"},\"name\":"
                + "\"randread-4k\"}", "tcp-tx", "{\"iperf3\":{\"duration_s\":5},\"name\":\"tcp-tx\"}");
        Instant started = T0.plusSeconds(86_400L * night);
        return new RunArchive(runId, env.get("host_name"), plan, SeriesKey.sha256Hex("name: " + plan), started,
                started.plusSeconds(1800), "complete", env, variantDefs, workloadDefs, samples, List.of(), null);
    }

    /** @return a run of variants a and b on host lab1, plan nightly */
    static RunArchive run(String runId, int night, long seed) {
        return run(runId, night, "nightly", environment("lab1"), List.of("a", "b"), seed);
    }

    /** @return the archive with other samples */
    static RunArchive withSamples(RunArchive r, List<Sample> samples) {
        return new RunArchive(r.runId(), r.host(), r.planName(), r.planHash(), r.started(), r.ended(), r.status(),
                r.environment(), r.variantDefs(), r.workloadDefs(), samples, r.verdicts(), r.canary());
    }
}
