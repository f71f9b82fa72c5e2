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
 */
public record SshTarget(String host, int port, String user, Path privateKey, HostPublicKey hostKey) {
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

    /** @return {@code user@host:port}, for messages */
    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
