package dev.vbench.bench.plan;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One hypervisor host of a plan: its name (the key of its results), its libvirt URI and how its own SSH host key is
 * checked when vbench logs in to it (to run servers there and to reach its guests through it).
 *
 * @param name       host name in results and reports, same alphabet as variant names
 * @param connect    libvirt URI, e.g. {@code qemu+ssh://root@lab1/system}
 * @param hostKey    the host's pinned SSH public key line, or {@code null} to look it up in {@code knownHosts}
 * @param knownHosts the known_hosts file holding the host's key, or {@code null} for the user's
 *                   {@code ~/.ssh/known_hosts}
 */
public record PlanHost(String name, String connect, String hostKey, Path knownHosts) {
    /** Name of the host of a plan that names no remote host. */
    public static final String LOCAL = "local";

    public PlanHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connect, "connect");
    }

    /** A host known only by its URI. */
    public static PlanHost of(String name, String connect) {
        return new PlanHost(name, connect, null, null);
    }

    /**
     * Whether the URI names another machine (its guests are then reached through it over SSH); a loopback address
     * ({@code qemu+tcp://127.0.0.1/system}) is this machine.
     */
    public boolean remote() {
        String host = URI.create(connect).getHost();
        return host != null && !host.isEmpty() && !host.equals("localhost") && !host.startsWith("127.")
                && !host.equals("[::1]");
    }

    /** The host's name or address in its URI. */
    public String sshHost() {
        return URI.create(connect).getHost();
    }

    /** The SSH port: the URI's port for {@code qemu+ssh} and {@code qemu+libssh*}, else 22. */
    public int sshPort() {
        URI u = URI.create(connect);
        return u.getPort() > 0 && u.getScheme().contains("ssh") ? u.getPort() : 22;
    }

    /** The login on the host: the URI's user, else {@code root}. */
    public String sshUser() {
        String user = URI.create(connect).getUserInfo();
        return user == null || user.isEmpty() ? "root" : user;
    }

    /** The value of query option {@code key} in the URI, or {@code null}. */
    public String uriOption(String key) {
        String query = URI.create(connect).getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** A host name for a URI: its host part in lower case ({@code local} for none), dots and colons as dashes. */
    public static String nameOf(String connect) {
        String host = URI.create(connect).getHost();
        if (host == null || host.isEmpty()) {
            return LOCAL;
        }
        String n = host.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return n.replaceAll("^[^a-z0-9]+", "");
    }
}
