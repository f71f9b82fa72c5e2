package dev.vbench.provisioning.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.provisioning.HostCommand;
import dev.vbench.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nbdkit's lifecycle and the ext4 backing-file tools on this host, without a guest (needs nbdkit, e2fsprogs). */
class NbdServerIT {
    @TempDir
    Path tmp;

    @Test
    void closeAndCrashAreIdempotentAndRemoveEverythingButTheBackingFile() {
        Path file = tmp.resolve("disk.raw");
        BackingFile.createSparse(file, 1L << 20);
        NbdServerSpec spec = new NbdServerSpec(file, tmp.resolve("nbd"), null);
        NbdServer server = NbdServer.start(spec, Duration.ofSeconds(30));
        assertThat(server.alive()).isTrue();
        assertThat(spec.socket()).exists();
        assertThat(spec.pidFile()).hasContent(Long.toString(server.pid()));
        server.close();
        server.close();
        server.crash();
        assertThat(server.alive()).isFalse();
        assertThat(spec.dir()).doesNotExist();
        assertThat(file).exists().hasSize(1L << 20);

        NbdServer again = NbdServer.start(spec, Duration.ofSeconds(30));
        long pid = again.pid();
        again.crash();
        again.close();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(spec.dir()).doesNotExist();
    }

    @Test
    void theServerOutlivesTheThreadThatStartedIt() throws Exception {
        Path file = tmp.resolve("disk.raw");
        BackingFile.createSparse(file, 1L << 20);
        NbdServerSpec spec = new NbdServerSpec(file, tmp.resolve("nbd"), null);
        NbdServer[] started = new NbdServer[1];
        Thread booter = new Thread(() -> started[0] = NbdServer.start(spec, Duration.ofSeconds(30)));
        booter.start();
        booter.join();
        try {
            // a parent-death signal tied to the thread that started nbdkit would have killed it by now
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < until && started[0].alive()) {
                Thread.sleep(50);
            }
            assertThat(started[0].alive()).as("nbdkit after the starting thread ended").isTrue();
            assertThat(spec.socket()).exists();
        } finally {
            started[0].close();
        }
    }

    @Test
    void anExistingDirectoryIsNeverReused() throws IOException {
        Path file = tmp.resolve("disk.raw");
        BackingFile.createSparse(file, 1L << 20);
        Path dir = Files.createDirectory(tmp.resolve("nbd"));
        Files.writeString(dir.resolve("someone-elses"), "x");
        assertThatThrownBy(() -> NbdServer.start(new NbdServerSpec(file, dir, null), Duration.ofSeconds(30)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("own directory");
        assertThat(dir.resolve("someone-elses")).hasContent("x");
    }

    @Test
    void aFailedStartCarriesNbdkitsOutputAndLeavesNothing() {
        Path file = tmp.resolve("disk.raw");
        BackingFile.createSparse(file, 1L << 20);
        NbdServerSpec spec = new NbdServerSpec(file, tmp.resolve("nbd"), "no-such-user-vb");
        assertThatThrownBy(() -> NbdServer.start(spec, Duration.ofSeconds(30)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("no-such-user-vb");
        assertThat(spec.dir()).doesNotExist();
    }

    @Test
    void ext4ImageIsCheckedAndReadOnTheHost() throws IOException {
        Path image = tmp.resolve("fs.raw");
        BackingFile.createExt4(image, 16L << 20);
        assertThat(BackingFile.fsck(image).clean()).isTrue();
        Path src = Files.writeString(tmp.resolve("records"), "VBDURREC\n");
        HostCommand.run(List.of("debugfs", "-w", "-R", "write " + src + " records.bin", image.toString()),
                Duration.ofSeconds(30));
        Path out = tmp.resolve("out.bin");
        BackingFile.extract(image, "/records.bin", out);
        assertThat(out).hasContent("VBDURREC\n");
        assertThatThrownBy(() -> BackingFile.extract(image, "/records.bin", out))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("exists already");
        assertThatThrownBy(() -> BackingFile.extract(image, "/missing", tmp.resolve("m")))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("File not found");
        try (var f = new java.io.RandomAccessFile(image.toFile(), "rw")) {
            f.seek(1024);
            f.write(new byte[1024]);
        }
        FsckReport broken = BackingFile.fsck(image);
        assertThat(broken.clean()).isFalse();
        assertThat(broken.firstLines()).anyMatch(l -> l.contains("Bad magic number"));
        assertThatThrownBy(() -> BackingFile.createSparse(image, 1L << 20))
                .isInstanceOf(ProvisioningException.class);
    }
}
