package dev.vbench.provisioning.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class Ext4CommandsTest {
    static final Path IMAGE = Path.of("/var/lib/vbench/runs/r1/trial-1.raw");

    @Test
    void mkfsAndFsckCommandLines() {
        assertThat(Ext4Commands.mkfs(IMAGE)).containsExactly("mkfs.ext4", "-q", "-F", IMAGE.toString());
        assertThat(Ext4Commands.fsck(IMAGE)).containsExactly("e2fsck", "-fn", IMAGE.toString());
    }

    @Test
    void dumpIsOneDebugfsRequest() {
        assertThat(Ext4Commands.dump(IMAGE, "/data/records.bin", Path.of("/var/lib/vbench/runs/r1/records-1.bin")))
                .containsExactly("debugfs", "-R", "dump -p /data/records.bin /var/lib/vbench/runs/r1/records-1.bin",
                        IMAGE.toString());
    }

    @Test
    void dumpRefusesPathsDebugfsWouldSplitOrResolveElsewhere() {
        Path out = Path.of("/tmp/out");
        for (String bad : new String[] {"records.bin", "/a b", "/a'b", "/a\"b", "", "/"}) {
            assertThatThrownBy(() -> Ext4Commands.dump(IMAGE, bad, out)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path in the image");
        }
        assertThatThrownBy(() -> Ext4Commands.dump(IMAGE, "/r", Path.of("out")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output file");
        assertThatThrownBy(() -> Ext4Commands.dump(IMAGE, "/r", Path.of("/tmp/a b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output file");
    }
}
