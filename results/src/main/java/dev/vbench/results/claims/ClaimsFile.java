package dev.vbench.results.claims;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vbench.results.DecimalText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a claims file strictly: a YAML mapping with the single key {@code claims}, a list of mappings with the
 * keys {@code id, text, baseline, candidate, workload, metric, min_gain} (all required but {@code text}, which
 * defaults to a sentence built from the others). Unknown or repeated keys, repeated ids, wrong types and a
 * {@code min_gain} that is not a positive number are errors, reported as {@code file:line: key: problem}.
 *
 * <pre>
 * claims:
 *   - id: virtio-disk-randread
 *     text: virtio disk gives at least 1.5x the random-read IOPS of IDE
 *     baseline: ide-wt-e1000
 *     candidate: virtio-wt-e1000
 *     workload: randread-4k
 *     metric: read_iops
 *     min_gain: 1.5
 * </pre>
 */
public final class ClaimsFile {
    private static final List<String> KEYS = List.of("id", "text", "baseline", "candidate", "workload", "metric",
            "min_gain");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern MARK = Pattern.compile("^ in '[^']*', line (\\d+), column \\d+:$", Pattern.MULTILINE);

    private final String source;

    private ClaimsFile(String source) {
        this.source = source;
    }

    /**
     * Reads a claims file.
     *
     * @param file the file
     * @return the claims in file order
     * @throws IOException         when the file cannot be read
     * @throws ClaimsFileException when it is not a valid claims file
     */
    public static List<Claim> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses the text of a claims file.
     *
     * @param text   YAML text
     * @param source name used in error messages, usually the file name
     * @return the claims in text order
     * @throws ClaimsFileException when the text is not a valid claims file
     */
    public static List<Claim> parse(String text, String source) {
        ClaimsFile reader = new ClaimsFile(source);
        try (JsonParser parser = YAML.createParser(text)) {
            return reader.claims(parser);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SnakeYAML's messages hold the problem on unindented lines and each position as " in 'reader', line N,
     * column M:" followed by an indented excerpt; the last position is where the problem was found.
     */
    private static ClaimsFileException syntaxError(String source, JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
        Matcher position = MARK.matcher(original);
        while (position.find()) {
            line = Integer.parseInt(position.group(1));
        }
        String problem = original.lines().filter(l -> !l.isBlank() && !l.startsWith(" "))
                .collect(Collectors.joining(": "));
        return new ClaimsFileException(source, Math.max(1, line), "syntax", problem.isEmpty() ? "invalid YAML" : problem);
    }

    private List<Claim> claims(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw error(parser, "claims", "missing; the file must be a mapping with the key 'claims' holding a list");
        }
        List<Claim> claims = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!key.equals("claims")) {
                throw error(parser, key, "unknown key; the only top-level key is 'claims'");
            }
            if (claims != null) {
                throw error(parser, key, "given twice; keep one list");
            }
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw error(parser, key, "must be a list of claims (use [] for none)");
            }
            claims = new ArrayList<>();
            Map<String, Integer> idLines = new HashMap<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = line(parser);
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw error(parser, "claims", "each claim must be a mapping with the keys " + String.join(", ", KEYS));
                }
                Claim claim = claim(parser, line);
                Integer first = idLines.putIfAbsent(claim.id(), line);
                if (first != null) {
                    throw new ClaimsFileException(source, line, "id",
                            "duplicate id '" + claim.id() + "' (first at line " + first + "); give each claim its own id");
                }
                claims.add(claim);
            }
        }
        if (claims == null) {
            throw error(parser, "claims", "missing; the file must be a mapping with the key 'claims' holding a list");
        }
        if (parser.nextToken() != null) {
            throw error(parser, "syntax", "more than one YAML document; keep a single one");
        }
        return List.copyOf(claims);
    }

    private Claim claim(JsonParser parser, int startLine) throws IOException {
        Map<String, String> strings = new LinkedHashMap<>();
        Double minGain = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!KEYS.contains(key)) {
                throw error(parser, key, "unknown key; allowed: " + String.join(", ", KEYS));
            }
            if (strings.containsKey(key) || (key.equals("min_gain") && minGain != null)) {
                throw error(parser, key, "given twice in one claim; keep one");
            }
            JsonToken value = parser.nextToken();
            if (key.equals("min_gain")) {
                minGain = minGain(parser, value);
            } else {
                strings.put(key, scalar(parser, key, value));
            }
        }
        for (String key : KEYS) {
            if (!key.equals("text") && !key.equals("min_gain") && !strings.containsKey(key)) {
                throw new ClaimsFileException(source, startLine, key, "missing; every claim needs " + key);
            }
        }
        if (minGain == null) {
            throw new ClaimsFileException(source, startLine, "min_gain",
                    "missing; give the smallest gain that supports the claim, e.g. 1.5");
        }
        String id = strings.get("id");
        if (!ID.matcher(id).matches()) {
            throw new ClaimsFileException(source, startLine, "id",
                    "'" + id + "' must start with a letter or digit and hold only letters, digits, '.', '_' and '-'");
        }
        if (strings.get("baseline").equals(strings.get("candidate"))) {
            throw new ClaimsFileException(source, startLine, "candidate",
                    "same as baseline '" + strings.get("baseline") + "'; a claim compares two different variants");
        }
        String text = strings.getOrDefault("text", strings.get("candidate") + " gives at least " + DecimalText.shortest(minGain)
                + "x the " + strings.get("metric") + " of " + strings.get("baseline") + " on " + strings.get("workload"));
        return new Claim(id, text, strings.get("baseline"), strings.get("candidate"), strings.get("workload"),
                strings.get("metric"), minGain);
    }

    private String scalar(JsonParser parser, String key, JsonToken value) throws IOException {
        if (value == null || !value.isScalarValue() || value == JsonToken.VALUE_NULL) {
            throw error(parser, key, "must be a single value, not empty, a list or a mapping");
        }
        String text = parser.getText().strip();
        if (text.isEmpty()) {
            throw error(parser, key, "must not be empty");
        }
        return text;
    }

    private double minGain(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            String shown = value != null && value.isScalarValue() ? "'" + parser.getText() + "'" : "a " + describe(value);
            throw error(parser, "min_gain", "must be a number above 0, e.g. 1.5; got " + shown);
        }
        double gain = parser.getDoubleValue();
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw error(parser, "min_gain", "must be a number above 0, e.g. 1.5; got " + parser.getText());
        }
        return gain;
    }

    private static String describe(JsonToken token) {
        if (token == JsonToken.START_ARRAY) {
            return "list";
        }
        return token == JsonToken.START_OBJECT ? "mapping" : "missing value";
    }

    private ClaimsFileException error(JsonParser parser, String key, String problem) {
        return new ClaimsFileException(source, line(parser), key, problem);
    }

    private static int line(JsonParser parser) {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }
}
