package dev.vbench.results.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a run directory into a {@link RunArchive}: run.json through Jackson's tree model, samples, verdicts. */
final class RunDirectory {
    private static final String FORMAT = "vbench-run";
    private static final int FORMAT_VERSION = 2;

    private RunDirectory() {
    }

    static RunArchive read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ResultsInputException(dir + ": not a directory; give the run directory that vbench run wrote");
        }
        Path runJson = dir.resolve("run.json");
        JsonNode root = json(runJson);
        String format = root.path("format").asText("?");
        int version = root.path("format_version").asInt(-1);
        if (!format.equals(FORMAT) || version != FORMAT_VERSION) {
            throw new ResultsInputException(runJson + ": format " + format + " version "
                    + root.path("format_version").asText("?") + ", expected " + FORMAT + " " + FORMAT_VERSION
                    + "; re-run it with this vbench or ingest a run it wrote");
        }
        JsonNode plan = root.path("plan");
        JsonNode expanded = plan.path("expanded");
        if (!expanded.isObject()) {
            throw new ResultsInputException(runJson + ": no plan.expanded; the file is incomplete, re-run the plan");
        }
        Map<String, String> environment = strings(root.path("environment"));
        String host = environment.getOrDefault("vbench_host", environment.get("host_name"));
        if (host == null || host.isBlank()) {
            throw new ResultsInputException(runJson + ": no environment.host_name; a series needs its host, "
                    + "re-run the plan with this vbench");
        }
        if (!environment.containsKey("guest_kernel")) {
            for (JsonNode v : root.path("variants")) {
                if (v.path("status").asText().equals("ready") && v.path("guest_kernel").isTextual()) {
                    environment.put("guest_kernel", v.path("guest_kernel").asText());
                    break;
                }
            }
        }
        return new RunArchive(text(root, "run_id", runJson), host, text(expanded, "name", runJson),
                SeriesKey.sha256Hex(text(plan, "source", runJson)), instant(root, "started", runJson, true),
                instant(root, "ended", runJson, false), text(root, "status", runJson), environment,
                definitions(expanded.path("variants"), runJson), definitions(expanded.path("workloads"), runJson),
                samples(dir.resolve("results.csv")), verdicts(dir.resolve("summary.json")), canary(expanded));
    }

    private static JsonNode json(Path file) {
        try {
            JsonNode node = CanonicalJson.MAPPER.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new ResultsInputException(file + ": not a JSON object; the file is damaged, re-run the plan");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ResultsInputException(file + ": not valid JSON" + where + " (" + oneLine(e.getOriginalMessage())
                    + "); the file is damaged, re-run the plan");
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new ResultsInputException(file + ": missing; give a run directory that vbench run wrote");
            }
            throw new ResultsInputException(file + ": cannot read: " + oneLine(e.getMessage()));
        }
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ResultsInputException(file + ": " + field + " is missing or not a text; the file is damaged, "
                    + "re-run the plan");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode node, String field, Path file, boolean required) {
        JsonNode v = node.path(field);
        if (!required && (v.isMissingNode() || v.isNull())) {
            return null;
        }
        try {
            return Instant.parse(text(node, field, file));
        } catch (DateTimeParseException e) {
            throw new ResultsInputException(file + ": " + field + " '" + v.asText() + "' is not a UTC time like "
                    + "2026-11-26T04:00:00Z; the file is damaged, re-run the plan");
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                JsonNode v = e.getValue();
                out.put(e.getKey(), v.isValueNode() ? v.asText() : CanonicalJson.of(v));
            }
        });
        return out;
    }

    private static Map<String, String> definitions(JsonNode array, Path file) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode def : array) {
            out.put(text(def, "name", file), CanonicalJson.of(def));
        }
        return out;
    }

    private static String canary(JsonNode expanded) {
        JsonNode c = expanded.path("canary");
        if (c.isMissingNode() || c.isNull()) {
            return null;
        }
        if (c.isTextual()) {
            return c.asText().isEmpty() ? null : c.asText();
        }
        List<String> names = new java.util.ArrayList<>();
        c.forEach(n -> names.add(n.asText()));
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static List<Sample> samples(Path csv) {
        try {
            return SampleCsv.read(csv);
        } catch (NoSuchFileException e) {
            throw new ResultsInputException(csv + ": missing; a run directory holds its samples in results.csv");
        } catch (IOException e) {
            throw new ResultsInputException(csv + ": cannot read: " + oneLine(e.getMessage()));
        }
    }

    private static List<StoredVerdict> verdicts(Path summary) {
        if (!Files.exists(summary)) {
            return List.of();
        }
        List<StoredVerdict> out = new ArrayList<>();
        for (JsonNode claim : json(summary).path("claims")) {
            out.add(new StoredVerdict(text(claim, "id", summary), text(claim, "verdict", summary),
                    number(claim, "gain"), number(claim, "gain_ci_low"), number(claim, "gain_ci_high")));
        }
        return out;
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asDouble() : null;
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s*\\R\\s*", " ");
    }
}
