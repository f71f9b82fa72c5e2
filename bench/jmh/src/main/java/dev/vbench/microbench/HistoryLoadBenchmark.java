package dev.vbench.microbench;

import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.SeriesHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link HistoryStore#histories} over a year of nights from an SQLite file: 365 nights x 100 series x 5 samples
 * (182,500 samples), loaded into {@link SeriesHistory} values with their fingerprints. The history is built once
 * per fork, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryLoadBenchmark {
    /** Nights in the history (a test builds fewer). */
    int nights = 365;
    Path dir;
    HistoryStore store;

    /** Builds the history: one ingest per night. */
    @Setup(Level.Trial)
    public void build() throws IOException {
        dir = Files.createTempDirectory("vbench-history-load");
        store = HistoryStore.open(dir.resolve("history.db").toString());
        for (int night = 0; night < nights; night++) {
            store.ingest(SyntheticHistory.wideRun(String.format(java.util.Locale.ROOT, "n%03d", night), night,
                    night));
        }
    }

    /** @return every series with its nights (returned so JMH consumes it) */
    @Benchmark
    public List<SeriesHistory> load() {
        return store.histories(null, null);
    }

    /** Closes the store and removes the files. */
    @TearDown(Level.Trial)
    public void remove() throws IOException {
        store.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
