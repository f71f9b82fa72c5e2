package dev.vbench.provisioning.libvirt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which libvirt URIs a plan may name: only the transports a lab uses, and none of the options that run a local
 * program, skip the host-key check or reach outside the harness's home. Pure: looks at the text only.
 *
 * <p>Allowed: {@code qemu:///system}, {@code qemu:///session}, {@code test:///default} (libvirt's built-in fake);
 * {@code qemu+ssh://[user@]host[:port]/system} (host keys checked by ssh), {@code qemu+tls://...}; {@code qemu+tcp} and
 * {@code qemu+unix} only to this machine (loopback). Query options: {@code mode}, {@code proxy}, {@code name},
 * {@code socket}, and {@code keyfile}/{@code pkipath} inside {@code home}. Refused: every other transport (among them
 * {@code ext}, which runs a local program, and {@code libssh}/{@code libssh2}), {@code command=}, {@code netcat=},
 * {@code no_verify=}, {@code known_hosts=}, {@code no_tty=} and any other option.
 */
public final class LibvirtUri {
    /** The transports a plan may use. */
    public static final List<String> SCHEMES = List.of("qemu", "qemu+ssh", "qemu+tls", "qemu+tcp", "qemu+unix",
            "test");
    /** The query options a plan may use. */
    public static final List<String> OPTIONS = List.of("mode", "proxy", "name", "socket", "keyfile", "pkipath");

    private LibvirtUri() {
    }

    /**
     * @param uri  a libvirt URI from a plan
     * @param home the harness's home ({@code VBENCH_HOME}): key and certificate paths must lie inside it
     * @return what is wrong with it, with the allowed forms; empty when the URI is allowed
     */
    public static Optional<String> problem(String uri, Path home) {
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("not a libvirt URI (" + e.getReason() + ")");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return Optional.of("transport '" + scheme + "' is not allowed (valid: " + String.join(", ", SCHEMES)
                    + "; e.g. qemu:///system, qemu+ssh://user@host/system)");
        }
        String host = u.getHost() == null ? "" : u.getHost();
        if ((scheme.equals("qemu") || scheme.equals("test")) && (!host.isEmpty() || u.getRawAuthority() != null)) {
            return Optional.of(scheme + ": names no host (use qemu+ssh://host/system for a remote one)");
        }
        if (scheme.equals("qemu") && !List.of("/system", "/session").contains(u.getPath())) {
            return Optional.of("local qemu URIs are qemu:///system or qemu:///session");
        }
        if ((scheme.equals("qemu+tcp") || scheme.equals("qemu+unix")) && !loopback(host)) {
            return Optional.of(scheme + " is unencrypted and unauthenticated: only to this machine (127.0.0.1,"
                    + " localhost, [::1]); use qemu+ssh or qemu+tls for another host");
        }
        if ((scheme.equals("qemu+ssh") || scheme.equals("qemu+tls")) && host.isEmpty()) {
            return Optional.of(scheme + " needs a host, e.g. " + scheme + "://user@host/system");
        }
        String query = u.getQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                String value = pair.contains("=") ? pair.substring(pair.indexOf('=') + 1) : "";
                if (!OPTIONS.contains(key)) {
                    return Optional.of("option '" + key + "' is not allowed (valid: " + String.join(", ", OPTIONS)
                            + "; command, netcat, no_verify and known_hosts are refused)");
                }
                if ((key.equals("keyfile") || key.equals("pkipath")) && !inside(value, home)) {
                    return Optional.of(key + " must be a path inside " + home + " (the harness's home)");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code uri}'s QEMU processes and files are this machine's: {@code qemu:///...} without a host, or
     * libvirt's in-process fake {@code test:///...}. Pure.
     */
    public static boolean isLocal(String uri) {
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("qemu") || scheme.equals("test")) && (u.getHost() == null || u.getHost().isEmpty())
                && u.getRawAuthority() == null;
    }

    private static boolean loopback(String host) {
        return host.isEmpty() || host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
                || host.matches("127(\\.\\d{1,3}){3}");
    }

    private static boolean inside(String value, Path home) {
        if (value.isEmpty() || !value.startsWith("/")) {
            return false;
        }
        Path p = Path.of(value).normalize();
        return p.startsWith(home.toAbsolutePath().normalize()) && !value.contains("/../");
    }
}
