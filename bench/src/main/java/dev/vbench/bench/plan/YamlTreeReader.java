package dev.vbench.bench.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import dev.vbench.bench.plan.YamlNode.Entry;
import dev.vbench.bench.plan.YamlNode.ListNode;
import dev.vbench.bench.plan.YamlNode.MapNode;
import dev.vbench.bench.plan.YamlNode.ScalarNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into a {@link YamlNode} tree with key paths and line numbers. Rejects what a plan never
 * needs and what would silently change meaning: duplicate keys, anchors and aliases, tags, several documents.
 */
final class YamlTreeReader {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private YAMLParser parser;

    private YamlTreeReader(String file) {
        this.file = file;
    }

    /** The document's root node, or {@code null} for an empty document. */
    static YamlNode read(String text, String file) {
        return new YamlTreeReader(file).readDocument(text);
    }

    @SuppressWarnings("deprecation") // MarkedYAMLException: the only carrier of SnakeYAML's problem line in Jackson 2
    private YamlNode readDocument(String text) {
        try (YAMLParser p = YAML.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = readValue(first, "");
            JsonToken next = p.nextToken();
            if (next != null) {
                throw new PlanException(file, line(), null,
                        "a second YAML document starts here (a plan is one document: remove the '---' line)");
            }
            return root;
        } catch (MarkedYAMLException e) {
            throw syntaxError(e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr()
                    : parser != null ? parser.currentLocation().getLineNr() : 0;
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Expected a field name")) {
                msg = "mapping keys must be plain text, not lists or mappings";
            }
            throw new PlanException(file, line, null, "YAML syntax error: " + firstLine(msg));
        } catch (IOException e) {
            throw new PlanException(file, 0, null, "cannot read the plan: " + e.getMessage());
        }
    }

    @SuppressWarnings("deprecation")
    private PlanException syntaxError(MarkedYAMLException e) {
        int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
                : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String problem = e.getProblem() == null ? firstLine(e.getOriginalMessage()) : e.getProblem();
        String context = e.getContext();
        if (context != null && e.getContextMark() != null && e.getContextMark().getLine() + 1 != line) {
            // The parser notices the problem only where it gives up; where the construct began is the place to fix.
            context = firstLine(context) + " (started on line " + (e.getContextMark().getLine() + 1) + ")";
        }
        String text = context == null ? firstLine(problem) : firstLine(context) + ": " + firstLine(problem);
        return new PlanException(file, line, null, "YAML syntax error: " + text
                + "; check the brackets, quotes and indentation");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable YAML";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private YamlNode readValue(JsonToken token, String path) throws IOException {
        int line = line();
        checkPlain(path, line);
        switch (token) {
            case START_OBJECT:
                return readMap(path, line);
            case START_ARRAY:
                return readList(path, line);
            case VALUE_STRING:
                return new ScalarNode(path, line, ScalarNode.Kind.STRING, parser.getText());
            case VALUE_NUMBER_INT:
                return new ScalarNode(path, line, ScalarNode.Kind.INTEGER, parser.getText());
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(path, line, ScalarNode.Kind.FLOAT, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(path, line, ScalarNode.Kind.BOOLEAN, parser.getText());
            case VALUE_NULL:
                return new ScalarNode(path, line, ScalarNode.Kind.NULL, parser.getText());
            default:
                throw new PlanException(file, line, path, "unexpected YAML element " + token);
        }
    }

    private void checkPlain(String path, int line) throws IOException {
        if (parser.isCurrentAlias()) {
            throw new PlanException(file, line, path, "YAML aliases (*name) are not supported: write the value out");
        }
        if (parser.getObjectId() != null) {
            throw new PlanException(file, line, path,
                    "YAML anchors (&name) are not supported: write the value out");
        }
        String tag = parser.getTypeId();
        if (tag != null) {
            throw new PlanException(file, line, path, "YAML tags (" + OneLine.of(tag.startsWith("tag:yaml.org,2002:")
                    ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : "!" + tag)
                    + ") are not supported: remove the tag");
        }
    }

    private MapNode readMap(String path, int line) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            int keyLine = line();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (entries.containsKey(key)) {
                throw new PlanException(file, keyLine, childPath, "duplicate key (first given on line "
                        + entries.get(key).keyLine() + "; keep one)");
            }
            YamlNode value = readValue(parser.nextToken(), childPath);
            entries.put(key, new Entry(key, keyLine, value));
        }
        return new MapNode(path, line, entries);
    }

    private ListNode readList(String path, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(t, path + "[" + items.size() + "]"));
        }
        return new ListNode(path, line, items);
    }
}
