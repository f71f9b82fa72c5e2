package dev.vbench.provisioning;

import java.util.Objects;
import java.util.regex.Pattern;

/** One VM configuration to measure: a name plus the devices that differ between variants. */
public record Variant(String name, DiskSpec disk, NicSpec nic) {
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
}
