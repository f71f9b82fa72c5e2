package dev.vbench.provisioning.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Real e2fsck 1.47.0 output (stdout and stderr merged) captured in {@code src/test/resources/captured}. */
class FsckReportTest {
    static String captured(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/captured", name));
    }

    @Test
    void cleanFileSystem() throws IOException {
        FsckReport o = FsckReport.of(0, captured("e2fsck-clean.txt"));
        assertThat(o.clean()).isTrue();
        assertThat(o.exit()).isZero();
        assertThat(o.firstLines()).hasSize(7).last().asString().contains("11/16384 files");
    }

    @Test
    void errorsLeftUncorrected() throws IOException {
        FsckReport o = FsckReport.of(4, captured("e2fsck-exit4-bad-superblock.txt"));
        assertThat(o.clean()).isFalse();
        assertThat(o.firstLines()).hasSize(FsckReport.LINES).element(1).asString()
                .isEqualTo("ext2fs_open2: Bad magic number in super-block");
    }

    @Test
    void uncheckableFileSystemsAreFindingsToo() throws IOException {
        FsckReport journal = FsckReport.of(12, captured("e2fsck-exit12-journal.txt"));
        assertThat(journal.clean()).isFalse();
        assertThat(journal.firstLines()).anyMatch(l -> l.contains("journal superblock is corrupt"));
        FsckReport none = FsckReport.of(8, captured("e2fsck-exit8-no-fs.txt"));
        assertThat(none.clean()).isFalse();
        assertThat(none.firstLines()).anyMatch(l -> l.contains("Bad magic number"));
    }

    @Test
    void e2fsckFailingItselfIsNoOutcome() throws IOException {
        String usage = captured("e2fsck-exit16-usage.txt");
        assertThatThrownBy(() -> FsckReport.of(16, usage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exit status 16").hasMessageContaining("invalid option");
    }

    @Test
    void cleanIsExactlyExitZero() {
        assertThatThrownBy(() -> new FsckReport(true, 4, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
