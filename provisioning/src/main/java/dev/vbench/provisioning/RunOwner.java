package dev.vbench.provisioning;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whose run a {@link RunTag} names: one {@code VBENCH_HOME} on one harness machine. Run locks live in the home on
 * the harness machine while domains may live on any libvirt host, so cleanup removes a domain only when its tag names
 * the cleaning harness's own home and machine (and the run's lock there is stale).
 *
 * <p>Both are the first 16 hexadecimal digits of a SHA-256 digest, so a tag neither shows a path nor the machine id
 * to whoever can read the domain, and has a fixed grammar:
 * <ul>
 * <li>{@code home}: of the UTF-8 bytes of the home's real path (absolute, symbolic links resolved, no trailing
 * slash); in a shell: {@code printf %s "$(realpath "$VBENCH_HOME")" | sha256sum | cut -c1-16}.</li>
 * <li>{@code host}: of the machine's identity, the 32 hexadecimal digits of {@code /etc/machine-id} (or the host
 * name where there is none): {@code printf %s "$(cat /etc/machine-id)" | sha256sum | cut -c1-16}.</li>
 * </ul>
 *
 * @param home digest of the real path of {@code VBENCH_HOME}
 * @param host digest of the harness machine's identity
 */
public record RunOwner(String home, String host) {
    /** The grammar of both digests. */
    public static final Pattern DIGEST = Pattern.compile("[0-9a-f]{16}");

    public RunOwner {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(host, "host");
        if (!DIGEST.matcher(home).matches() || !DIGEST.matcher(host).matches()) {
            throw new IllegalArgumentException("home '" + home + "' and host '" + host + "' must match "
                    + DIGEST.pattern());
        }
    }

    /**
     * The owner of runs of the home whose real path is {@code realHome} on the machine {@code machineIdentity}.
     * Pure.
     */
    public static RunOwner of(Path realHome, String machineIdentity) {
        if (!realHome.isAbsolute()) {
            throw new IllegalArgumentException("the home's real path must be absolute, not '" + realHome + "'");
        }
        if (machineIdentity.isBlank()) {
            throw new IllegalArgumentException("the machine identity is empty");
        }
        return new RunOwner(digest(realHome.toString()), digest(machineIdentity));
    }

    /** {@code home H on host M}, as cleanup reports it. */
    public String describe() {
        return "home " + home + " on host " + host;
    }

    static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
