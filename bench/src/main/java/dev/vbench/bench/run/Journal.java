package dev.vbench.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vbench.bench.workload.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's append-only journal ({@code journal.jsonl}): one JSON object a line, each written and forced to disk
 * before the harness goes on, so completed measurements survive any failure, SIGKILL included. Entry types:
 * {@code start} (a run or a resumed run began), {@code variant} (a variant was booted and checked, or failed),
 * {@code measurement}, {@code end}. A torn last line (the harness killed mid-write) is ignored on read.
 */
public final class Journal implements AutoCloseable {
    public static final String FILE = "journal.jsonl";
    static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens the journal of {@code runDir} for appending, creating it when missing. */
    public static Journal open(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        dropTornTail(file);
        return new Journal(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /** Appends one entry and forces it to disk. */
    public synchronized void append(ObjectNode entry) {
        byte[] line = (entry.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal: " + e.getMessage(), e);
        }
    }

    public void appendMeasurement(Measurement m) {
        append(toJson(m));
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** Reads every complete entry of the journal of {@code runDir}; empty when there is none. */
    public static List<ObjectNode> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        List<ObjectNode> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return entries;
        }
        for (String line : text.substring(0, end).split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                if (node instanceof ObjectNode object) {
                    entries.add(object);
                }
            }
        }
        return entries;
    }

    /** The measurements recorded in {@code entries}, in journal order. */
    public static List<Measurement> measurements(List<ObjectNode> entries) {
        return entries.stream().filter(e -> "measurement".equals(e.path("type").asText()))
                .map(Journal::fromJson).toList();
    }

    static ObjectNode toJson(Measurement m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "measurement");
        node.put("variant", m.variant());
        node.put("workload", m.workload());
        node.put("rep", m.rep());
        node.put("status", m.status().json());
        if (m.reason() != null) {
            node.put("reason", m.reason());
        }
        node.put("start", m.start() == null ? null : m.start().toString());
        node.put("end", m.end() == null ? null : m.end().toString());
        ArrayNode metrics = node.putArray("metrics");
        for (Metric metric : m.metrics()) {
            ObjectNode jm = metrics.addObject();
            jm.put("name", metric.name());
            jm.put("unit", metric.unit());
            jm.put("value", metric.value());
        }
        if (m.raw() != null) {
            node.put("raw", m.raw());
        }
        return node;
    }

    static Measurement fromJson(JsonNode n) {
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode jm : n.path("metrics")) {
            metrics.add(new Metric(jm.path("name").asText(), jm.path("unit").asText(), jm.path("value").asDouble()));
        }
        return new Measurement(n.path("variant").asText(), n.path("workload").asText(), n.path("rep").asInt(),
                Measurement.Status.valueOf(n.path("status").asText().toUpperCase(java.util.Locale.ROOT)),
                n.hasNonNull("reason") ? n.get("reason").asText() : null, instant(n.path("start")),
                instant(n.path("end")), metrics, n.hasNonNull("raw") ? n.get("raw").asText() : null);
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
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
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
        }
    }
}
