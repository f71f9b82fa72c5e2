package dev.vbench.provisioning.evidence;

import java.util.List;
import java.util.Objects;

/**
 * A block device as the guest sees it.
 *
 * @param name    kernel name, e.g. {@code vdb}, {@code sda}
 * @param serial  serial number, {@code ""} when it has none
 * @param drivers kernel drivers from the device up to its controller, nearest first, e.g.
 *                {@code [sd, ahci]} or {@code [virtio_blk, virtio-pci]}
 * @param sysfs   the device's sysfs path
 */
public record GuestDisk(String name, String serial, List<String> drivers, String sysfs) {
    public GuestDisk {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serial, "serial");
        drivers = List.copyOf(drivers);
        Objects.requireNonNull(sysfs, "sysfs");
    }
}
