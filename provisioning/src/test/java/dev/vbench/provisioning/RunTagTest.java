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
                    <vbench:run xmlns:vbench="https://vbench.dev/xmlns/run/1" id="r1" variant="ide-wb"/>
                  </metadata>
                </domain>
                """;
        assertThat(RunTag.fromDomainXml(live)).contains(new RunTag("r1", "ide-wb"));
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
        assertThatThrownBy(() -> new RunTag("a/b", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id 'a/b'");
        assertThatThrownBy(() -> new RunTag("r1", "X Y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RunTag("2026-11-26T10.00", RunTag.ACCEL_PROBE).variant()).isEqualTo("accel-probe");
    }
}
