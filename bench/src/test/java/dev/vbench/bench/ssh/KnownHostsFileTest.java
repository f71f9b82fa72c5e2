package dev.vbench.bench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hypervisor's key from a known_hosts file: plain, with a port, hashed (as ssh-keygen -H writes), or missing. */
class KnownHostsFileTest {
    private static final String ED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKjM2um+/KJql6ryFsMKCPHxxKvJoGVUGomkRReQOVy8";
    private static final String ED2 = ED.replace("OVy8", "OVy9");

    @TempDir
    Path dir;

    /** The hashed name form, computed here with the JDK's HMAC-SHA1 (independent of JSch). */
    private static String hashed(String host, byte[] salt) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.US_ASCII));
        Base64.Encoder b64 = Base64.getEncoder();
        return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash);
    }

    @Test
    void findsPlainPortAndHashedEntries() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "lab1 " + ED + "\n[lab2]:2222 " + ED2 + "\n"
                + hashed("10.0.0.3", "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII)) + " " + ED + "\n");
        assertThat(KnownHostsFile.lookup(file, "lab1", 22)).isEqualTo(HostPublicKey.parse(ED));
        assertThat(KnownHostsFile.lookup(file, "lab2", 2222)).isEqualTo(HostPublicKey.parse(ED2));
        assertThat(KnownHostsFile.lookup(file, "10.0.0.3", 22)).isEqualTo(HostPublicKey.parse(ED));
    }

    @Test
    void anUnknownHostOrAMissingFileIsRefusedWithTheFix() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "lab1 " + ED + "\n");
        assertThatThrownBy(() -> KnownHostsFile.lookup(file, "lab2", 22))
                .isInstanceOf(HostKeyMismatchException.class)
                .hasMessageContaining("holds no key of lab2; add it (e.g. ssh-keyscan -p 22 lab2");
        assertThatThrownBy(() -> KnownHostsFile.lookup(file, "lab1", 2222))
                .hasMessageContaining("holds no key of [lab1]:2222");
        assertThatThrownBy(() -> KnownHostsFile.lookup(dir.resolve("none"), "lab1", 22))
                .isInstanceOf(HostKeyMismatchException.class).hasMessageContaining("no known_hosts file");
    }
}
