package dev.vbench.microbench;

import dev.vbench.results.history.ChangePoint;
import dev.vbench.results.history.EDivisive;
import dev.vbench.results.history.Night;
import dev.vbench.results.history.NightlyGate;
import dev.vbench.results.history.NightlyGate.GateInput;
import dev.vbench.results.history.NightlyGate.GateParams;
import dev.vbench.results.history.NightlyGate.GateReport;
import dev.vbench.results.history.SeriesHistory;
import dev.vbench.results.history.SeriesKey;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.stats.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The nightly history analysis of a year: for each of {@value #SERIES} series with {@value #NIGHTS} nights of
 * {@value #SAMPLES} samples (3 boots), change-point detection over the 364 earlier nights ({@link EDivisive#detect}),
 * the merge with the change points stored from the first 300 nights ({@link EDivisive#merge}), then the gate of the
 * last night over all series ({@link NightlyGate#decide}). Seeded: every series has 0 to 3 steps of 5-15% in its
 * history, and every tenth series drops 20% on the last night. Reading the database is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryAnalysisBenchmark {
    /** Nights per series, the last one being tonight. */
    static final int NIGHTS = 365;
    /** Series of the plan. */
    static final int SERIES = 100;
    /** Samples per night. */
    static final int SAMPLES = 5;
    private static final int[] BOOTS = {1, 1, 2, 2, 3};
    private static final Instant FIRST = Instant.parse("2026-01-01T02:00:00Z");
    private static final String READ_IOPS = MetricCatalog.fio("read", MetricCatalog.FioMeasure.IOPS).name();

    List<SeriesHistory> histories;
    List<List<ChangePoint>> stored;
    List<Night> tonight;
    EDivisive.Params params;

    /** Generates the histories and the stored change points once, outside the measurement. */
    @Setup
    public void generate() {
        Random random = new Random(20261204L);
        params = EDivisive.Params.defaults();
        histories = new ArrayList<>();
        stored = new ArrayList<>();
        tonight = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            SeriesKey key = new SeriesKey("lab", String.format(Locale.ROOT, "v%02d", s), "randread-4k", READ_IOPS);
            double[] level = new double[NIGHTS];
            double current = 1000 * (1 + s / 100.0);
            int steps = random.nextInt(4);
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                at.add(10 + random.nextInt(NIGHTS - 20));
            }
            for (int n = 0; n < NIGHTS; n++) {
                if (at.contains(n)) {
                    double size = 0.05 + 0.1 * random.nextDouble();
                    current *= random.nextBoolean() ? 1 + size : 1 - size;
                }
                level[n] = n == NIGHTS - 1 && s % 10 == 0 ? current * 0.8 : current;
            }
            List<Night> nights = new ArrayList<>();
            for (int n = 0; n < NIGHTS; n++) {
                double[] values = new double[SAMPLES];
                for (int i = 0; i < SAMPLES; i++) {
                    values[i] = level[n] * (1 + 0.02 * random.nextGaussian());
                }
                nights.add(new Night(String.format(Locale.ROOT, "n%04d", n), FIRST.plus(Duration.ofDays(n)),
                        Map.of("qemu", "8.2"), values, BOOTS));
            }
            SeriesHistory earlier = history(key, nights.subList(0, NIGHTS - 1));
            SeriesHistory first = history(key, nights.subList(0, 300));
            histories.add(earlier);
            stored.add(EDivisive.merge(first, List.of(), EDivisive.detect(first, params)));
            tonight.add(nights.get(NIGHTS - 1));
        }
    }

    private static SeriesHistory history(SeriesKey key, List<Night> nights) {
        return new SeriesHistory(key, "IO/s", Direction.HIGHER_IS_BETTER, nights, List.of());
    }

    /** @return the gate's report (returned so JMH consumes it) */
    @Benchmark
    public GateReport analyse() {
        List<GateInput> inputs = new ArrayList<>(SERIES);
        for (int s = 0; s < SERIES; s++) {
            SeriesHistory h = histories.get(s);
            List<ChangePoint> merged = EDivisive.merge(h, stored.get(s), EDivisive.detect(h, params));
            inputs.add(new GateInput(h, merged, tonight.get(s), false));
        }
        return NightlyGate.decide(inputs, GateParams.defaults());
    }
}
