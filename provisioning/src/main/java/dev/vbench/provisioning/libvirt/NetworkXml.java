package dev.vbench.provisioning.libvirt;

import dev.vbench.provisioning.XmlDocuments;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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
        Element root = XmlDocuments.parse(networkXml, false, "network XML").getDocumentElement();
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
