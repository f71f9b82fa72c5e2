package dev.vbench.bench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest behind its hypervisor host: the session goes through the jump host's forwarded port, both host keys are
 * checked, and a wrong key of either is refused with a message naming which one.
 */
class JumpHostTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final KeyPair jumpKey = TestSshServer.ecdsaP256();
    private final KeyPair guestKey = TestSshServer.ecdsaP256();
    private final KeyPair clientKey = TestSshServer.ecdsaP256();
    private TestSshServer jump;
    private TestSshServer guest;
    private Path clientKeyFile;

    @BeforeEach
    void start() throws Exception {
        jump = TestSshServer.start(0, jumpKey, clientKey.getPublic(), true);
        guest = TestSshServer.start(0, guestKey, clientKey.getPublic());
        clientKeyFile = TestSshServer.writePrivateKey(clientKey, dir.resolve("id_ecdsa"));
    }

    @AfterEach
    void stop() throws Exception {
        guest.close();
        jump.close();
    }

    private SshTarget guestVia(HostPublicKey guestHostKey, HostPublicKey jumpHostKey) {
        SshTarget host = new SshTarget("127.0.0.1", jump.port(), "root", clientKeyFile, jumpHostKey);
        return new SshTarget("127.0.0.1", guest.port(), "root", clientKeyFile, guestHostKey).via(host);
    }

    @Test
    void aCommandRunsInTheGuestReachedThroughItsHost() {
        SshTarget target = guestVia(TestSshServer.publicKey(guestKey), TestSshServer.publicKey(jumpKey));
        try (GuestShell shell = GuestShell.connect(target, TIMEOUT)) {
            assertThat(shell.exec(List.of("echo", "through the host"), TIMEOUT).stdout()).isEqualTo(
                    "through the host\n");
        }
        assertThat(guest.commands.get()).isEqualTo(1);
        assertThat(jump.commands.get()).as("the jump host only forwards").isZero();
        assertThat(target.toString()).endsWith(" via root@127.0.0.1:" + jump.port());
    }

    @Test
    void theJumpHostsKeyIsCheckedFirst() {
        SshTarget target = guestVia(TestSshServer.publicKey(guestKey), TestSshServer.publicKey(guestKey));
        assertThatThrownBy(() -> GuestShell.connect(target, TIMEOUT)).isInstanceOf(HostKeyMismatchException.class)
                .hasMessageContaining("refusing root@127.0.0.1:" + jump.port() + ": it presented host key");
        assertThat(guest.authAttempts.get()).isZero();
    }

    @Test
    void theGuestsKeyIsCheckedBehindTheJumpHost() {
        SshTarget target = guestVia(TestSshServer.publicKey(jumpKey), TestSshServer.publicKey(jumpKey));
        assertThatThrownBy(() -> GuestShell.connect(target, TIMEOUT)).isInstanceOf(HostKeyMismatchException.class)
                .hasMessageContaining("refusing root@127.0.0.1:" + guest.port() + " via ");
    }
}
