package dev.vbench.bench.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.provisioning.HostCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backing chains made by the real qemu-img, checked link by link with the real qemu-img. */
class BackingChainTest {
    @TempDir
    Path dir;
    private Path images;
    private Path outside;
    private ImageRoots roots;
    private final List<Path> inspected = new ArrayList<>();

    /** The real qemu-img, remembering what it was asked to read. */
    private HostCommand.Output inspect(Path image, String format) {
        inspected.add(image);
        return BackingChain.QEMU_IMG.inspect(image, format);
    }

    @BeforeEach
    void layout() throws Exception {
        images = Files.createDirectories(dir.resolve("lab/images/h")).toRealPath();
        outside = Files.createDirectories(dir.resolve("outside")).toRealPath();
        roots = ImageRoots.of(new LabHome(dir.resolve("lab")), List.of());
    }

    private List<Path> check(Path disk, String format) {
        return BackingChain.check("image.disk", disk, format, roots, this::inspect);
    }

    @Test
    void aChainInsideTheRootsIsEveryMemberInOrder() throws Exception {
        Path base = TestQemuImg.qcow2(images.resolve("base.qcow2"));
        Path data = Files.write(images.resolve("data.raw"), new byte[4096]);
        Path mid = TestQemuImg.overlay(images.resolve("mid.qcow2"), data.toString(), "raw");
        Path top = TestQemuImg.overlay(images.resolve("top.qcow2"), "mid.qcow2", "qcow2");
        assertThat(check(top, "qcow2")).containsExactly(top, mid, data);
        assertThat(inspected).as("raw members are not read").containsExactly(top, mid);
        assertThat(check(base, "qcow2")).containsExactly(base);
    }

    @Test
    void aRawDiskIsNotReadAtAll() throws Exception {
        Path raw = Files.write(images.resolve("disk.raw"), new byte[4096]);
        assertThat(check(raw, "raw")).containsExactly(raw);
        assertThat(inspected).isEmpty();
    }

    @Test
    void aBackingFileOutsideTheRootsIsRefusedUnlessItsDirectoryIsAllowed() {
        Path base = TestQemuImg.qcow2(outside.resolve("base.qcow2"));
        Path top = TestQemuImg.overlay(images.resolve("top.qcow2"), base.toString(), "qcow2");
        assertThatThrownBy(() -> check(top, "qcow2")).isInstanceOf(RunInputException.class)
                .hasMessageStartingWith("image.disk (backing file of " + top + "): " + base + " lies outside")
                .hasMessageContaining("--allow-images " + outside);
        roots = ImageRoots.of(new LabHome(dir.resolve("lab")), List.of(outside));
        assertThat(check(top, "qcow2")).containsExactly(top, base);
    }

    @Test
    void protocolsAreRefusedBeforeQemuImgOpensThem() {
        for (String backing : List.of("nbd:127.0.0.1:10809",
                "json:{\"driver\":\"raw\",\"file\":{\"driver\":\"file\",\"filename\":\"/etc/hostname\"}}",
                "http://example.org/disk.qcow2", "file:/etc/hostname")) {
            inspected.clear();
            Path top = TestQemuImg.overlay(images.resolve("top.qcow2"), backing, "raw");
            String protocol = backing.substring(0, backing.indexOf(':'));
            assertThatThrownBy(() -> check(top, "qcow2")).as(backing).isInstanceOf(RunInputException.class)
                    .hasMessageContaining("image.disk: " + top + " has the backing file '" + backing + "', which uses"
                            + " the protocol '" + protocol + ":'; only local files are allowed; rebase it");
            assertThat(inspected).containsExactly(top);
        }
    }

    @Test
    void aBackingFileThatIsALinkIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(images.resolve("base.qcow2"), Path.of("/etc/hostname"));
        Path top = TestQemuImg.overlay(images.resolve("top.qcow2"), "base.qcow2", "raw");
        assertThatThrownBy(() -> check(top, "qcow2"))
                .hasMessageStartingWith("image.disk (backing file of " + top + "): " + link + " is a symbolic link");
    }

    @Test
    void dotDotInABackingNameIsRefused() {
        TestQemuImg.qcow2(images.resolve("base.qcow2"));
        Path top = TestQemuImg.overlay(images.resolve("top.qcow2"), "x/../base.qcow2", "qcow2");
        assertThatThrownBy(() -> check(top, "qcow2")).hasMessageContaining("through '..'");
    }

    @Test
    void formatsOtherThanQcow2AndRawAreRefused() {
        Path top = TestQemuImg.overlay(images.resolve("top.qcow2"), "base.vmdk", "vmdk");
        assertThatThrownBy(() -> check(top, "qcow2"))
                .hasMessageContaining("has a backing file in format 'vmdk'; vbench takes qcow2 or raw");
    }

    @Test
    void aBackingFileWithoutItsFormatIsRefused() {
        TestQemuImg.qcow2(images.resolve("base.qcow2"));
        Path top = TestQemuImg.overlay(images.resolve("top.qcow2"), "base.qcow2", "qcow2");
        // qemu-img 7 no longer writes such headers; older ones did: the real output without the format
        String unstated = TestQemuImg.info(top, "qcow2").replaceAll("\"backing-filename-format\": \"qcow2\",", "");
        assertThat(unstated).doesNotContain("backing-filename-format");
        assertThatThrownBy(() -> BackingChain.check("image.disk", top, "qcow2", roots,
                (image, format) -> new HostCommand.Output(0, unstated, "")))
                .hasMessageContaining("names its backing file base.qcow2 without its format (QEMU would guess it)")
                .hasMessageContaining("qemu-img rebase -u -b base.qcow2 -F qcow2 " + top);
    }

    @Test
    void anExternalDataFileIsRefused() throws Exception {
        Path data = Files.write(images.resolve("data.bin"), new byte[0]);
        Path top = images.resolve("top.qcow2");
        TestQemuImg.run("create", "-q", "-f", "qcow2", "-o", "data_file=" + data, top.toString(), "1M");
        assertThatThrownBy(() -> check(top, "qcow2"))
                .hasMessageContaining("keeps its data in the external file " + data);
    }

    @Test
    void anImageThatIsNotWhatItsNameSaysIsRefusedWithQemuImgsReason() throws Exception {
        Path fake = Files.write(images.resolve("disk.qcow2"), new byte[4096]);
        assertThatThrownBy(() -> check(fake, "qcow2")).isInstanceOf(RunInputException.class)
                .hasMessageContaining("image.disk: " + fake + " cannot be read as qcow2 (qemu-img:")
                .hasMessageContaining("Image is not in qcow2 format")
                .hasMessageEndingWith("give a qcow2 image, or name a raw image *.raw");
    }

    @Test
    void loopsAndOverlongChainsAreRefused() {
        Path self = TestQemuImg.qcow2(images.resolve("self.qcow2"));
        TestQemuImg.run("rebase", "-u", "-f", "qcow2", "-b", self.toString(), "-F", "qcow2", self.toString());
        assertThatThrownBy(() -> check(self, "qcow2")).hasMessageContaining("loops back to " + self);

        Path member = TestQemuImg.qcow2(images.resolve("m0.qcow2"));
        for (int i = 1; i <= BackingChain.MAX_MEMBERS; i++) {
            member = TestQemuImg.overlay(images.resolve("m" + i + ".qcow2"), "m" + (i - 1) + ".qcow2", "qcow2");
        }
        Path longest = member;
        assertThatThrownBy(() -> check(longest, "qcow2"))
                .hasMessageContaining("has a backing chain of more than " + BackingChain.MAX_MEMBERS + " images");
        assertThat(check(images.resolve("m" + (BackingChain.MAX_MEMBERS - 1) + ".qcow2"), "qcow2"))
                .hasSize(BackingChain.MAX_MEMBERS);
    }

    @Test
    void aProtocolIsAColonBeforeTheFirstSlashAsInQemu() {
        assertThat(BackingChain.protocol("nbd:localhost:10809")).isEqualTo("nbd");
        assertThat(BackingChain.protocol("json:{\"a\": \"/b\"}")).isEqualTo("json");
        assertThat(BackingChain.protocol("https://h/x")).isEqualTo("https");
        assertThat(BackingChain.protocol("/images/a:b.qcow2")).isNull();
        assertThat(BackingChain.protocol("dir/a:b.qcow2")).isNull();
        assertThat(BackingChain.protocol("base.qcow2")).isNull();
    }
}
