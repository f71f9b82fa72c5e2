package dev.vbench.provisioning.evidence;

import java.util.Objects;

/**
 * A difference between the devices a variant asked for and what the guest has.
 *
 * @param device   which device, e.g. {@code data disk} or {@code data disk sda} or {@code nic enp0s3}
 * @param expected what the variant needs, e.g. {@code driver ahci}
 * @param found    what the guest reports, e.g. {@code drivers sd,ata_piix}
 */
public record DeviceMismatch(String device, String expected, String found) {
    public DeviceMismatch {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
    }

    /** One line for reports: {@code data disk sda: expected driver ahci, found drivers sd,ata_piix}. */
    @Override
    public String toString() {
        return device + ": expected " + expected + ", found " + found;
    }
}
