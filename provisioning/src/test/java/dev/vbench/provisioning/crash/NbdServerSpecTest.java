package dev.vbench.provisioning.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NbdServerSpecTest {
    static final Path FILE = Path.of("/var/lib/vbench/runs/r1/trial-3.raw");
    static final Path DIR = Path.of("/var/lib/vbench/runs/r1/nbd-3");

    @Test
    void argvRunsTheFilePluginBehindTheWritebackCacheInTheForeground() {
        NbdServerSpec s = new NbdServerSpec(FILE, DIR, "libvirt-qemu");
        assertThat(s.argv()).containsExactly("nbdkit", "--foreground", "--exit-with-parent",
                "--unix", "/var/lib/vbench/runs/r1/nbd-3/nbd.sock", "--pidfile", "/var/lib/vbench/runs/r1/nbd-3/nbd.pid",
                "--filter=cache", "file", "file=/var/lib/vbench/runs/r1/trial-3.raw", "cache=writeback");
        assertThat(s.environment()).isEqualTo(Map.of("TMPDIR", "/var/lib/vbench/runs/r1/nbd-3/cache"));
        assertThat(s.socket().getParent()).isEqualTo(DIR);
        assertThat(s.pidFile().getParent()).isEqualTo(DIR);
        assertThat(s.cacheDir().getParent()).isEqualTo(DIR);
    }

    @Test
    void pathsMustBeAbsoluteAndTheFileOutsideTheServersDirectory() {
        assertThatThrownBy(() -> new NbdServerSpec(Path.of("disk.raw"), DIR, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> new NbdServerSpec(DIR.resolve("disk.raw"), DIR, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be in the server's");
    }

    @Test
    void socketPathMustFitSunPath() {
        Path longest = Path.of("/" + "d".repeat(NbdServerSpec.MAX_SOCKET_BYTES - 1 - "/nbd.sock".length()));
        assertThat(new NbdServerSpec(FILE, longest, null).socket().toString())
                .hasSize(NbdServerSpec.MAX_SOCKET_BYTES);
        Path tooLong = Path.of(longest + "x");
        assertThatThrownBy(() -> new NbdServerSpec(FILE, tooLong, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 107");
    }

    @Test
    void clientUserIsAPlainUserName() {
        assertThat(new NbdServerSpec(FILE, DIR, null).clientUser()).isNull();
        assertThatThrownBy(() -> new NbdServerSpec(FILE, DIR, "root; rm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client user");
    }
}
