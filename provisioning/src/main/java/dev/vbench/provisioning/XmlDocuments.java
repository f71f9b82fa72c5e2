package dev.vbench.provisioning;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses the XML libvirt hands back (domain, network, storage, capabilities documents): secure processing, no DTD
 * (so no external entity can be read), no error output. The one place such text becomes a DOM.
 */
public final class XmlDocuments {
    private XmlDocuments() {
    }

    /**
     * @param xml            the text
     * @param namespaceAware whether element names keep their namespaces (vbench's run tag needs it)
     * @param what           what the document should be, for the message, e.g. {@code "network XML"}
     * @throws IllegalArgumentException when the text is not such a document
     */
    public static Document parse(String xml, boolean namespaceAware, String what) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(namespaceAware);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a " + what + " document: " + e.getMessage(), e);
        }
    }
}
