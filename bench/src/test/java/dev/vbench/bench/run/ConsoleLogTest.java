package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RawOutput#keepConsole}: a failed boot's console log, copied into the run directory without links. */
class ConsoleLogTest {
    @TempDir
    Path dir;
    Path run;
    Path pool;
    RawOutput raw;

    @BeforeEach
    void dirs() throws Exception {
        run = Files.createDirectories(dir.resolve("run"));
        pool = Files.createDirectories(dir.resolve("pool"));
        raw = new RawOutput(run);
    }

    @Test
    void theLogIsCopiedUnderTheBootAndNamed() throws Exception {
        Path log = Files.writeString(pool.resolve("vbench-r-a-console.log"), "Linux version 6.1\nKernel panic\n");

        assertThat(raw.keepConsole(log, "a.canary", 2)).isEqualTo("console: raw/a.canary/boot2/console.log");
        assertThat(Files.readString(run.resolve("raw/a.canary/boot2/console.log"))).isEqualTo(
                "Linux version 6.1\nKernel panic\n");
        assertThat(log).exists();
    }

    @Test
    void aHugeLogKeepsItsLastMebibyteAfterALineSayingSo() throws Exception {
        byte[] bytes = new byte[RawOutput.CONSOLE_MAX_BYTES + 10];
        Arrays.fill(bytes, (byte) 'x');
        byte[] end = "\nKernel panic - not syncing\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(end, 0, bytes, bytes.length - end.length, end.length);
        Path log = Files.write(pool.resolve("big.log"), bytes);

        raw.keepConsole(log, "a", 1);

        byte[] kept = Files.readAllBytes(run.resolve("raw/a/boot1/console.log"));
        String header = "[vbench: the first 10 bytes of the console log were dropped; its last 1048576 follow]\n";
        assertThat(kept).hasSize(header.length() + RawOutput.CONSOLE_MAX_BYTES);
        assertThat(new String(kept, 0, header.length(), StandardCharsets.US_ASCII)).isEqualTo(header);
        assertThat(Arrays.copyOfRange(kept, header.length(), kept.length))
                .isEqualTo(Arrays.copyOfRange(bytes, 10, bytes.length));
    }

    @Test
    void aMissingLogIsSaidSoAndNothingIsWritten() throws Exception {
        Path log = pool.resolve("absent.log");

        assertThat(raw.keepConsole(log, "a", 1)).isEqualTo("console log " + log
                + " not kept: no such file here (a remote libvirt host writes it there)");
        assertThat(run.resolve("raw")).doesNotExist();
    }

    @Test
    void aLinkInPlaceOfTheLogIsNotFollowed() throws Exception {
        Path secret = Files.writeString(dir.resolve("shadow"), "root:secret\n");
        Path log = Files.createSymbolicLink(pool.resolve("vbench-r-a-console.log"), secret);

        assertThat(raw.keepConsole(log, "a", 1)).isEqualTo("console log " + log
                + " not kept: a symbolic link");
        assertThat(run.resolve("raw")).doesNotExist();
    }

    @Test
    void aLinkPlantedInTheRunDirectoryStopsTheRunAndIsNotWrittenThrough() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(run.resolve("raw"));
        Files.createSymbolicLink(run.resolve("raw/a"), elsewhere);
        Path log = Files.writeString(pool.resolve("vbench-r-a-console.log"), "boot\n");

        assertThatThrownBy(() -> raw.keepConsole(log, "a", 1)).isInstanceOf(OutputException.class)
                .hasMessageContaining("refusing to write the run directory").hasMessageContaining("symbolic link");
        try (var listing = Files.list(elsewhere)) {
            assertThat(listing).isEmpty();
        }
    }
}
