package dev.vbench.provisioning;

import java.util.Objects;
import java.util.Optional;

/**
 * A rendered domain definition ready to be defined: its name, the vbench tag it carries and the XML. The
 * constructor checks that the XML really carries {@code tag} in its metadata, so every domain vbench defines can be
 * found (and is the only kind touched) by cleanup; the tag must name its owner (home and host).
 *
 * @param name domain name ({@code <name>} of the XML)
 * @param tag  run id and variant written in the XML's metadata
 * @param xml  the libvirt domain XML
 */
public record DomainDefinition(String name, RunTag tag, String xml) {
    public DomainDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(xml, "xml");
        if (tag.owner() == null) {
            throw new IllegalArgumentException("the tag of domain '" + name + "' must name its home and host, or"
                    + " cleanup could never prove the domain is vbench's own");
        }
        Optional<RunTag> inXml = RunTag.fromDomainXml(xml);
        if (!inXml.equals(Optional.of(tag))) {
            throw new IllegalArgumentException("domain XML of '" + name + "' must carry vbench metadata " + tag
                    + ", found " + inXml.map(Object::toString).orElse("none"));
        }
        if (!xml.contains("<name>" + name + "</name>")) {
            throw new IllegalArgumentException("domain XML does not name the domain '" + name + "'");
        }
    }

    /** The definition of a variant's guest. */
    public static DomainDefinition of(DomainSpec spec) {
        return new DomainDefinition(spec.name(), spec.tag(), DomainXml.render(spec));
    }

    /** The definition of an accelerator probe. */
    public static DomainDefinition of(ProbeDomainSpec spec) {
        return new DomainDefinition(spec.name(), spec.tag(), DomainXml.renderProbe(spec));
    }
}
