package dev.vbench.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A NIC MAC address in libvirt's spelling ({@code 52:54:00:ab:cd:ef}, lower case).
 *
 * @param value six colon-separated lower-case hex octets
 */
public record MacAddress(String value) {
    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

    public MacAddress {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("MAC address '" + value + "' must be six lower-case hex octets"
                    + " separated by ':'");
        }
    }

    /**
     * The MAC of a domain, derived from its name: QEMU/KVM's locally administered unicast prefix
     * {@code 52:54:00} followed by the first three bytes of SHA-256(name). The same name always gets the same
     * MAC (so DHCP leases and evidence are reproducible); two names collide with probability 2^-24 per pair.
     */
    public static MacAddress forName(String domainName) {
        Objects.requireNonNull(domainName, "domainName");
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(domainName.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        return new MacAddress(String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x", h[0] & 0xff, h[1] & 0xff,
                h[2] & 0xff));
    }

    /** Case-insensitive comparison with another spelling of a MAC (libvirt, sysfs and dnsmasq all use lower case). */
    public boolean matches(String other) {
        return other != null && value.equalsIgnoreCase(other.trim());
    }

    @Override
    public String toString() {
        return value;
    }
}
