package dev.vbench.bench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPublicKeyTest {
    /** A real ed25519 public key line from {@code ssh-keygen -t ed25519 -C root@image}. */
    static final String LINE =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKjM2um+/KJql6ryFsMKCPHxxKvJoGVUGomkRReQOVy8 root@image";

    @Test
    void parsesAnOpenSshLineAndComputesTheOpenSshFingerprint() {
        HostPublicKey key = HostPublicKey.parse(LINE);
        assertThat(key.type()).isEqualTo("ssh-ed25519");
        assertThat(key.blob()).hasSize(51);
        assertThat(key.toString()).isEqualTo(LINE.substring(0, LINE.lastIndexOf(' ')));
        // as printed by: ssh-keygen -lf host_key.pub
        assertThat(key.fingerprint()).isEqualTo("SHA256:OjGAHZUUTHoBVg0EdhAxVlx31X5u6Fj/OCFu48jKGbA");
        assertThat(key.matches(key.blob())).isTrue();
        byte[] other = key.blob();
        other[other.length - 1] ^= 1;
        assertThat(key.matches(other)).isFalse();
    }

    @Test
    void readsTheFirstLineOfAPubFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("host_key.pub");
        Files.writeString(file, LINE + "\n");
        assertThat(HostPublicKey.read(file)).isEqualTo(HostPublicKey.parse(LINE));
    }

    @Test
    void rejectsWhatIsNotAPublicKeyLine() {
        assertThatThrownBy(() -> HostPublicKey.parse("AAAAC3NzaC1lZDI1NTE5")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("not an OpenSSH public key line");
        assertThatThrownBy(() -> HostPublicKey.parse("ssh-ed25519 not*base64")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> HostPublicKey.parse(LINE.replace("ssh-ed25519", "ssh-rsa")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its data is of type 'ssh-ed25519'");
    }
}
