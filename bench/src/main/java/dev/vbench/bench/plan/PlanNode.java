package dev.vbench.bench.plan;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of a plan or claims file as SnakeYAML composed it ({@link PlanYaml}), with where it came from: the
 * file, the key path ({@code variants[1].disk.bus}) and the line. The section readers read values only through
 * these typed getters; each failing read throws a {@link PlanException} naming file, line, key path and the valid
 * values. A scalar counts as what YAML resolves it to ({@code 3} an integer, {@code '3'} text, {@code yes} a
 * boolean); names read its text as written, so a variant may be called {@code 2024}.
 */
final class PlanNode {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final int MAX_LISTED = 12;

    /** What YAML resolved a scalar to. */
    private enum Kind {
        STRING, INTEGER, FLOAT, BOOLEAN, NULL
    }

    private final String file;
    private final String path;
    private final Node node;

    PlanNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** 1-based line where the value starts. */
    int line() {
        return node.getStartMark().getLine() + 1;
    }

    /** A problem with this value, at its line and key path. */
    PlanException error(String problem) {
        return new PlanException(file, line(), path, problem);
    }

    /** A problem with {@code key} of this mapping, which is absent: at the mapping's line. */
    PlanException error(String key, String problem) {
        return new PlanException(file, line(), child(key), problem);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Words for "expected X, got Y" messages. */
    String describe() {
        if (!(node instanceof ScalarNode s)) {
            return node instanceof MappingNode ? "a mapping" : "a list";
        }
        String text = OneLine.quote(s.getValue());
        return switch (kind()) {
            case STRING -> "the text " + text;
            case INTEGER -> "the integer " + text;
            case FLOAT -> "the number " + text;
            case BOOLEAN -> "the boolean " + text;
            case NULL -> "nothing (null)";
        };
    }

    private Kind kind() {
        if (!(node instanceof ScalarNode s)) {
            return null;
        }
        Tag tag = s.getTag();
        boolean number = s.getValue().indexOf(':') < 0; // YAML 1.1's sexagesimal 1:20 stays text, as written
        return tag.equals(Tag.NULL) ? Kind.NULL : tag.equals(Tag.BOOL) ? Kind.BOOLEAN
                : tag.equals(Tag.INT) && number ? Kind.INTEGER : tag.equals(Tag.FLOAT) && number ? Kind.FLOAT
                : Kind.STRING;
    }

    boolean isNull() {
        return kind() == Kind.NULL;
    }

    /** A scalar other than null. */
    boolean isValue() {
        return node instanceof ScalarNode && !isNull();
    }

    boolean isText() {
        return kind() == Kind.STRING;
    }

    boolean isInteger() {
        return kind() == Kind.INTEGER;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    /** This value, which must be a mapping ({@code expected} describes one for the message). */
    PlanNode map(String expected) {
        if (node instanceof MappingNode) {
            return this;
        }
        throw error("expected " + expected + ", got " + describe());
    }

    /** The items of this value, which must be a list. */
    List<PlanNode> list(String expected) {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected " + expected + ", got " + describe());
        }
        List<PlanNode> items = new ArrayList<>();
        for (Node item : s.getValue()) {
            items.add(new PlanNode(file, path + "[" + items.size() + "]", item));
        }
        return items;
    }

    /** Refuses a key of this mapping that is not in {@code allowed}, naming the valid keys; returns this mapping. */
    PlanNode allowKeys(List<String> allowed) {
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (!allowed.contains(key)) {
                throw new PlanException(file, t.getKeyNode().getStartMark().getLine() + 1, child(key),
                        "unknown key (valid: " + String.join(", ", allowed) + ")" + Suggestion.of(key, allowed));
            }
        }
        return this;
    }

    /** The keys of this mapping, in the order written. */
    List<String> keys() {
        return ((MappingNode) node).getValue().stream().map(t -> ((ScalarNode) t.getKeyNode()).getValue()).toList();
    }

    /** The value of {@code key} in this mapping, if the key is written (its value may be null). */
    Optional<PlanNode> get(String key) {
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (((ScalarNode) t.getKeyNode()).getValue().equals(key)) {
                return Optional.of(new PlanNode(file, child(key), t.getValueNode()));
            }
        }
        return Optional.empty();
    }

    /** The value of {@code key}, which must be written and not null; {@code hint} says what to write. */
    PlanNode required(String key, String hint) {
        PlanNode value = get(key).orElse(this); // absent: reported at the mapping's line
        if (value == this || value.isNull()) {
            throw new PlanException(file, value.line(), child(key), "missing (required; " + hint + ")");
        }
        return value;
    }

    /** Builds a spec record from this mapping, pointing an {@link InvalidSpecException} at its key's line. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidSpecException e) {
            throw get(e.key()).map(at -> at.error(e.problem())).orElseGet(() -> error(e.key(), e.problem()));
        }
    }

    /** A scalar's text as written; numbers and booleans count as their spelling. */
    String text() {
        if (isValue()) {
            return ((ScalarNode) node).getValue();
        }
        throw error("expected a value, got " + describe());
    }

    /** One of {@code valid}, with a suggestion for a near miss. */
    String choice(List<String> valid) {
        if (!isValue()) {
            throw error("expected one of " + String.join(", ", valid) + ", got " + describe());
        }
        return oneOf(valid, "value", valid.size());
    }

    /** One of the {@code valid} names of a {@code what} ({@code variant}, {@code workload}). */
    String reference(List<String> valid, String what) {
        return oneOf(valid, what, MAX_LISTED);
    }

    private String oneOf(List<String> valid, String what, int listed) {
        String value = text();
        if (!valid.contains(value)) {
            String more = valid.size() > listed ? ", ... (" + (valid.size() - listed) + " more)" : "";
            throw error("unknown " + what + " " + OneLine.quote(value) + " (valid: "
                    + String.join(", ", valid.subList(0, Math.min(listed, valid.size()))) + more + ")"
                    + Suggestion.of(value, valid));
        }
        return value;
    }

    /** A name in {@code grammar}, the alphabet of variant names; {@code what} names it ({@code variant name}). */
    String name(Pattern grammar, String what) {
        String name = text();
        if (!grammar.matcher(name).matches()) {
            String why = name.contains("/") || name.contains("\\") ? "must not contain path separators; "
                    : name.isEmpty() ? "must not be empty; " : "";
            throw error("invalid " + what + " " + OneLine.quote(name) + " (" + why + "use 1-48 lower-case"
                    + " letters, digits, '.', '_', '-', starting with a letter or digit)");
        }
        return name;
    }

    /** A decimal whole number in {@code min..max}. */
    int integer(int min, int max) {
        if (!isInteger() || !DECIMAL.matcher(text()).matches()) {
            throw error("expected a whole number (" + min + ".." + max + ", decimal without leading zeros), got "
                    + describe());
        }
        String text = text();
        BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(OneLine.of(text) + " is out of range (valid: " + min + ".." + max + ")");
        }
        return value.intValueExact();
    }

    /** A finite decimal number. */
    double number() {
        Kind kind = kind();
        if ((kind != Kind.INTEGER && kind != Kind.FLOAT) || !NUMBER.matcher(text()).matches()) {
            throw error("expected a number, got " + describe());
        }
        double value = Double.parseDouble(text());
        if (!Double.isFinite(value)) {
            throw error("expected a finite number, got " + describe());
        }
        return value;
    }

    /** {@code true} or {@code false}, nothing else YAML would take for a boolean. */
    boolean bool() {
        if (kind() == Kind.BOOLEAN && (text().equals("true") || text().equals("false"))) {
            return text().equals("true");
        }
        throw error("expected true or false, got " + describe());
    }

    /** A size in bytes ({@link Quantity#parseBytes}). */
    long bytes() {
        return quantity(Quantity::parseBytes, "a size (" + Quantity.BYTES_GRAMMAR + ")");
    }

    /** A duration ({@link Quantity#parseDuration}). */
    Duration duration() {
        return quantity(Quantity::parseDuration, "a duration (" + Quantity.DURATION_GRAMMAR + ")");
    }

    /** A bit rate in bits per second ({@link Quantity#parseBitrate}). */
    long bitrate() {
        return quantity(Quantity::parseBitrate, "a bit rate (" + Quantity.BITRATE_GRAMMAR + ")");
    }

    private <T> T quantity(Function<String, T> parse, String expected) {
        if (kind() != Kind.STRING && kind() != Kind.INTEGER) {
            throw error("expected " + expected + ", got " + describe());
        }
        try {
            return parse.apply(text());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** A file path, resolved against the directory of the file being read and made absolute. */
    Path toPath() {
        String text = text();
        if (text.isBlank() || text.length() > 4096 || text.chars().anyMatch(Character::isISOControl)) {
            throw error("not a usable path: " + OneLine.quote(text));
        }
        try {
            Path p = Path.of(text);
            return (p.isAbsolute() ? p : PlanYaml.directoryOf(file).resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw error("not a usable path: " + OneLine.quote(text));
        }
    }
}
