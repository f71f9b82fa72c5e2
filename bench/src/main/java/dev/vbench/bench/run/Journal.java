package dev.vbench.bench.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
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
 * to the run: a start, the environment, each variant's record and boot, each measurement and the end become
 * entries. A
 * torn last line (the harness killed mid-write) is ignored on read and cut before appending. Read line by line: a
 * line that is not an entry (corrupt, not UTF-8, longer than {@value #MAX_LINE_BYTES} bytes) is skipped and
 * reported with its number, lines of entry types a newer vbench wrote are skipped silently.
 */
public final class Journal implements AutoCloseable, RunListener {
    public static final String FILE = "journal.jsonl";
    /** The mapper of vbench's own JSON files; unknown keys and entry types are skipped on read. */
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);
    /** The longest line read (a variant's line, the largest, holds a domain XML and device evidence: some KB). */
    static final int MAX_LINE_BYTES = 16 << 20;

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
        } else if (event instanceof RunEvent.Booted b) {
            append(JournalEntry.BootEntry.of(b));
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

    /** What a journal holds: its entries in order, and the lines that are not entries, skipped. */
    public record Contents(List<JournalEntry> entries, List<Skipped> skipped) {
    }

    /** A line that is not a journal entry: its number (from 1) and what is wrong with it. */
    public record Skipped(int line, String problem) {
    }

    /** Reads every complete entry of the journal of {@code runDir}, skipping lines that are not entries. */
    public static List<JournalEntry> read(Path runDir) throws IOException {
        return readAll(runDir).entries();
    }

    /**
     * Reads the journal of {@code runDir} line by line, never more than one line into memory; empty when there is
     * none. The last line counts only when it ends in a line feed.
     */
    public static Contents readAll(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        List<JournalEntry> entries = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(entries, skipped);
        }
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int number = 0;
            boolean tooLong = false;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        tooLong |= !appendBounded(line, buffer, from, i - from);
                        entry(++number, line, tooLong, entries, skipped);
                        line.reset();
                        tooLong = false;
                        from = i + 1;
                    }
                }
                tooLong |= !appendBounded(line, buffer, from, n - from);
            }
        }
        return new Contents(List.copyOf(entries), List.copyOf(skipped));
    }

    /** Appends what fits under {@link #MAX_LINE_BYTES}; false when something did not. */
    private static boolean appendBounded(ByteArrayOutputStream line, byte[] bytes, int from, int length) {
        int room = Math.min(length, MAX_LINE_BYTES - line.size());
        line.write(bytes, from, Math.max(0, room));
        return room >= length;
    }

    /** Reads line {@code number} into {@code entries}, or notes why it is skipped. */
    private static void entry(int number, ByteArrayOutputStream bytes, boolean tooLong, List<JournalEntry> entries,
            List<Skipped> skipped) {
        if (tooLong) {
            skipped.add(new Skipped(number, "longer than " + (MAX_LINE_BYTES >> 20) + " MiB, not a journal entry"));
            return;
        }
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            skipped.add(new Skipped(number, "not UTF-8 text, not a journal entry"));
            return;
        }
        if (line.isBlank()) {
            return;
        }
        try {
            JournalEntry entry = JSON.readValue(line, JournalEntry.class);
            if (entry != null) {
                entries.add(entry);
            }
        } catch (JsonProcessingException e) {
            skipped.add(new Skipped(number, "not a journal entry (" + shortly(e.getOriginalMessage()) + ")"));
        }
    }

    /** A library's message on one short line of printable ASCII. */
    private static String shortly(String message) {
        String line = String.valueOf(message).replaceAll("[^\\x20-\\x7e]+", " ").strip();
        return line.length() > 100 ? line.substring(0, 100) + "..." : line;
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

    /** Cuts a last line that lacks its newline: the harness was killed while writing it. Reads from the end only. */
    private static void dropTornTail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            long keep = ch.size();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (keep > 0) {
                int chunk = (int) Math.min(buffer.capacity(), keep);
                buffer.clear().limit(chunk);
                long at = keep - chunk;
                while (buffer.hasRemaining() && ch.read(buffer, at + buffer.position()) >= 0) {
                    // read the whole chunk
                }
                int i = buffer.position() - 1;
                while (i >= 0 && buffer.get(i) != '\n') {
                    i--;
                }
                if (i >= 0) {
                    keep = at + i + 1;
                    break;
                }
                keep = at;
            }
            if (keep != ch.size()) {
                ch.truncate(keep);
            }
        }
    }
}
