package dev.vbench.microbench;

import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.IngestResult;
import dev.vbench.results.history.RunArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Ingest of one default-plan-sized run ({@link SyntheticHistory#defaultPlanRun}: 95 series, 570 samples) into a
 * fresh SQLite history file: {@link #ingest} with the store already open (the transaction alone), {@link
 * #openAndIngest} as {@code vbench history ingest} does it (create the file, migrate the schema, ingest, close).
 * Target: under 0.5 s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryIngestBenchmark {
    RunArchive run;
    Path dir;
    Path file;
    HistoryStore store;
    private int files;

    /** Generates the run once. */
    @Setup(Level.Trial)
    public void generate() throws IOException {
        run = SyntheticHistory.defaultPlanRun("20260101-020000-0001", 0, 1);
        dir = Files.createTempDirectory("vbench-history-bench");
    }

    /** A fresh history file for every ingest, opened (schema created) outside the measurement. */
    @Setup(Level.Invocation)
    public void freshHistory() {
        file = dir.resolve("history-" + (++files) + ".db");
        store = HistoryStore.open(file.toString());
    }

    /** @return what the ingest added (returned so JMH consumes it) */
    @Benchmark
    public IngestResult ingest() {
        return store.ingest(run);
    }

    /** @return what the ingest added, opening a new file and closing it inside the measurement */
    @Benchmark
    public IngestResult openAndIngest() {
        Path other = dir.resolve("open-" + files + ".db");
        try (HistoryStore s = HistoryStore.open(other.toString())) {
            return s.ingest(run);
        }
    }

    /** Closes the store and deletes its files. */
    @TearDown(Level.Invocation)
    public void close() throws IOException {
        store.close();
        for (String name : new String[] {"history-" + files + ".db", "open-" + files + ".db"}) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(dir.resolve(name + suffix));
            }
        }
    }

    /** Removes the directory. */
    @TearDown(Level.Trial)
    public void removeDirectory() throws IOException {
        Files.deleteIfExists(dir);
    }
}
