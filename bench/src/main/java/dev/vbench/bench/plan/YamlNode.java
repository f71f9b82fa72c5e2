package dev.vbench.bench.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with where it came from: its key path ({@code variants[1].disk.bus}) and 1-based line. Jackson's
 * tree model drops locations, so the plan reader builds this small tree from the streaming parser instead.
 */
sealed interface YamlNode {
    /** Key path of this value, e.g. {@code workloads[0].fio}; empty for the document root. */
    String path();

    /** 1-based line where the value starts. */
    int line();

    /** Words for "expected X, got Y" messages. */
    String describe();

    /** A mapping; keys are unique (the reader rejects duplicates) and keep their order. */
    record MapNode(String path, int line, Map<String, Entry> entries) implements YamlNode {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** The value of {@code key}, or {@code null} when the key is absent. */
        YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the line of the key itself. */
    record Entry(String key, int keyLine, YamlNode value) {
    }

    /** A sequence. */
    record ListNode(String path, int line, List<YamlNode> items) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar as written ({@code text}) and the type YAML resolved it to. */
    record ScalarNode(String path, int line, Kind kind, String text) implements YamlNode {
        /** YAML's resolution of a scalar. */
        enum Kind {
            STRING, INTEGER, FLOAT, BOOLEAN, NULL
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "the text " + OneLine.quote(text);
                case INTEGER -> "the integer " + OneLine.quote(text);
                case FLOAT -> "the number " + OneLine.quote(text);
                case BOOLEAN -> "the boolean " + OneLine.quote(text);
                case NULL -> "nothing (null)";
            };
        }
    }
}
