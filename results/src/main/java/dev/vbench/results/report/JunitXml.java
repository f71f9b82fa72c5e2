package dev.vbench.results.report;

import dev.vbench.results.AnalysisResult;
import dev.vbench.results.DecimalText;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.stats.Gain;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The claims as a JUnit XML test suite, {@code junit.xml}, for CI systems: one test case per claim (in claims
 * file order), a REFUTED claim is a {@code <failure>}, an INCONCLUSIVE one an {@code <error>}. No timestamps or
 * host names, so the file is the same for the same input. Written by the JDK's StAX writer, which escapes;
 * characters XML 1.0 cannot hold at all become U+FFFD.
 */
public final class JunitXml {
    private static final String SUITE = "vbench.claims";

    private JunitXml() {
    }

    /**
     * @param result the analysis
     * @return the XML text, two-space indented, LF line ends
     */
    public static String format(AnalysisResult result) {
        long failures = result.claims().stream().filter(c -> c.verdict() == ClaimVerdict.REFUTED).count();
        long errors = result.claims().stream().filter(c -> c.verdict() == ClaimVerdict.INCONCLUSIVE).count();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            attributes(xml, "name", SUITE, "tests", Integer.toString(result.claims().size()),
                    "failures", Long.toString(failures), "errors", Long.toString(errors), "skipped", "0", "time", "0");
            indent(xml, 1).writeStartElement("properties");
            property(xml, "baseline", result.baseline());
            property(xml, "run.status", result.context().status().text());
            indent(xml, 1).writeEndElement();
            for (ClaimResult claim : result.claims()) {
                indent(xml, 1).writeStartElement("testcase");
                attributes(xml, "classname", SUITE, "name", claim.claim().id(), "time", "0");
                String message = claim.verdict() + ": " + claim.claim().text() + " (gain " + gain(claim.gain())
                        + ", min_gain " + DecimalText.shortest(claim.claim().minGain()) + ")";
                indent(xml, 2);
                if (claim.verdict() == ClaimVerdict.SUPPORTED) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(legal(message + ": " + claim.reason()));
                } else {
                    xml.writeStartElement(claim.verdict() == ClaimVerdict.REFUTED ? "failure" : "error");
                    attributes(xml, "type", claim.verdict().name(), "message", message);
                    xml.writeCharacters(legal(claim.reason() + (claim.wouldNeed().isEmpty() ? ""
                            : "; would need " + claim.wouldNeed())));
                }
                xml.writeEndElement();
                indent(xml, 1).writeEndElement();
            }
            indent(xml, 0).writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string does not fail", e);
        }
        return out + "\n";
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        indent(xml, 2).writeEmptyElement("property");
        attributes(xml, "name", name, "value", value);
    }

    private static void attributes(XMLStreamWriter xml, String... pairs) throws XMLStreamException {
        for (int i = 0; i < pairs.length; i += 2) {
            xml.writeAttribute(pairs[i], legal(pairs[i + 1]));
        }
    }

    private static XMLStreamWriter indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        return xml;
    }

    /** {@code text} with every character XML 1.0 cannot hold (control characters, lone surrogates) as U+FFFD. */
    private static String legal(String text) {
        return text.codePoints().map(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                        || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 ? c : 0xFFFD)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String gain(Gain gain) {
        if (Double.isNaN(gain.value())) {
            return "n/a";
        }
        String value = DecimalText.significant(gain.value(), 3) + "x";
        if (!gain.hasInterval()) {
            return value;
        }
        return value + " [" + DecimalText.significant(gain.low(), 3) + ", " + DecimalText.significant(gain.high(), 3)
                + "] at " + DecimalText.significant(100 * gain.confidence(), 4) + "%";
    }
}
