package dev.vbench.provisioning;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal XML writer with deterministic output: elements and attributes in call order, two-space indentation,
 * single-quoted attributes (libvirt's own style), {@code \n} line ends, no declaration. Attribute pairs whose value
 * is {@code null} are left out. Text and attribute values are escaped; characters XML 1.0 cannot carry are
 * rejected.
 */
final class XmlWriter {
    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code <name attrs>} on its own line; children follow indented. */
    XmlWriter start(String name, String... attrs) {
        indent();
        out.append('<').append(name);
        attributes(attrs);
        out.append(">\n");
        open.push(name);
        return this;
    }

    /** Closes the innermost open element. */
    XmlWriter end() {
        String name = open.pop();
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** {@code <name attrs/>}. */
    XmlWriter empty(String name, String... attrs) {
        indent();
        out.append('<').append(name);
        attributes(attrs);
        out.append("/>\n");
        return this;
    }

    /** {@code <name attrs>text</name>}. */
    XmlWriter text(String name, String text, String... attrs) {
        indent();
        out.append('<').append(name);
        attributes(attrs);
        out.append('>');
        escape(text, false);
        out.append("</").append(name).append(">\n");
        return this;
    }

    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void indent() {
        out.append("  ".repeat(open.size()));
    }

    private void attributes(String[] attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                out.append(' ').append(attrs[i]).append("='");
                escape(attrs[i + 1], true);
                out.append('\'');
            }
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t', '\n', '\r' -> {
                    if (attribute) {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                                "character U+%04X cannot be written to XML (in '%s')", (int) c, s));
                    }
                    out.append(c);
                }
            }
        }
    }
}
