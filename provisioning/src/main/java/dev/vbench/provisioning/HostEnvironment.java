package dev.vbench.provisioning;

import java.util.Locale;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The virtualization host a run used, recorded with every result.
 *
 * @param uri               libvirt connection URI
 * @param hostName          host name as libvirt reports it
 * @param hypervisor        hypervisor driver type, e.g. {@code QEMU} (or {@code TEST} for the fake)
 * @param hypervisorVersion hypervisor version, e.g. {@code 7.2.0}
 * @param libvirtVersion    libvirt library version, e.g. {@code 9.0.0}
 * @param kvmOffered        whether the host capabilities offer domain type {@code kvm} for x86_64 guests; says
 *                          nothing about whether a guest really boots under it (see {@link AccelResolver})
 */
public record HostEnvironment(String uri, String hostName, String hypervisor, String hypervisorVersion,
                              String libvirtVersion, boolean kvmOffered) {
    public HostEnvironment {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(hypervisor, "hypervisor");
        Objects.requireNonNull(hypervisorVersion, "hypervisorVersion");
        Objects.requireNonNull(libvirtVersion, "libvirtVersion");
    }

    /**
     * libvirt's version encoding {@code major * 1,000,000 + minor * 1,000 + release} as
     * {@code major.minor.release}.
     */
    public static String formatVersion(long encoded) {
        if (encoded < 0) {
            throw new IllegalArgumentException("negative version number " + encoded);
        }
        return String.format(Locale.ROOT, "%d.%d.%d", encoded / 1_000_000, encoded / 1_000 % 1_000, encoded % 1_000);
    }

    /**
     * Whether a host capabilities document ({@code virConnectGetCapabilities}) offers domain type {@code type} for
     * hvm guests of architecture {@code arch}. Pure.
     *
     * @throws IllegalArgumentException when the text is not XML
     */
    public static boolean offers(String capabilitiesXml, String arch, String type) {
        Document doc = XmlDocuments.parse(capabilitiesXml, false, "capabilities XML");
        NodeList guests = doc.getDocumentElement().getElementsByTagName("guest");
        for (int i = 0; i < guests.getLength(); i++) {
            Element guest = (Element) guests.item(i);
            NodeList osType = guest.getElementsByTagName("os_type");
            if (osType.getLength() == 0 || !"hvm".equals(osType.item(0).getTextContent().strip())) {
                continue;
            }
            NodeList arches = guest.getElementsByTagName("arch");
            for (int a = 0; a < arches.getLength(); a++) {
                Element archEl = (Element) arches.item(a);
                if (!arch.equals(archEl.getAttribute("name"))) {
                    continue;
                }
                NodeList domains = archEl.getElementsByTagName("domain");
                for (int d = 0; d < domains.getLength(); d++) {
                    if (type.equals(((Element) domains.item(d)).getAttribute("type"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
