package dev.vbench.bench.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.shell.InvertedShellWrapper;
import org.apache.sshd.server.shell.ProcessShell;

/**
 * An in-process Apache MINA SSH server on 127.0.0.1 for the client tests: one host key, one authorized client
 * key, commands run locally with {@code /bin/sh -c} like an OpenSSH server runs them with the login shell.
 */
public final class TestSshServer implements AutoCloseable {
    final AtomicInteger authAttempts = new AtomicInteger();
    final AtomicInteger commands = new AtomicInteger();
    private final SshServer server;

    private TestSshServer(SshServer server) {
        this.server = server;
    }

    public static TestSshServer start(int port, KeyPair hostKey, PublicKey authorizedClientKey) throws IOException {
        return start(port, hostKey, authorizedClientKey, false);
    }

    /** A server that, with {@code jumpHost}, also forwards TCP connections for its clients (direct-tcpip). */
    public static TestSshServer start(int port, KeyPair hostKey, PublicKey authorizedClientKey, boolean jumpHost)
            throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        if (jumpHost) {
            server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        }
        TestSshServer wrapper = new TestSshServer(server);
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> {
            wrapper.authAttempts.incrementAndGet();
            return KeyUtils.compareKeys(key, authorizedClientKey);
        });
        server.setCommandFactory((channel, command) -> {
            wrapper.commands.incrementAndGet();
            return new InvertedShellWrapper(new ProcessShell("/bin/sh", "-c", command));
        });
        server.start();
        return wrapper;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    public static KeyPair ecdsaP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an unencrypted OpenSSH private key file, as {@code ssh-keygen -N ''} does. */
    public static Path writePrivateKey(KeyPair keyPair, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "vbench-test", null, out);
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code .pub} line of a key, e.g. {@code ssh-ed25519 AAAA...}. */
    public static HostPublicKey publicKey(KeyPair keyPair) {
        return HostPublicKey.parse(PublicKeyEntry.toString(keyPair.getPublic()));
    }

    /** A port nothing listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
