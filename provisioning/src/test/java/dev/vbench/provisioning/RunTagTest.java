package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunTagTest {
    @Test
    void readsTheTagBackFromRenderedXml() {
        DomainSpec spec = DomainXmlCases.base();
        assertThat(RunTag.fromDomainXml(DomainXml.render(spec))).contains(spec.tag());
    }

    @Test
    void readsTheTagFromLibvirtsLiveXmlWithOtherMetadata() {
        // libvirt re-serialises the metadata element with double quotes, next to other applications' elements
        String live = """
                <domain type='qemu' id='4'>
                  <name>vbench-r1-ide-wb</name>
                  <uuid>0b0c9a9e-5c1d-4cb4-9d4e-6c4b0e3b2f11</uuid>
                  <metadata>
                    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
                      <libosinfo:os id="http://debian.org/debian/12"/>
                    </libosinfo:libosinfo>
                    <vbench:run xmlns:vbench="https://vbench.dev/xmlns/run/1" id="r1" variant="ide-wb"
                        home="0123456789abcdef" host="fedcba9876543210"/>
                  </metadata>
                </domain>
                """;
        assertThat(RunTag.fromDomainXml(live)).contains(new RunTag("r1", "ide-wb", DomainXmlCases.OWNER));
    }

    @Test
    void noTagWithoutOurNamespace() {
        assertThat(RunTag.fromDomainXml("<domain type='kvm'><name>web</name></domain>")).isEmpty();
        assertThat(RunTag.fromDomainXml("<domain><name>x</name><metadata><run id='r1' variant='a'/></metadata>"
                + "</domain>")).as("right name, no namespace").isEmpty();
        assertThat(RunTag.fromDomainXml("<domain><name>x</name><metadata><v:run xmlns:v='https://vbench.dev/xmlns/run/2'"
                + " id='r1' variant='a'/></metadata></domain>")).as("other namespace version").isEmpty();
        assertThat(RunTag.fromDomainXml("<domain><name>x</name><devices><v:run xmlns:v='" + RunTag.NAMESPACE
                + "' id='r1' variant='a'/></devices></domain>")).as("outside metadata").isEmpty();
    }

    @Test
    void malformedTagIsNoTag() {
        assertThat(RunTag.fromDomainXml("<domain><metadata><v:run xmlns:v='" + RunTag.NAMESPACE
                + "' id='../etc' variant='a'/></metadata></domain>")).isEqualTo(Optional.empty());
        assertThat(RunTag.fromDomainXml("<domain><metadata><v:run xmlns:v='" + RunTag.NAMESPACE
                + "' variant='a'/></metadata></domain>")).isEmpty();
    }

    @Test
    void notXmlIsAnError() {
        assertThatThrownBy(() -> RunTag.fromDomainXml("error: failed to get domain")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("not a domain XML");
    }

    @Test
    void validatesRunIdAndVariant() {
        assertThatThrownBy(() -> new RunTag("a/b", "x", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id 'a/b'");
        assertThatThrownBy(() -> new RunTag("r1", "X Y", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RunTag("2026-11-26T10.00", RunTag.ACCEL_PROBE, null).variant()).isEqualTo("accel-probe");
    }

    @Test
    void aTagWithoutHomeAndHostNamesNoOwner() {
        // written by vbench before tags named their owner, or by hand: listed, but nobody's to clean up
        String old = "<domain><name>x</name><metadata><v:run xmlns:v='" + RunTag.NAMESPACE
                + "' id='r1' variant='a'/></metadata></domain>";
        RunTag tag = RunTag.fromDomainXml(old).orElseThrow();
        assertThat(tag).isEqualTo(new RunTag("r1", "a", null));
        assertThat(tag.ownedBy(DomainXmlCases.OWNER)).isFalse();
        assertThat(tag.describeOwner()).isEqualTo("a tag without home and host");
        String halfOwned = "<domain><metadata><v:run xmlns:v='" + RunTag.NAMESPACE
                + "' id='r1' variant='a' home='0123456789abcdef' host='../etc'/></metadata></domain>";
        assertThat(RunTag.fromDomainXml(halfOwned)).contains(new RunTag("r1", "a", null));
    }

    @Test
    void ownedOnlyByTheSameHomeAndHost() {
        RunTag tag = DomainXmlCases.base().tag();
        RunOwner me = DomainXmlCases.OWNER;
        assertThat(tag.ownedBy(me)).isTrue();
        assertThat(tag.ownedBy(new RunOwner("0000000000000000", me.host()))).as("another home").isFalse();
        assertThat(tag.ownedBy(new RunOwner(me.home(), "0000000000000000"))).as("another host").isFalse();
        assertThat(tag.describeOwner()).isEqualTo("home 0123456789abcdef on host fedcba9876543210");
    }

    @Test
    void emittedXmlCarriesNoRunTag() {
        DomainSpec spec = DomainXmlCases.base();
        String emitted = DomainXml.renderEmitted(spec);
        assertThat(emitted).contains("<vbench:emitted xmlns:vbench=\"" + RunTag.NAMESPACE + "\" run=\"r20261126\"");
        assertThat(RunTag.fromDomainXml(emitted)).isEmpty();
        assertThatThrownBy(() -> new DomainDefinition(spec.name(), spec.tag(), emitted))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found none");
    }

    @Test
    void vbenchDefinesNoDomainWithoutOwner() {
        DomainSpec base = DomainXmlCases.base();
        RunTag ownerless = new RunTag(base.tag().runId(), base.tag().variant(), null);
        DomainSpec spec = new DomainSpec(base.name(), base.accel(), base.guest(), base.variant(), base.rootOverlay(),
                base.dataOverlay(), base.image(), base.network(), base.mac(), ownerless, base.consoleLog());
        assertThatThrownBy(() -> DomainXml.render(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no home and host");
        assertThatThrownBy(() -> new DomainDefinition(spec.name(), ownerless, DomainXml.renderEmitted(spec)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must name its home and host");
    }
}
