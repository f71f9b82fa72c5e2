package dev.vbench.bench.plan;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes one YAML document into SnakeYAML nodes (which carry their line) and refuses what a plan never needs and
 * what would silently change meaning: several documents, anchors and aliases, tags, duplicate keys, keys that are
 * lists or mappings. Problems are {@link PlanException}s at their line, with the key path where there is one.
 */
final class PlanYaml {
    private static final int MAX_DEPTH = 1000;
    private static final String STANDARD_TAGS = "tag:yaml.org,2002:";

    private final String file;
    /** Nodes composed from an alias (standing in for it) or carrying a tag, with the refusal to report at them. */
    private final Map<Node, String> refused = new IdentityHashMap<>();
    private final Set<Event> aliases = Collections.newSetFromMap(new IdentityHashMap<>());
    private Event last;

    private PlanYaml(String file) {
        this.file = file;
    }

    /**
     * The document's root value, or {@code null} when the text holds no document.
     *
     * @param file names the text in messages; relative paths in it are resolved against its directory
     */
    static PlanNode read(String text, String file) {
        Node root = new PlanYaml(file).compose(text);
        return root == null ? null : new PlanNode(file, "", root);
    }

    /** The absolute directory of {@code file}, against which relative paths in it are resolved. */
    static Path directoryOf(String file) {
        try {
            return Path.of(file).toAbsolutePath().getParent();
        } catch (InvalidPathException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    private Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_DEPTH);
        AliasToScalar parser = new AliasToScalar(new ParserImpl(new StreamReader(text), options));
        Composer composer = new NotingComposer(parser, options);
        try {
            if (!composer.checkNode()) {
                return null;
            }
            Node root = composer.getNode();
            if (composer.checkNode()) {
                parser.getEvent(); // the second document's start: point at its first value, as the user sees it
                throw new PlanException(file, parser.peekEvent().getStartMark().getLine() + 1, null,
                        "a second YAML document starts here (a plan is one document: remove the '---' line)");
            }
            check(root, "");
            return root;
        } catch (MarkedYAMLException e) {
            throw syntaxError(e);
        } catch (YAMLException e) { // SnakeYAML's nesting limit, the one problem it reports without a mark
            int line = last == null ? 1 : last.getStartMark().getLine() + 1;
            throw new PlanException(file, line, null, "YAML syntax error: document nesting depth exceeds the maximum"
                    + " allowed (" + MAX_DEPTH + ")");
        }
    }

    private PlanException syntaxError(MarkedYAMLException e) {
        int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
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

    /** Refusals in document order, so the first problem the user wrote is the one reported. */
    private void check(Node node, String path) {
        if (node.getAnchor() != null) {
            throw at(node, path, "YAML anchors (&name) are not supported: write the value out");
        }
        if (refused.containsKey(node)) {
            throw at(node, path, refused.get(node));
        }
        if (node instanceof MappingNode m) {
            Map<String, Node> keys = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw at(t.getKeyNode(), null,
                            "YAML syntax error: mapping keys must be plain text, not lists or mappings");
                }
                String child = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
                check(k, child);
                Node first = keys.putIfAbsent(k.getValue(), k);
                if (first != null) {
                    throw at(k, child, "duplicate key (first given on line " + (first.getStartMark().getLine() + 1)
                            + "; keep one)");
                }
                check(t.getValueNode(), child);
            }
        } else if (node instanceof SequenceNode s) {
            List<Node> items = s.getValue();
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), path + "[" + i + "]");
            }
        }
    }

    private PlanException at(Node node, String path, String problem) {
        return new PlanException(file, node.getStartMark().getLine() + 1, path, problem);
    }

    /** Passes the parser's events on, an alias as a plain scalar {@link #check} refuses where it stands. */
    private final class AliasToScalar implements Parser {
        private final Parser parser;
        private Event next;

        AliasToScalar(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            Event e = peekEvent();
            return e != null && e.is(id);
        }

        @Override
        public Event peekEvent() {
            if (next == null) {
                next = parser.peekEvent();
                if (next instanceof AliasEvent alias) {
                    next = new ScalarEvent(null, null, new ImplicitTuple(false, true), "*" + alias.getAnchor(),
                            alias.getStartMark(), alias.getEndMark(), ScalarStyle.PLAIN);
                    aliases.add(next);
                }
            }
            return next;
        }

        @Override
        public Event getEvent() {
            Event e = peekEvent();
            parser.getEvent();
            next = null;
            last = e;
            return e;
        }
    }

    /** Notes which composed nodes stand for an alias or carry a tag. */
    private final class NotingComposer extends Composer {
        NotingComposer(Parser parser, LoaderOptions options) {
            super(parser, new Resolver(), options);
        }

        @Override
        protected Node composeScalarNode(String anchor, List<CommentLine> comments) {
            Event event = parser.peekEvent();
            Node node = super.composeScalarNode(anchor, comments);
            if (aliases.contains(event)) {
                refused.put(node, "YAML aliases (*name) are not supported: write the value out");
            } else {
                note(node, ((ScalarEvent) event).getTag());
            }
            return node;
        }

        @Override
        protected Node composeSequenceNode(String anchor) {
            String tag = ((CollectionStartEvent) parser.peekEvent()).getTag();
            return note(super.composeSequenceNode(anchor), tag);
        }

        @Override
        protected Node composeMappingNode(String anchor) {
            String tag = ((CollectionStartEvent) parser.peekEvent()).getTag();
            return note(super.composeMappingNode(anchor), tag);
        }

        private Node note(Node node, String tag) {
            if (tag != null) {
                String shown = tag.startsWith(STANDARD_TAGS) ? "!!" + tag.substring(STANDARD_TAGS.length()) : tag;
                refused.put(node, "YAML tags (" + OneLine.of(shown) + ") are not supported: remove the tag");
            }
            return node;
        }
    }
}
