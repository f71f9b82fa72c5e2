package dev.vbench.results.history;

import dev.vbench.results.stats.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded histories of two hosts: on lab-1, virtio's random-read IOPS and p50 latency over 12 nights (2 boots x 3
 * repetitions; QEMU 7.2.0 -> 8.0.0 from night 6, IOPS 12% lower from night 8 with its change point and alert,
 * night 4 annotated as an outlier) and ide's TCP throughput over 6 nights of one boot (night 3 excluded, an expected
 * change from night 5 for every series); on lab-2, one night of one sample. Plus a change point of a series not
 * shown and one at a night not shown.
 */
final class TrendFixture {
    static final Instant FIRST = Instant.parse("2026-11-01T02:00:00Z");
    static final SeriesKey IOPS = new SeriesKey("lab-1", "virtio-wb", "randread-4k", "read_iops");
    static final SeriesKey LATENCY = new SeriesKey("lab-1", "virtio-wb", "randread-4k", "read_clat_p50");
    static final SeriesKey TCP = new SeriesKey("lab-1", "ide-wt", "tcp-stream", "throughput");
    static final SeriesKey LONE = new SeriesKey("lab-2", "virtio-wb", "randread-4k", "read_iops");

    private TrendFixture() {
    }

    static List<SeriesHistory> series() {
        Random random = new Random(20261101L);
        Annotation outlier = new Annotation(IOPS.id(), run(3), Annotation.Kind.OUTLIER, "host was rebooting",
                FIRST.plus(Duration.ofDays(4)));
        Annotation expected = new Annotation("*", run(4), Annotation.Kind.EXPECTED, "new host kernel <6.12>",
                FIRST.plus(Duration.ofDays(5)));
        Annotation excluded = new Annotation(TCP.id(), run(2), Annotation.Kind.EXCLUDE, "iperf3 server down",
                FIRST.plus(Duration.ofDays(3)));
        List<Night> iops = new ArrayList<>();
        List<Night> latency = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double level = (i >= 7 ? 0.88 : 1.0) * (i == 3 ? 0.7 : 1.0);
            iops.add(night(i, random, 5000 * level, 2, 3, 1));
            latency.add(night(i, random, 180_000 / level, 2, 3, 0));
        }
        List<Night> tcp = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tcp.add(night(i, random, 9.4e8, 1, 3, 0));
        }
        return List.of(
                new SeriesHistory(TCP, "bit/s", Direction.HIGHER_IS_BETTER, tcp, List.of(excluded, expected)),
                new SeriesHistory(LATENCY, "ns", Direction.LOWER_IS_BETTER, latency, List.of(expected)),
                new SeriesHistory(LONE, "IO/s", Direction.HIGHER_IS_BETTER, List.of(new Night("lab2-r0", FIRST,
                        Map.of("qemu", "8.0.0"), new double[] {4100}, new int[] {1})), List.of()),
                new SeriesHistory(IOPS, "IO/s", Direction.HIGHER_IS_BETTER, iops, List.of(outlier, expected)));
    }

    static List<ChangePoint> changePoints() {
        return List.of(
                new ChangePoint(IOPS.id(), run(7), 5010, 4405, 0.879, 0.86, 0.9, 1.2e-5, "e-divisive-means/1",
                        "alpha=1,min_size=3,p=0.001,permutations=199"),
                new ChangePoint(IOPS.id(), "r-before-the-window", 5200, 5000, 0.9615, Double.NaN, Double.NaN,
                        0.0004, "e-divisive-means/1", ""),
                new ChangePoint("0000000000000000", run(2), 1, 2, 2, 1.5, 2.5, 0.001, "e-divisive-means/1", ""));
    }

    static List<TrendAlert> alerts() {
        return List.of(new TrendAlert(IOPS.id(), run(7), "regression confirmed: 0.88x [0.86, 0.9] <after re-run>"),
                new TrendAlert("ffffffffffffffff", run(7), "not shown"));
    }

    static String run(int night) {
        return String.format(Locale.ROOT, "202611%02d-0200", night + 1);
    }

    /** A night of {@code boots} x {@code reps} samples around {@code level}: 2% boot and 3% repetition noise. */
    private static Night night(int i, Random random, double level, int boots, int reps, int decimals) {
        double[] values = new double[boots * reps];
        int[] bootOf = new int[boots * reps];
        for (int b = 0; b < boots; b++) {
            double boot = level * (1 + 0.02 * random.nextGaussian());
            for (int r = 0; r < reps; r++) {
                double scale = Math.pow(10, decimals);
                values[b * reps + r] = Math.round(boot * (1 + 0.03 * random.nextGaussian()) * scale) / scale;
                bootOf[b * reps + r] = b + 1;
            }
        }
        Map<String, String> fingerprint = new TreeMap<>(Map.of("qemu", i >= 5 ? "8.0.0" : "7.2.0",
                "host_kernel", "6.1.0", "variant_def", "5f1c"));
        return new Night(run(i), FIRST.plus(Duration.ofDays(i)), fingerprint, values, bootOf);
    }
}
