package dev.vbench.bench.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run's append-only journal ({@code journal.jsonl}): one {@link JournalEntry} a line, each written and forced
 * to disk before the harness goes on, so completed measurements survive any failure, SIGKILL included. It listens
 * to the run: a start, the environment, each variant's record, each measurement and the end become entries. A
 * torn last line (the harness killed mid-write) is ignored on read and cut before appending.
 */
public final class Journal implements AutoCloseable, RunListener {
    public static final String FILE = "journal.jsonl";
    /** The mapper of vbench's own JSON files; unknown keys and entry types are skipped on read. */
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);

    private final FileChannel channel;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens the journal of {@code runDir} for appending, creating it when missing. */
    public static Journal open(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        dropTornTail(file);
        return new Journal(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.Started s) {
            append(new JournalEntry.Start(s.runId(), s.seed(), s.time().toString(), s.resumed(), s.planFile()));
        } else if (event instanceof RunEvent.EnvironmentKnown e) {
            append(new JournalEntry.Environment(e.environment()));
        } else if (event instanceof RunEvent.VariantReady r) {
            append(new JournalEntry.VariantEntry(r.record()));
        } else if (event instanceof RunEvent.VariantFailed f) {
            append(new JournalEntry.VariantEntry(f.record()));
        } else if (event instanceof RunEvent.Measured m) {
            append(JournalEntry.MeasurementEntry.of(m.measurement()));
        } else if (event instanceof RunEvent.Ended e) {
            append(new JournalEntry.End(e.status().text(), e.time().toString()));
        }
    }

    /** Appends one entry and forces it to disk. */
    public synchronized void append(JournalEntry entry) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap((JSON.writerFor(JournalEntry.class).writeValueAsString(entry) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** Reads every complete entry of the journal of {@code runDir}; empty when there is none. */
    public static List<JournalEntry> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        List<JournalEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
            JournalEntry entry = line.isBlank() ? null : JSON.readValue(line, JournalEntry.class);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The first start entry of {@code entries}: the run's id, seed and plan file. */
    public static Optional<JournalEntry.Start> start(List<JournalEntry> entries) {
        return entries.stream().filter(JournalEntry.Start.class::isInstance).map(JournalEntry.Start.class::cast)
                .findFirst();
    }

    /** The measurements recorded in {@code entries}, in journal order. */
    public static List<Measurement> measurements(List<JournalEntry> entries) {
        return entries.stream().filter(JournalEntry.MeasurementEntry.class::isInstance)
                .map(e -> ((JournalEntry.MeasurementEntry) e).measurement()).toList();
    }

    /** Cuts a last line that lacks its newline: the harness was killed while writing it. */
    private static void dropTornTail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        int keep = bytes.length;
        while (keep > 0 && bytes[keep - 1] != '\n') {
            keep--;
        }
        if (keep != bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ch.truncate(keep);
            }
        }
    }
}
