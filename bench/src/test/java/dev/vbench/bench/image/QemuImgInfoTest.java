package dev.vbench.bench.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.provisioning.ProvisioningException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser of {@code qemu-img info --output=json}, fed the real tool's output for images made in the test. */
class QemuImgInfoTest {
    @TempDir
    Path dir;

    @Test
    void aStandaloneQcow2HasNoBackingAndNoDataFile() {
        Path base = TestQemuImg.qcow2(dir.resolve("base.qcow2"));
        assertThat(QemuImgInfo.parse(TestQemuImg.info(base, "qcow2")))
                .isEqualTo(new QemuImgInfo(base.toString(), "qcow2", null, null, null));
    }

    @Test
    void anOverlayNamesItsBackingFileAsItsHeaderHoldsIt() {
        TestQemuImg.qcow2(dir.resolve("base.qcow2"));
        Path relative = TestQemuImg.overlay(dir.resolve("rel.qcow2"), "base.qcow2", "qcow2");
        Path absolute = TestQemuImg.overlay(dir.resolve("abs.qcow2"), dir.resolve("base.qcow2").toString(), "qcow2");
        assertThat(QemuImgInfo.parse(TestQemuImg.info(relative, "qcow2")))
                .isEqualTo(new QemuImgInfo(relative.toString(), "qcow2", "base.qcow2", "qcow2", null));
        assertThat(QemuImgInfo.parse(TestQemuImg.info(absolute, "qcow2")).backingFilename())
                .isEqualTo(dir.resolve("base.qcow2").toString());
    }

    @Test
    void protocolsAndFormatsAreReportedAsTheHeaderStatesThem() {
        Path json = TestQemuImg.overlay(dir.resolve("json.qcow2"),
                "json:{\"driver\":\"raw\",\"file\":{\"driver\":\"file\",\"filename\":\"/etc/hostname\"}}", "raw");
        Path nbd = TestQemuImg.overlay(dir.resolve("nbd.qcow2"), "nbd:127.0.0.1:10809", "raw");
        Path vmdk = TestQemuImg.overlay(dir.resolve("vmdk.qcow2"), "base.vmdk", "vmdk");
        assertThat(QemuImgInfo.parse(TestQemuImg.info(json, "qcow2")).backingFilename())
                .isEqualTo("json:{\"driver\":\"raw\",\"file\":{\"driver\":\"file\",\"filename\":\"/etc/hostname\"}}");
        assertThat(QemuImgInfo.parse(TestQemuImg.info(nbd, "qcow2")))
                .extracting(QemuImgInfo::backingFilename, QemuImgInfo::backingFormat)
                .containsExactly("nbd:127.0.0.1:10809", "raw");
        assertThat(QemuImgInfo.parse(TestQemuImg.info(vmdk, "qcow2")).backingFormat()).isEqualTo("vmdk");
    }

    @Test
    void anExternalDataFileIsReported() throws Exception {
        Path data = Files.write(dir.resolve("data.bin"), new byte[0]);
        Path image = dir.resolve("df.qcow2");
        TestQemuImg.run("create", "-q", "-f", "qcow2", "-o", "data_file=" + data + ",data_file_raw=on",
                image.toString(), "1M");
        assertThat(QemuImgInfo.parse(TestQemuImg.info(image, "qcow2")).dataFile()).isEqualTo(data.toString());
    }

    @Test
    void aRawImageIsRaw() throws Exception {
        Path raw = Files.write(dir.resolve("d.raw"), new byte[4096]);
        assertThat(QemuImgInfo.parse(TestQemuImg.info(raw, "raw")))
                .isEqualTo(new QemuImgInfo(raw.toString(), "raw", null, null, null));
    }

    @Test
    void brokenOutputIsATypedFailure() {
        TestQemuImg.qcow2(dir.resolve("base.qcow2"));
        String chain = TestQemuImg.run("info", "--backing-chain", "--output=json", "-U",
                dir.resolve("base.qcow2").toString());
        assertThatThrownBy(() -> QemuImgInfo.parse(chain)).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("expected one JSON object, got ARRAY");
        assertThatThrownBy(() -> QemuImgInfo.parse("qemu-img: Could not open 'x': No such file"))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("not JSON")
                .hasMessageContaining("qemu-utils");
        assertThatThrownBy(() -> QemuImgInfo.parse("")).hasMessageContaining("got nothing");
        assertThatThrownBy(() -> QemuImgInfo.parse("{\"filename\": \"/x\"}")).hasMessageContaining("no \"format\"");
        assertThatThrownBy(() -> QemuImgInfo.parse("{\"filename\": \"/x\", \"format\": \"qcow2\", "
                + "\"backing-filename\": 7}")).hasMessageContaining("\"backing-filename\" is not text");
    }
}
