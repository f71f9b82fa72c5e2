package dev.vbench.provisioning;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Element-per-line XML over the JDK's StAX writer, which does the escaping: elements and attributes in call order,
 * two-space indentation, {@code \n} line ends, no declaration. Attribute pairs whose value is {@code null} are
 * left out. Characters XML 1.0 cannot carry, and line breaks or tabs in attribute values (which a reader would turn
 * into spaces), are rejected.
 */
final class XmlWriter {
    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter xml;
    private int depth;
    private boolean started;

    XmlWriter() {
        try {
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code <name attrs>} on its own line; children follow indented. */
    XmlWriter start(String name, String... attrs) {
        return write(() -> {
            indent();
            xml.writeStartElement(name);
            attributes(attrs);
            depth++;
        });
    }

    /** Closes the innermost open element. */
    XmlWriter end() {
        return write(() -> {
            depth--;
            indent();
            xml.writeEndElement();
        });
    }

    /** {@code <name attrs/>}. */
    XmlWriter empty(String name, String... attrs) {
        return write(() -> {
            indent();
            xml.writeEmptyElement(name);
            attributes(attrs);
        });
    }

    /** {@code <prefix:name xmlns:prefix='namespace' attrs/>}. */
    XmlWriter emptyInNamespace(String prefix, String name, String namespace, String... attrs) {
        return write(() -> {
            indent();
            xml.writeEmptyElement(prefix, name, namespace);
            xml.writeNamespace(prefix, namespace);
            attributes(attrs);
        });
    }

    /** {@code <name attrs>text</name>}. */
    XmlWriter text(String name, String text, String... attrs) {
        return write(() -> {
            indent();
            xml.writeStartElement(name);
            attributes(attrs);
            xml.writeCharacters(check(text, false));
            xml.writeEndElement();
        });
    }

    String finish() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " unclosed elements");
        }
        write(xml::flush);
        return out + "\n";
    }

    private void indent() throws XMLStreamException {
        if (started) {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
        started = true;
    }

    private void attributes(String[] attrs) throws XMLStreamException {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                xml.writeAttribute(attrs[i], check(attrs[i + 1], true));
            }
        }
    }

    private static String check(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == '\t' || c == '\n' || c == '\r';
            if (space ? attribute : c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "character U+%04X cannot be written to XML%s (in '%s')", (int) c,
                        attribute ? " attribute values" : "", s));
            }
        }
        return s;
    }

    private XmlWriter write(Step step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string does not fail", e);
        }
        return this;
    }

    /** One call on the StAX writer. */
    private interface Step {
        void run() throws XMLStreamException;
    }
}
