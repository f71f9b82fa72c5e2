package dev.vbench.provisioning.crash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An nbdkit server of the host-crash model: the file plugin over {@code file} behind the cache filter in
 * {@code cache=writeback} mode, a disk with a volatile write cache that only a client's flush makes durable. Killing
 * the server loses what no flush wrote to {@code file}.
 *
 * <p>Everything the server creates lives in {@code dir}, a directory {@link NbdServer} creates (it must not exist) and
 * removes: the unix socket {@value #SOCKET}, the pid file {@value #PID_FILE} and the cache filter's temporary file in
 * {@value #CACHE_DIR}/ ({@code TMPDIR}; nbdkit unlinks it right after creating it).
 *
 * @param file       absolute path of the backing file (raw), e.g. made by {@link BackingFile#createSparse}
 * @param dir        absolute path of the server's own directory; its socket path must fit a unix socket address
 * @param clientUser the local user QEMU runs as ({@code libvirt-qemu} on Debian), who is given the socket (mode 0600),
 *                   or {@code null} to leave it to root
 */
public record NbdServerSpec(Path file, Path dir, String clientUser) {
    /** File name of the unix socket in {@code dir}. */
    public static final String SOCKET = "nbd.sock";
    /** File name of the pid file in {@code dir}; nbdkit writes it once the socket accepts connections. */
    public static final String PID_FILE = "nbd.pid";
    /** Directory in {@code dir} given to nbdkit as {@code TMPDIR} for the cache filter's file. */
    public static final String CACHE_DIR = "cache";
    /** Longest unix socket path Linux takes ({@code sun_path} is 108 bytes with its terminating NUL). */
    public static final int MAX_SOCKET_BYTES = 107;
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    public NbdServerSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(dir, "dir");
        if (!file.isAbsolute() || !dir.isAbsolute()) {
            throw new IllegalArgumentException("nbdkit's backing file and directory must be absolute paths, not '"
                    + file + "' and '" + dir + "'");
        }
        if (file.normalize().startsWith(dir.normalize())) {
            throw new IllegalArgumentException("the backing file " + file + " must not be in the server's directory "
                    + dir + " (it is removed with the server)");
        }
        int socketBytes = dir.resolve(SOCKET).toString().getBytes(StandardCharsets.UTF_8).length;
        if (socketBytes > MAX_SOCKET_BYTES) {
            throw new IllegalArgumentException("socket path " + dir.resolve(SOCKET) + " is " + socketBytes
                    + " bytes, a unix socket takes at most " + MAX_SOCKET_BYTES + ": choose a shorter directory");
        }
        if (clientUser != null && !USER.matcher(clientUser).matches()) {
            throw new IllegalArgumentException("client user '" + clientUser + "' must match " + USER.pattern());
        }
    }

    /** The unix socket clients connect to. */
    public Path socket() {
        return dir.resolve(SOCKET);
    }

    /** The pid file. */
    public Path pidFile() {
        return dir.resolve(PID_FILE);
    }

    /** The cache filter's {@code TMPDIR}. */
    public Path cacheDir() {
        return dir.resolve(CACHE_DIR);
    }

    /**
     * The command line: {@code --foreground} so that the process the harness started is nbdkit itself (a SIGKILL
     * reaches the server, not a launcher), {@code --exit-with-parent} so that it never outlives the harness, the
     * socket and pid file in {@code dir}, and the file plugin behind the cache filter in writeback mode.
     */
    public List<String> argv() {
        return List.of("nbdkit", "--foreground", "--exit-with-parent", "--unix", socket().toString(),
                "--pidfile", pidFile().toString(), "--filter=cache", "file", "file=" + file, "cache=writeback");
    }

    /** Environment nbdkit needs besides the harness's: the cache filter's temporary directory. */
    public Map<String, String> environment() {
        return Map.of("TMPDIR", cacheDir().toString());
    }
}
