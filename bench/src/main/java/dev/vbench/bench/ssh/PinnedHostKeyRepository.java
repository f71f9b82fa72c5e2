package dev.vbench.bench.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

/**
 * A JSch host key store that knows exactly one key and accepts nothing else, for any host. It never learns a key:
 * {@code add} and {@code remove} do nothing. It remembers the last key it refused, for the error message.
 */
final class PinnedHostKeyRepository implements HostKeyRepository {
    private final HostPublicKey expected;
    private volatile byte[] refused;

    PinnedHostKeyRepository(HostPublicKey expected) {
        this.expected = expected;
    }

    @Override
    public int check(String host, byte[] key) {
        if (expected.matches(key)) {
            return OK;
        }
        refused = key == null ? new byte[0] : key.clone();
        return CHANGED;
    }

    /** @return the last key refused by {@link #check}, or {@code null} when none was */
    byte[] refused() {
        byte[] key = refused;
        return key == null ? null : key.clone();
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // never learns a key
    }

    @Override
    public void remove(String host, String type) {
        // the pinned key stays
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // the pinned key stays
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return "the expected host key " + expected.fingerprint();
    }

    @Override
    public HostKey[] getHostKey() {
        return pinned("*");
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        HostKey[] keys = pinned(host == null ? "*" : host);
        if (type == null || keys.length == 0 || keys[0].getType().equals(type)) {
            return keys;
        }
        return new HostKey[0];
    }

    private HostKey[] pinned(String host) {
        try {
            return new HostKey[] {new HostKey(host, expected.blob())};
        } catch (JSchException e) {
            return new HostKey[0];
        }
    }
}
