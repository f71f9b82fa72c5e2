package dev.vbench.bench.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.provisioning.HostCommand;
import dev.vbench.provisioning.ProvisioningException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRootsTest {
    @TempDir
    Path dir;
    private Path images;
    private Path outside;
    private ImageRoots roots;

    @BeforeEach
    void layout() throws Exception {
        images = Files.createDirectories(dir.resolve("lab/images/h"));
        outside = Files.createDirectories(dir.resolve("outside"));
        roots = ImageRoots.of(new LabHome(dir.resolve("lab")), List.of());
    }

    private Path check(Path file) {
        return roots.check("image.disk", file, "fix image: in the plan");
    }

    @Test
    void aRegularFileUnderTheLabsImagesIsItsRealPath() throws Exception {
        Path disk = Files.write(images.resolve("disk.qcow2"), new byte[] {1});
        assertThat(check(disk)).isEqualTo(disk.toRealPath());
        assertThat(check(images.resolve("../h/./disk.qcow2"))).isEqualTo(disk.toRealPath());
    }

    @Test
    void aLinkAboveTheAllowedDirectoryIsTheUsersOwnChoice() throws Exception {
        Path disk = Files.write(images.resolve("disk.qcow2"), new byte[] {1});
        Path home = Files.createSymbolicLink(dir.resolve("home-link"), dir.resolve("lab"));
        ImageRoots viaLink = ImageRoots.of(new LabHome(home), List.of());
        assertThat(viaLink.check("image.disk", home.resolve("images/h/disk.qcow2"), "x")).isEqualTo(disk.toRealPath());
        assertThat(viaLink.check("image.disk", disk, "x")).isEqualTo(disk.toRealPath());
    }

    @Test
    void aDirectoryAllowedOnTheCommandLineHoldsImagesToo() throws Exception {
        Path disk = Files.write(outside.resolve("disk.qcow2"), new byte[] {1});
        assertThatThrownBy(() -> check(disk)).isInstanceOf(RunInputException.class)
                .hasMessage("image.disk: " + disk + " lies outside " + dir.resolve("lab/images") + "; move it under "
                        + dir.resolve("lab/images") + " or allow its directory with --allow-images " + outside);
        ImageRoots allowed = ImageRoots.of(new LabHome(dir.resolve("lab")), List.of(outside));
        assertThat(allowed.check("image.disk", disk, "x")).isEqualTo(disk.toRealPath());
    }

    @Test
    void aLinkIsRefusedWhereverItPoints() throws Exception {
        Path inside = Files.write(images.resolve("real.qcow2"), new byte[] {1});
        Path toInside = Files.createSymbolicLink(images.resolve("disk.qcow2"), inside);
        Path toEtc = Files.createSymbolicLink(images.resolve("x.img"), Path.of("/etc/hostname"));
        assertThatThrownBy(() -> check(toInside)).isInstanceOf(RunInputException.class)
                .hasMessageContaining("image.disk: " + toInside + " is a symbolic link (to " + inside + ")")
                .hasMessageContaining("put the file itself there");
        assertThatThrownBy(() -> check(toEtc)).hasMessageContaining("is a symbolic link (to /etc/hostname)");
    }

    @Test
    void aLinkedDirectoryOnTheWayIsRefusedWithTheRealPathOrTheMove() throws Exception {
        Path disk = Files.write(images.resolve("disk.qcow2"), new byte[] {1});
        Path alias = Files.createSymbolicLink(dir.resolve("lab/images/default"), images);
        assertThatThrownBy(() -> check(alias.resolve("disk.qcow2"))).isInstanceOf(RunInputException.class)
                .hasMessage("image.disk: " + alias.resolve("disk.qcow2") + " is reached through the symbolic link "
                        + alias + "; give the path without links, " + disk.toRealPath());
        Path target = Files.write(outside.resolve("disk.qcow2"), new byte[] {1});
        Path out = Files.createSymbolicLink(dir.resolve("lab/images/out"), outside);
        assertThatThrownBy(() -> check(out.resolve("disk.qcow2")))
                .hasMessageEndingWith("is reached through the symbolic link " + out + "; give the path without links, "
                        + target.toRealPath() + ", and move it under " + dir.resolve("lab/images")
                        + " or allow its directory with --allow-images " + outside.toRealPath());
        ImageRoots alsoOutside = ImageRoots.of(new LabHome(dir.resolve("lab")), List.of(outside));
        assertThat(alsoOutside.check("image.disk", target, "x")).isEqualTo(target.toRealPath());
        assertThatThrownBy(() -> alsoOutside.check("image.disk", out.resolve("disk.qcow2"), "x"))
                .hasMessageContaining("is reached through the symbolic link " + out + "; give the path without links, "
                        + target.toRealPath()).hasMessageNotContaining("and move it");
    }

    @Test
    void specialFilesAreNamedForWhatTheyAre() throws Exception {
        Path fifo = images.resolve("disk.qcow2");
        HostCommand.run(List.of("mkfifo", fifo.toString()), Duration.ofSeconds(10));
        assertThatThrownBy(() -> check(fifo)).isInstanceOf(RunInputException.class)
                .hasMessage("image.disk: " + fifo + " is a FIFO, not a regular file; give an image file");
        ImageRoots dev = ImageRoots.of(new LabHome(dir.resolve("lab")), List.of(Path.of("/dev")));
        assertThatThrownBy(() -> dev.check("image.kernel", Path.of("/dev/null"), "x"))
                .hasMessage("image.kernel: /dev/null is a character device, not a regular file; give an image file");
        assertThatThrownBy(() -> check(images)).hasMessageContaining("is a directory, not a regular file");
    }

    @Test
    void aFileWithASecondNameIsRefused() throws Exception {
        Path original = Files.write(outside.resolve("secret"), new byte[] {1});
        Path disk = Files.createLink(images.resolve("disk.qcow2"), original);
        assertThatThrownBy(() -> check(disk)).isInstanceOf(RunInputException.class)
                .hasMessageContaining("has 2 names (hard links)").hasMessageContaining("use a copy of it");
    }

    @Test
    void aMissingFileIsTheLabsProblemWithTheGivenFix() {
        assertThatThrownBy(() -> check(images.resolve("nothing.qcow2"))).isInstanceOf(ProvisioningException.class)
                .hasMessage("find image file " + images.resolve("nothing.qcow2")
                        + ": it does not exist; fix image: in the plan");
    }
}
