package dev.vbench.results.history;

import dev.vbench.results.metric.MetricCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds nights and histories for the tests: run ids {@code n0000}, {@code n0001}..., one night a day. */
final class Histories {
    static final SeriesKey READS = new SeriesKey("lab", "virtio-wb", "randread-4k", "read_iops");
    static final Instant FIRST = Instant.parse("2026-01-01T02:00:00Z");

    private Histories() {
    }

    static String run(int night) {
        return String.format(java.util.Locale.ROOT, "n%04d", night);
    }

    static Night night(int night, double[] values, int[] boots) {
        return new Night(run(night), FIRST.plus(Duration.ofDays(night)), Map.of("qemu", "8.2"), values, boots);
    }

    /** A night of one sample (one boot) whose mean is {@code value}. */
    static Night night(int night, double value) {
        return night(night, new double[] {value}, new int[] {1});
    }

    /**
     * A night of boots x reps samples: mean x (1 + between z_boot) x (1 + within z_sample).
     */
    static Night night(int night, Random random, double mean, double within, double between, int boots, int reps) {
        double[] values = new double[boots * reps];
        int[] bootOf = new int[boots * reps];
        for (int b = 0; b < boots; b++) {
            double bootMean = mean * (1 + between * random.nextGaussian());
            for (int r = 0; r < reps; r++) {
                values[b * reps + r] = bootMean * (1 + within * random.nextGaussian());
                bootOf[b * reps + r] = b + 1;
            }
        }
        return night(night, values, bootOf);
    }

    /** One single-sample night per value, numbered from 0. */
    static List<Night> nights(double... values) {
        List<Night> nights = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            nights.add(night(i, values[i]));
        }
        return nights;
    }

    static SeriesHistory history(SeriesKey key, List<Night> nights, List<Annotation> annotations) {
        return new SeriesHistory(key, "IO/s", MetricCatalog.direction(key.metric(), "IO/s"), nights, annotations);
    }

    static SeriesHistory history(List<Night> nights, Annotation... annotations) {
        return history(READS, nights, List.of(annotations));
    }

    static Annotation annotation(SeriesKey key, int night, Annotation.Kind kind) {
        return new Annotation(key.id(), run(night), kind, "test", FIRST);
    }
}
