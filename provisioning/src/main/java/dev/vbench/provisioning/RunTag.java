package dev.vbench.provisioning;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The mark vbench puts into the {@code <metadata>} of every domain it defines,
 * {@code <vbench:run xmlns:vbench="https://vbench.dev/xmlns/run/1" id="RUN" variant="VARIANT" home="H" host="M"/>},
 * so that {@code vbench cleanup} recognises the harness' own domains and never touches anybody else's: it removes
 * a domain only when the tag names its own {@link RunOwner} (home and host) and the run's lock is stale.
 *
 * <p>A tag read back without a valid {@code home} and {@code host} (written by vbench before they existed, or by
 * hand) has no owner and is never cleaned up. The XML that {@code vbench plan --emit-xml} writes carries a different
 * element, {@code <vbench:emitted run="RUN" variant="VARIANT"/>}, which is no run tag at all.
 *
 * @param runId   id of the run that defined the domain
 * @param variant variant name, or {@link #ACCEL_PROBE} for the short-lived accelerator probe
 * @param owner   the home and host of the harness that defined it; {@code null} when the tag names none
 */
public record RunTag(String runId, String variant, RunOwner owner) {
    /** XML namespace of the metadata element. */
    public static final String NAMESPACE = "https://vbench.dev/xmlns/run/1";
    /** Namespace prefix used when rendering. */
    public static final String PREFIX = "vbench";
    /** Local name of the metadata element. */
    public static final String ELEMENT = "run";
    /** Local name of the element in emitted (previewed) XML, which cleanup never matches. */
    public static final String EMITTED = "emitted";
    /** The variant value of the accelerator probe domain. */
    public static final String ACCEL_PROBE = "accel-probe";
    /** Run ids end up in domain and file names: a safe alphabet, no path separators. */
    public static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public RunTag {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(variant, "variant");
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' must match " + RUN_ID.pattern());
        }
        if (!Variant.NAME.matcher(variant).matches()) {
            throw new IllegalArgumentException("variant '" + variant + "' must match " + Variant.NAME.pattern());
        }
    }

    /** Whether this tag names {@code who} as its owner (a tag without owner names nobody). */
    public boolean ownedBy(RunOwner who) {
        return owner != null && owner.equals(who);
    }

    /** What the tag says about its owner, for cleanup's report. */
    public String describeOwner() {
        return owner == null ? "a tag without home and host" : owner.describe();
    }

    /**
     * Reads the tag from a complete domain XML ({@code virDomainGetXMLDesc} output). Pure.
     *
     * @return the tag (without owner when its {@code home} or {@code host} is missing or malformed), or empty when
     *         the domain carries no well-formed vbench run element
     * @throws IllegalArgumentException when the text is not XML at all
     */
    public static Optional<RunTag> fromDomainXml(String domainXml) {
        Document doc = parse(domainXml);
        Element root = doc.getDocumentElement();
        for (Node m = root.getFirstChild(); m != null; m = m.getNextSibling()) {
            if (m instanceof Element meta && "metadata".equals(meta.getLocalName()) && meta.getNamespaceURI() == null) {
                for (Node n = meta.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI())
                            && ELEMENT.equals(e.getLocalName())) {
                        return read(e);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<RunTag> read(Element e) {
        RunOwner owner;
        try {
            owner = new RunOwner(e.getAttribute("home"), e.getAttribute("host"));
        } catch (IllegalArgumentException noOwner) {
            owner = null;
        }
        try {
            return Optional.of(new RunTag(e.getAttribute("id"), e.getAttribute("variant"), owner));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Document parse(String xml) {
        return XmlDocuments.parse(xml, true, "domain XML");
    }
}
