package dev.vbench.bench.ssh;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and as whom to log in to a guest, and the host key it must present.
 *
 * @param host       the guest's address
 * @param port       SSH port, 1..65535
 * @param user       login name, e.g. {@code root}
 * @param privateKey the client's private key file (OpenSSH format), e.g. {@code /var/lib/vbench/ssh/id_ed25519}
 * @param hostKey    the only host key accepted, e.g. from the image's {@code host_key.pub}
 * @param jump       the host to reach {@code host} through (a remote guest's hypervisor host, its own key checked
 *                   the same way), or {@code null} to connect directly
 */
public record SshTarget(String host, int port, String user, Path privateKey, HostPublicKey hostKey,
        SshTarget jump) {
    /** Checks that nothing is missing and the port is valid. */
    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(hostKey, "hostKey");
        if (host.isBlank() || user.isBlank()) {
            throw new IllegalArgumentException("ssh target needs a host and a user");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("ssh port " + port + " is out of range 1..65535");
        }
    }

    /** A target reached directly. */
    public SshTarget(String host, int port, String user, Path privateKey, HostPublicKey hostKey) {
        this(host, port, user, privateKey, hostKey, null);
    }

    /** The same target reached through {@code jumpHost}. */
    public SshTarget via(SshTarget jumpHost) {
        return new SshTarget(host, port, user, privateKey, hostKey, jumpHost);
    }

    /** @return {@code user@host:port} (with {@code via} its jump host), for messages */
    @Override
    public String toString() {
        return user + "@" + host + ":" + port + (jump == null ? "" : " via " + jump);
    }
}
