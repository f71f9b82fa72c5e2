package dev.vbench.bench.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Looks a host's key up in an OpenSSH {@code known_hosts} file (plain or hashed names, {@code [host]:port} for
 * other ports than 22), read by JSch. Only a key already there is returned: nothing is learned or added.
 */
public final class KnownHostsFile {
    /** Key types in the order they are preferred when a host has several. */
    private static final List<String> PREFERRED = List.of("ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa");

    private KnownHostsFile() {
    }

    /**
     * The key {@code file} holds for {@code host} (and {@code port}); when it holds several, the strongest type.
     *
     * @throws HostKeyMismatchException when the file is missing or unreadable, or holds no key of that host: the
     *                                  message names the fix (check the fingerprint, then add the key, or pin it in
     *                                  the plan)
     */
    public static HostPublicKey lookup(Path file, String host, int port) {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(file)) {
            throw new HostKeyMismatchException("no known_hosts file " + file + " to check " + name
                    + "'s host key; add the host's key there (after checking its fingerprint) or pin it with"
                    + " host_key: in the plan's hosts", null);
        }
        HostKey[] keys;
        try {
            JSch jsch = new JSch();
            jsch.setKnownHosts(file.toString());
            HostKeyRepository repository = jsch.getHostKeyRepository();
            keys = repository.getHostKey(name, null);
        } catch (JSchException e) {
            throw new HostKeyMismatchException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // JSch also matches a port-22 entry for [host]:port; OpenSSH does not, and neither does vbench
        keys = keys == null ? new HostKey[0] : Arrays.stream(keys).filter(k -> k.getHost().startsWith("|1|")
                || Arrays.asList(k.getHost().split(",")).contains(name)).toArray(HostKey[]::new);
        if (keys.length == 0) {
            throw new HostKeyMismatchException(file + " holds no key of " + name + "; add it (e.g. ssh-keyscan -p "
                    + port + " " + host + ", after checking the fingerprint on the host) or pin it with host_key:"
                    + " in the plan's hosts", null);
        }
        HostKey best = Arrays.stream(keys).min(Comparator.comparingInt(KnownHostsFile::rank)).orElseThrow();
        return HostPublicKey.parse(best.getType() + " " + best.getKey());
    }

    private static int rank(HostKey key) {
        int i = PREFERRED.indexOf(key.getType());
        return i < 0 ? PREFERRED.size() : i;
    }
}
