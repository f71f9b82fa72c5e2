package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class DomainSpecTest {
    @Test
    void forVariantDerivesNamePathsMacAndTag() {
        DomainSpec s = DomainXmlCases.base();
        assertThat(s.name()).isEqualTo("vbench-r20261126-virtio-wb-virtio");
        assertThat(s.rootOverlay()).isEqualTo(DomainXmlCases.WORK.resolve(s.name() + "-root.qcow2"));
        assertThat(s.dataOverlay()).isEqualTo(DomainXmlCases.WORK.resolve(s.name() + "-data.qcow2"));
        assertThat(s.consoleLog()).isEqualTo(DomainXmlCases.WORK.resolve(s.name() + "-console.log"));
        assertThat(s.mac()).isEqualTo(MacAddress.forName(s.name()));
        assertThat(s.tag()).isEqualTo(new RunTag("r20261126", "virtio-wb-virtio", DomainXmlCases.OWNER));
        assertThat(s.rootOverlaySpec().backing()).isEqualTo(DomainXmlCases.IMAGE_DIR.resolve("disk.qcow2"));
        assertThat(s.dataOverlaySpec().backing()).isEqualTo(DomainXmlCases.IMAGE_DIR.resolve("data.raw"));
    }

    @Test
    void withMacChangesOnlyTheMacAndTheXmlCarriesIt() {
        DomainSpec b = DomainXmlCases.base();
        MacAddress other = MacAddress.forName(b.name() + "@attempt-2");
        DomainSpec again = b.withMac(other);
        assertThat(again.mac()).isEqualTo(other).isNotEqualTo(b.mac());
        assertThat(again.withMac(b.mac())).isEqualTo(b);
        assertThat(DomainXml.render(again)).contains("<mac address=\"" + other.value() + "\"/>")
                .doesNotContain(b.mac().value());
    }

    @Test
    void nbdSocketReplacesOnlyTheDataDiskAndSurvivesTheOtherWithers() {
        DomainSpec b = DomainXmlCases.base();
        Path socket = Path.of("/var/lib/vbench/runs/r1/nbd/nbd.sock");
        DomainSpec nbd = b.withDataNbdSocket(socket);
        assertThat(nbd.dataNbdSocket()).isEqualTo(socket);
        assertThat(b.dataNbdSocket()).isNull();
        assertThat(nbd.withMac(b.mac()).withConsoleLog(b.consoleLog()).withOverlays(b.rootOverlay(), b.dataOverlay()))
                .isEqualTo(nbd);
        assertThat(nbd.withDataNbdSocket(null)).isEqualTo(b);
        String xml = DomainXml.render(nbd);
        assertThat(xml).contains("<disk type=\"network\" device=\"disk\">", "socket=\"" + socket + "\"")
                .doesNotContain(b.dataOverlay().toString()).contains(b.rootOverlay().toString());
        assertThatThrownBy(() -> b.withDataNbdSocket(Path.of("nbd.sock")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NBD socket must be an absolute");
    }

    @Test
    void autoMustBeResolvedFirst() {
        DomainSpec b = DomainXmlCases.base();
        assertThatThrownBy(() -> new DomainSpec(b.name(), Accel.AUTO, b.guest(), b.variant(), b.rootOverlay(),
                b.dataOverlay(), b.image(), b.network(), b.mac(), b.tag(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accel auto");
    }

    @Test
    void pathsMustBeAbsolute() {
        DomainSpec b = DomainXmlCases.base();
        assertThatThrownBy(() -> new DomainSpec(b.name(), b.accel(), b.guest(), b.variant(), Path.of("root.qcow2"),
                b.dataOverlay(), b.image(), b.network(), b.mac(), b.tag(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root overlay must be an absolute");
        ImageSpec relKernel = new ImageSpec(Path.of("/i/disk.qcow2"), Path.of("vmlinuz"), null, null, null);
        assertThatThrownBy(() -> DomainXmlCases.withImage(b, relKernel))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image.kernel");
    }

    @Test
    void tagMustNameTheVariant() {
        DomainSpec b = DomainXmlCases.base();
        assertThatThrownBy(() -> new DomainSpec(b.name(), b.accel(), b.guest(), b.variant(), b.rootOverlay(),
                b.dataOverlay(), b.image(), b.network(), b.mac(), new RunTag("r20261126", "other", DomainXmlCases.OWNER), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differs from variant");
    }

    @Test
    void overlaysMustDiffer() {
        DomainSpec b = DomainXmlCases.base();
        assertThatThrownBy(() -> new DomainSpec(b.name(), b.accel(), b.guest(), b.variant(), b.rootOverlay(),
                b.rootOverlay(), b.image(), b.network(), b.mac(), b.tag(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different files");
    }

    @Test
    void specialCharactersInValuesAreEscaped() throws Exception {
        Path odd = Path.of("/srv/it's <a> \"lab\" & co");
        DomainSpec b = DomainXmlCases.base();
        DomainSpec s = new DomainSpec(b.name(), b.accel(), b.guest(), b.variant(), odd.resolve("root.qcow2"),
                odd.resolve("data.qcow2"), new ImageSpec(odd.resolve("disk.qcow2"), odd.resolve("vmlinuz"), null,
                "root=LABEL=root console=ttyS0 quiet & <x>", null), NetworkSpec.libvirtNetwork("net'1"), b.mac(),
                b.tag(), odd.resolve("console.log"));
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(DomainXml.render(s))));
        Element source = (Element) d.getElementsByTagName("source").item(1);
        assertThat(source.getAttribute("file")).isEqualTo(odd.resolve("data.qcow2").toString());
        assertThat(d.getElementsByTagName("cmdline").item(0).getTextContent())
                .isEqualTo("root=LABEL=root console=ttyS0 quiet & <x>");
        Element net = (Element) d.getElementsByTagName("source").item(2);
        assertThat(net.getAttribute("network")).isEqualTo("net'1");
    }

    @Test
    void charactersXmlCannotCarryAreRejected() {
        DomainSpec b = DomainXmlCases.base();
        DomainSpec s = DomainXmlCases.withImage(b, new ImageSpec(Path.of("/i/disk.qcow2"), Path.of("/i/vmlinuz"), null,
                "console=ttyS0\u0001", null));
        assertThatThrownBy(() -> DomainXml.render(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0001");
        DomainSpec lineBreak = new DomainSpec(b.name(), b.accel(), b.guest(), b.variant(), b.rootOverlay(),
                Path.of("/srv/two\nlines.qcow2"), b.image(), b.network(), b.mac(), b.tag(), null);
        assertThatThrownBy(() -> DomainXml.render(lineBreak)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("character U+000A cannot be written to XML attribute values (in '/srv/two\nlines.qcow2')");
    }

    @Test
    void definitionMustCarryItsTag() {
        DomainSpec b = DomainXmlCases.base();
        assertThat(DomainDefinition.of(b).tag()).isEqualTo(b.tag());
        String untagged = DomainXml.render(b).replaceAll("(?s)<metadata>.*</metadata>\n", "");
        assertThatThrownBy(() -> new DomainDefinition(b.name(), b.tag(), untagged))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found none");
        assertThatThrownBy(() -> new DomainDefinition("vbench-other", b.tag(), DomainXml.render(b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not name");
    }

    @Test
    void dataTargetsPerBus() {
        assertThat(DomainXml.dataTarget(DiskBus.IDE) + DomainXml.dataBus(DiskBus.IDE)).isEqualTo("hdaide");
        assertThat(DomainXml.dataTarget(DiskBus.SATA) + DomainXml.dataBus(DiskBus.SATA)).isEqualTo("sdasata");
        assertThat(DomainXml.dataTarget(DiskBus.VIRTIO) + DomainXml.dataBus(DiskBus.VIRTIO)).isEqualTo("vdbvirtio");
        assertThat(DomainXml.dataTarget(DiskBus.VIRTIO_SCSI) + DomainXml.dataBus(DiskBus.VIRTIO_SCSI))
                .isEqualTo("sdascsi");
    }
}
