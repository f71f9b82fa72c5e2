package dev.vbench.provisioning.evidence;

import java.util.List;
import java.util.Objects;

/**
 * A network interface as the guest sees it.
 *
 * @param name    interface name, e.g. {@code enp1s0}
 * @param mac     its MAC address as the guest reports it
 * @param drivers kernel drivers from the device up to its bus, nearest first, e.g. {@code [virtio_net, virtio-pci]}
 *                or {@code [e1000]}
 * @param sysfs   the device's sysfs path
 */
public record GuestNic(String name, String mac, List<String> drivers, String sysfs) {
    public GuestNic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        drivers = List.copyOf(drivers);
        Objects.requireNonNull(sysfs, "sysfs");
    }
}
