package dev.vbench.provisioning;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One VM configuration to measure: a name plus the devices that differ between variants. {@code network} is the
 * variant's own network, or null for the plan's ({@link #networkOr}).
 */
public record Variant(String name, DiskSpec disk, NicSpec nic, NetworkSpec network) {
    /** Variant names end up in domain names, file names and CSV cells: keep them to a safe alphabet. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(nic, "nic");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("variant name '" + name + "' must match " + NAME.pattern()
                    + " (lower-case letters, digits, '.', '_', '-'; no path separators)");
        }
    }

    /** A variant on the plan's network. */
    public Variant(String name, DiskSpec disk, NicSpec nic) {
        this(name, disk, nic, null);
    }

    /** The network this variant's NIC is plugged into: its own, else {@code planNetwork}. */
    public NetworkSpec networkOr(NetworkSpec planNetwork) {
        return network != null ? network : planNetwork;
    }
}
