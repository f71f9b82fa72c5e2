package dev.vbench.provisioning.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads a libvirt network definition ({@code virNetworkGetXMLDesc}). Pure. */
final class NetworkXml {
    private NetworkXml() {
    }

    /**
     * The first IPv4 {@code <ip address=...>} directly under {@code <network>} (an {@code <ip>} without
     * {@code family} is IPv4), or empty.
     *
     * @throws IllegalArgumentException when the text is not XML
     */
    static Optional<String> hostIpv4(String networkXml) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            root = b.parse(new InputSource(new StringReader(networkXml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a network XML document: " + e.getMessage(), e);
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element ip && ip.getTagName().equals("ip")) {
                String family = ip.getAttribute("family");
                String address = ip.getAttribute("address");
                if ((family.isEmpty() || family.equals("ipv4")) && !address.isEmpty()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
