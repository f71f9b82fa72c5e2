package dev.vbench.results;

import dev.vbench.results.claims.Claim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, realistic data set: three variants, two fio workloads and one iperf3 workload, 3 boots x 2 repetitions
 * each, values drawn from normal distributions around figures like those measured under TCG (LAB-NOTES.md). java.util.Random's
 * algorithm is specified by the JDK, so the data are the same on every JVM.
 */
final class LabFixture {
    static final String BASELINE = "ide-wt-e1000";
    static final int BOOTS = 3;
    static final int REPS = 2;

    private LabFixture() {
    }

    /**
     * @return the samples of the fixture run: 3 boots x 2 repetitions of each variant, each boot shifting the disk
     *         and network levels by a 2% boot effect, repetitions numbered 1 to 6 in measurement order
     */
    static List<Sample> samples() {
        Random random = new Random(20261126L);
        List<Sample> samples = new ArrayList<>();
        // variant -> {randread IOPS, seqwrite bandwidth B/s, throughput bit/s, p50 latency ns}
        Map<String, double[]> centres = Map.of(
                "ide-wt-e1000", new double[] {1165, 48.0 * 1024 * 1024, 0.94e9, 820_000},
                "virtio-wb-virtio", new double[] {5181, 210.0 * 1024 * 1024, 2.35e9, 185_000},
                "sata-wt-rtl8139", new double[] {1390, 52.0 * 1024 * 1024, 0.31e9, 700_000});
        for (String variant : List.of("ide-wt-e1000", "sata-wt-rtl8139", "virtio-wb-virtio")) {
            double[] c = centres.get(variant);
            for (int boot = 1; boot <= BOOTS; boot++) {
                double disk = normal(random, 1, 0.02);
                double net = normal(random, 1, 0.02);
                for (int rep = (boot - 1) * REPS + 1; rep <= boot * REPS; rep++) {
                    double iops = normal(random, c[0] * disk, 0.05);
                    samples.add(new Sample(variant, "randread-4k", "read_iops", "IO/s", rep, round(iops, 1), boot));
                    samples.add(new Sample(variant, "randread-4k", "read_bw", "B/s", rep, Math.round(iops * 4096),
                            boot));
                    double p50 = normal(random, c[3] / disk, 0.05);
                    samples.add(new Sample(variant, "randread-4k", "read_clat_p50", "ns", rep, Math.round(p50), boot));
                    samples.add(new Sample(variant, "randread-4k", "read_clat_p99", "ns", rep,
                            Math.round(p50 * normal(random, 3.2, 0.08)), boot));
                    samples.add(new Sample(variant, "randread-4k", "read_clat_p999", "ns", rep,
                            Math.round(p50 * normal(random, 7.5, 0.1)), boot));
                    samples.add(new Sample(variant, "seqwrite-1m", "write_bw", "B/s", rep,
                            Math.round(normal(random, c[1] * disk, 0.08)), boot));
                    samples.add(new Sample(variant, "tcp-stream", "throughput", "bit/s", rep,
                            Math.round(normal(random, c[2] * net, 0.04)), boot));
                    samples.add(new Sample(variant, "tcp-stream", "retransmits", "count", rep,
                            Math.max(0, Math.round(normal(random, 12, 0.5))), boot));
                    samples.add(new Sample(variant, "tcp-stream", "cpu_local", "%", rep,
                            round(normal(random, 61, 0.1), 2), boot));
                }
            }
        }
        return samples;
    }

    /**
     * @return {@link #samples()} plus the host's own ceiling ({@code native}: 4.4x the fastest disk, 3x the fastest
     *         network) and every variant's IO and bits per host CPU second, drawn from their own seed so that the
     *         samples of {@link #samples()} stay as they are
     */
    static List<Sample> samplesWithNative() {
        Random random = new Random(20261212L);
        List<Sample> samples = new ArrayList<>(samples());
        for (int boot = 1; boot <= BOOTS; boot++) {
            double disk = normal(random, 1, 0.02);
            for (int rep = (boot - 1) * REPS + 1; rep <= boot * REPS; rep++) {
                double iops = normal(random, 22_800 * disk, 0.03);
                samples.add(new Sample("native", "randread-4k", "read_iops", "IO/s", rep, round(iops, 1), boot));
                samples.add(new Sample("native", "randread-4k", "read_bw", "B/s", rep, Math.round(iops * 4096),
                        boot));
                samples.add(new Sample("native", "seqwrite-1m", "write_bw", "B/s", rep,
                        Math.round(normal(random, 900.0 * 1024 * 1024 * disk, 0.05)), boot));
                samples.add(new Sample("native", "tcp-stream", "throughput", "bit/s", rep,
                        Math.round(normal(random, 7.1e9, 0.04)), boot));
            }
        }
        // IO and bits per host CPU second: native spends least per operation, emulated devices most
        java.util.Map<String, double[]> cost = java.util.Map.of("native", new double[] {95_000, 5.1e10},
                "ide-wt-e1000", new double[] {2_100, 1.2e9}, "sata-wt-rtl8139", new double[] {2_400, 0.5e9},
                "virtio-wb-virtio", new double[] {6_900, 3.3e9});
        for (String variant : List.of("ide-wt-e1000", "native", "sata-wt-rtl8139", "virtio-wb-virtio")) {
            for (int boot = 1; boot <= BOOTS; boot++) {
                for (int rep = (boot - 1) * REPS + 1; rep <= boot * REPS; rep++) {
                    samples.add(new Sample(variant, "randread-4k", "io_per_host_cpu_s", "IO/cpu-s", rep,
                            round(normal(random, cost.get(variant)[0], 0.05), 1), boot));
                    samples.add(new Sample(variant, "tcp-stream", "bits_per_host_cpu_s", "bit/cpu-s", rep,
                            Math.round(normal(random, cost.get(variant)[1], 0.05)), boot));
                }
            }
        }
        return samples;
    }

    /** @return four claims: supported, refuted, inconclusive (interval straddles), inconclusive (failed variant) */
    static List<Claim> claims() {
        return List.of(
                new Claim("virtio-disk-randread", "virtio disk gives at least 1.5x the random-read IOPS of IDE",
                        BASELINE, "virtio-wb-virtio", "randread-4k", "read_iops", 1.5),
                new Claim("virtio-net-5x", "virtio-net gives at least 5x the TCP throughput of e1000",
                        BASELINE, "virtio-wb-virtio", "tcp-stream", "throughput", 5),
                new Claim("sata-beats-ide", "SATA gives at least 1.25x the random-read IOPS of IDE",
                        BASELINE, "sata-wt-rtl8139", "randread-4k", "read_iops", 1.25),
                new Claim("scsi-latency", "virtio-scsi halves the p99 read latency of IDE",
                        BASELINE, "scsi-wb-virtio", "randread-4k", "read_clat_p99", 2));
    }

    /** @return a context with a fixed environment, one failed variant and status partial */
    static RunContext context() {
        return new RunContext(Map.of(
                "accelerator", "tcg",
                "host_kernel", "6.1.0-test-amd64",
                "qemu_version", "7.2.0",
                "libvirt_version", "9.0.0",
                "vbench_version", "0.1.0-SNAPSHOT (commit 0000000)"),
                List.of(new VariantFailure("scsi-wb-virtio",
                        "domain failed to start: unsupported configuration: <example & \"quoted\">")),
                RunStatus.PARTIAL);
    }

    private static double normal(Random random, double mean, double cv) {
        return mean * (1 + cv * random.nextGaussian());
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
