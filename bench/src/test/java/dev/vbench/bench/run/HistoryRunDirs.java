package dev.vbench.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Run directories as vbench writes them (run.json format 2 and results.csv), made up for history tests: one
 * variant {@code v1} with one fio write workload, {@code boots} x 2 repetitions of write_iops around a level.
 */
public final class HistoryRunDirs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryRunDirs() {
    }

    /**
     * Writes a run directory.
     *
     * @param dir     the directory (created)
     * @param runId   the run's id
     * @param started when it started
     * @param cache   the variant's cache mode (its definition)
     * @param level   the mean write IOPS
     * @param noise   the relative noise of each sample
     * @param boots   boots of the variant
     * @param seed    the noise's seed
     * @return {@code dir}
     */
    public static Path write(Path dir, String runId, Instant started, String cache, double level, double noise,
            int boots, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int b = 1; b <= boots; b++) {
            for (int r = 1; r <= 2; r++) {
                samples.add(new Sample("v1", "w1", "write_iops", "IO/s", r, level * (1 + noise * rnd.nextGaussian()),
                        b));
            }
        }
        SampleCsv.write(dir.resolve("results.csv"), samples);
        ObjectNode run = JSON.createObjectNode();
        run.put("format", "vbench-run").put("format_version", 2).put("run_id", runId).put("status", "complete")
                .put("seed", seed).put("started", started.toString())
                .put("ended", started.plusSeconds(600).toString());
        run.putObject("harness").put("name", "vbench").put("version", "0.1.0").put("commit", "abc")
                .put("modified", false);
        run.putObject("environment").put("host_name", "lab1").put("hypervisor_version", "7.2.0")
                .put("libvirt_version", "9.0.0").put("host_kernel", "6.1.0").put("accelerator", "tcg")
                .put("host_cpu_model", "cpu");
        ObjectNode plan = run.putObject("plan");
        plan.put("file", "plan.yaml").put("source", "name: nightly\n# cache " + cache + "\n");
        ObjectNode expanded = plan.putObject("expanded");
        expanded.put("name", "nightly").put("boots", boots).put("repetitions", 2).put("stopping", "fixed");
        ArrayNode variants = expanded.putArray("variants");
        ObjectNode v = variants.addObject().put("name", "v1");
        v.putObject("disk").put("bus", "virtio").put("cache", cache).putNull("io");
        v.putObject("nic").put("model", "virtio");
        ObjectNode w = expanded.putArray("workloads").addObject().put("name", "w1");
        w.putObject("fio").put("rw", "randwrite").put("bs_bytes", 4096).put("iodepth", 16);
        run.putArray("variants").addObject().put("name", "v1").put("status", "ready")
                .put("guest_kernel", "6.1.0-50-amd64");
        run.putArray("measurements");
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("run.json").toFile(), run);
        Files.writeString(dir.resolve("plan.yaml"), "name: nightly\n");
        return dir;
    }
}
