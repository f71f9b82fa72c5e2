package dev.vbench.bench.ssh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one SSH host key a guest must present, as in an OpenSSH {@code .pub} line
 * ({@code ssh-ed25519 AAAA... comment}).
 *
 * @param type the key type, e.g. {@code ssh-ed25519}
 * @param blob the key in SSH wire format (the base64 part, decoded)
 */
public record HostPublicKey(String type, byte[] blob) {
    private static final Pattern TYPE = Pattern.compile("[a-z0-9@.-]{3,64}");

    /** Checks that the blob is a wire-format key of the stated type. */
    public HostPublicKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(blob, "blob");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("host key type '" + type + "' is not an SSH key type");
        }
        String embedded = embeddedType(blob);
        if (!type.equals(embedded)) {
            throw new IllegalArgumentException("host key says type " + type + " but its data is of type '" + embedded
                    + "'; copy the whole line of the .pub file");
        }
        blob = blob.clone();
    }

    /**
     * Parses an OpenSSH public key line.
     *
     * @param line {@code TYPE BASE64 [COMMENT]}, e.g. the content of an image's {@code host_key.pub}
     * @return the key
     * @throws IllegalArgumentException when the line is not an OpenSSH public key
     */
    public static HostPublicKey parse(String line) {
        String[] parts = line == null ? new String[0] : line.strip().split("\\s+", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("not an OpenSSH public key line (expected 'ssh-ed25519 AAAA...'): '"
                    + line + "'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host key of type " + parts[0] + ": the key data is not base64");
        }
        return new HostPublicKey(parts[0], blob);
    }

    /**
     * Reads the first line of an OpenSSH {@code .pub} file.
     *
     * @param file e.g. the image's {@code host_key.pub}
     * @return the key
     * @throws IOException when the file cannot be read
     */
    public static HostPublicKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        int eol = text.indexOf('\n');
        return parse(eol < 0 ? text : text.substring(0, eol));
    }

    /** @return a copy of the wire-format key */
    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /**
     * Whether a key a server presented is exactly this key.
     *
     * @param presented wire-format key
     * @return true only for the identical key
     */
    public boolean matches(byte[] presented) {
        return presented != null && MessageDigest.isEqual(blob, presented);
    }

    /** @return the OpenSSH fingerprint, e.g. {@code SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s} */
    public String fingerprint() {
        return fingerprint(blob);
    }

    /**
     * @param blob a wire-format key
     * @return its OpenSSH SHA-256 fingerprint
     */
    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** @return {@code TYPE BASE64}, the line form without comment */
    @Override
    public String toString() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostPublicKey other && type.equals(other.type) && Arrays.equals(blob, other.blob);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(blob);
    }

    private static String embeddedType(byte[] blob) {
        if (blob.length < 4) {
            return "";
        }
        int length = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (length <= 0 || length > 64 || 4 + length > blob.length) {
            return "";
        }
        return new String(blob, 4, length, StandardCharsets.US_ASCII);
    }
}
