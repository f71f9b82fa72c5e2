package dev.vbench.microbench;

import static dev.vbench.results.metric.MetricCatalog.CPU_LOCAL;
import static dev.vbench.results.metric.MetricCatalog.RETRANSMITS;
import static dev.vbench.results.metric.MetricCatalog.THROUGHPUT;

import dev.vbench.results.Sample;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.metric.MetricCatalog.FioMeasure;
import dev.vbench.results.metric.MetricDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded run the size of a real matrix: 8 variants x 4 workloads x 10 repetitions, 2 metrics per workload
 * (640 samples), values drawn from normal distributions around figures like those measured under TCG
 * (LAB-NOTES.md). {@link Random}'s algorithm is specified by the JDK, so the data are the same on every JVM.
 */
final class SyntheticRun {
    /** The variant every other one is compared with. */
    static final String BASELINE = "ide-wt-e1000";
    /** Repetitions per (variant, workload). */
    static final int REPS = 10;
    /** Workloads, in generation order. */
    static final List<String> WORKLOADS = List.of("randread-4k", "seqwrite-1m", "tcp-stream", "tcp-reverse");
    /** Metrics per workload. */
    static final int METRICS_PER_WORKLOAD = 2;

    /** variant -> {random-read factor, sequential-write factor, network factor}, relative to the baseline. */
    private static final MetricDef READ_IOPS = MetricCatalog.fio("read", FioMeasure.IOPS);
    private static final MetricDef READ_P99 = MetricCatalog.fio("read", FioMeasure.CLAT_P99);
    private static final MetricDef WRITE_BW = MetricCatalog.fio("write", FioMeasure.BW);
    private static final MetricDef WRITE_CLAT = MetricCatalog.fio("write", FioMeasure.CLAT_MEAN);
    private static final Map<String, double[]> FACTORS = factors();

    private SyntheticRun() {
    }

    /** @return the variant names, baseline first */
    static List<String> variants() {
        return List.copyOf(FACTORS.keySet());
    }

    /** @return the samples; the same on every call */
    static List<Sample> samples() {
        Random random = new Random(20261126L);
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, double[]> e : FACTORS.entrySet()) {
            String v = e.getKey();
            double disk = e.getValue()[0];
            double write = e.getValue()[1];
            double net = e.getValue()[2];
            for (int rep = 1; rep <= REPS; rep++) {
                double iops = normal(random, 1165 * disk, 0.06);
                samples.add(new Sample(v, "randread-4k", READ_IOPS.name(), READ_IOPS.unit(), rep, iops));
                samples.add(new Sample(v, "randread-4k", READ_P99.name(), READ_P99.unit(), rep,
                        Math.round(normal(random, 2.6e6 / disk, 0.08))));
                samples.add(new Sample(v, "seqwrite-1m", WRITE_BW.name(), WRITE_BW.unit(), rep,
                        Math.round(normal(random, 48.0 * 1024 * 1024 * write, 0.08))));
                samples.add(new Sample(v, "seqwrite-1m", WRITE_CLAT.name(), WRITE_CLAT.unit(), rep,
                        Math.round(normal(random, 21e6 / write, 0.07))));
                samples.add(new Sample(v, "tcp-stream", THROUGHPUT.name(), THROUGHPUT.unit(), rep,
                        Math.round(normal(random, 0.94e9 * net, 0.04))));
                samples.add(new Sample(v, "tcp-stream", CPU_LOCAL.name(), CPU_LOCAL.unit(), rep,
                        normal(random, 61, 0.1)));
                samples.add(new Sample(v, "tcp-reverse", THROUGHPUT.name(), THROUGHPUT.unit(), rep,
                        Math.round(normal(random, 0.88e9 * net, 0.05))));
                samples.add(new Sample(v, "tcp-reverse", RETRANSMITS.name(), RETRANSMITS.unit(), rep,
                        Math.max(0, Math.round(normal(random, 12, 0.5)))));
            }
        }
        return samples;
    }

    /**
     * @return three claims: virtio-blk 1.5x random reads (true gain 4.4: supported), virtio-net 5x throughput (true
     *         gain 2.5: refuted), SATA 1.19x random reads (exactly its true gain: inconclusive)
     */
    static List<Claim> claims() {
        return List.of(
                new Claim("virtio-disk-randread", "virtio disk gives at least 1.5x the random-read IOPS of IDE",
                        BASELINE, "virtio-wb-virtio", "randread-4k", READ_IOPS.name(), 1.5),
                new Claim("virtio-net-5x", "virtio-net gives at least 5x the TCP throughput of e1000",
                        BASELINE, "virtio-wb-virtio", "tcp-stream", THROUGHPUT.name(), 5),
                new Claim("sata-beats-ide", "SATA gives at least 1.19x the random-read IOPS of IDE",
                        BASELINE, "sata-wt-rtl8139", "randread-4k", READ_IOPS.name(), 1.19));
    }

    private static Map<String, double[]> factors() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(BASELINE, new double[] {1, 1, 1});
        m.put("ide-unsafe-rtl8139", new double[] {1.05, 1.8, 0.33});
        m.put("sata-wt-rtl8139", new double[] {1.19, 1.08, 0.33});
        m.put("sata-wb-e1000", new double[] {1.25, 1.6, 1});
        m.put("virtio-wb-virtio", new double[] {4.4, 4.4, 2.5});
        m.put("virtio-none-virtio", new double[] {4.1, 3.2, 2.5});
        m.put("virtio-none-native-virtio", new double[] {4.3, 3.4, 2.5});
        m.put("virtio-scsi-wb-virtio", new double[] {3.8, 4.0, 2.5});
        return m;
    }

    private static double normal(Random random, double mean, double cv) {
        return mean * (1 + cv * random.nextGaussian());
    }
}
