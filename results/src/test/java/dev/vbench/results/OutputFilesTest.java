package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No write of vbench goes through a symbolic link: each kind of write against a link planted where it writes. */
class OutputFilesTest {
    @TempDir
    Path tmp;
    private Path out;
    private Path canaryDir;
    private Path canary;

    @BeforeEach
    void plant() throws IOException {
        out = Files.createDirectory(tmp.resolve("out"));
        canaryDir = Files.createDirectory(tmp.resolve("canary-dir"));
        canary = Files.writeString(tmp.resolve("canary"), "precious\n");
    }

    @Test
    void writesReplacesAndAppendsRealFiles() throws IOException {
        Path file = out.resolve("a.txt");
        OutputFiles.writeNew(file, "one");
        OutputFiles.replace(file, "two");
        OutputFiles.append(file, "+three");
        assertThat(Files.readString(file)).isEqualTo("two+three");
        assertThat(OutputFiles.subdirectory(out, "raw/variant")).isDirectory();
        OutputFiles.replace(out.resolve("raw/variant/x.json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(out.resolve("raw/variant/x.json")).hasContent("{}");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("a.txt", "raw");
        }
    }

    @Test
    void aLinkInPlaceOfAFileIsNeverWrittenThrough() throws IOException {
        Path link = Files.createSymbolicLink(out.resolve("summary.json"), canary);
        assertThatThrownBy(() -> OutputFiles.replace(link, "x")).isInstanceOf(OutputFiles.UnsafePathException.class)
                .hasMessageContaining("is a symbolic link");
        assertThatThrownBy(() -> OutputFiles.writeNew(link, "x")).isInstanceOf(OutputFiles.UnsafePathException.class)
                .hasMessageContaining("is a symbolic link");
        assertThatThrownBy(() -> OutputFiles.append(link, "x")).isInstanceOf(OutputFiles.UnsafePathException.class)
                .hasMessageContaining("is a symbolic link");
        assertThat(canary).hasContent("precious");
        assertThat(Files.isSymbolicLink(link)).as("the link itself is left for the user").isTrue();
    }

    @Test
    void aDanglingLinkIsNotFollowedToCreateItsTarget() throws IOException {
        Path target = tmp.resolve("created-through-link");
        Path link = Files.createSymbolicLink(out.resolve("plan.yaml"), target);
        assertThatThrownBy(() -> OutputFiles.writeNew(link, "x")).isInstanceOf(OutputFiles.UnsafePathException.class);
        assertThatThrownBy(() -> OutputFiles.append(link, "x")).isInstanceOf(OutputFiles.UnsafePathException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void aLinkInPlaceOfADirectoryIsNeverEntered() throws IOException {
        Files.createSymbolicLink(out.resolve("raw"), canaryDir);
        assertThatThrownBy(() -> OutputFiles.subdirectory(out, "raw/variant"))
                .isInstanceOf(OutputFiles.UnsafePathException.class).hasMessageContaining("raw: is a symbolic link");
        Path linkedOut = Files.createSymbolicLink(tmp.resolve("linked-out"), canaryDir);
        assertThatThrownBy(() -> OutputFiles.directory(linkedOut)).isInstanceOf(OutputFiles.UnsafePathException.class);
        assertThatThrownBy(() -> OutputFiles.subdirectory(out, "../escape"))
                .isInstanceOf(OutputFiles.UnsafePathException.class);
        try (var files = Files.list(canaryDir)) {
            assertThat(files).isEmpty();
        }
        assertThat(tmp.resolve("escape")).doesNotExist();
    }

    @Test
    void aFileInPlaceOfADirectoryIsReportedInWords() throws IOException {
        Files.writeString(out.resolve("charts"), "not a directory");
        assertThatThrownBy(() -> OutputFiles.subdirectory(out, "charts")).isInstanceOf(FileAlreadyExistsException.class)
                .satisfies(e -> assertThat(OutputFiles.reason((IOException) e)).isEqualTo("exists and is not a directory"));
        assertThat(Files.isRegularFile(out.resolve("charts"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
