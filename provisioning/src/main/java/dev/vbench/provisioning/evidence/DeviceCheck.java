package dev.vbench.provisioning.evidence;

import dev.vbench.provisioning.DomainXml;
import dev.vbench.provisioning.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks that the guest really sees the devices a variant asked for: exactly one disk with the data serial, driven
 * by {@link dev.vbench.provisioning.DiskBus#guestDriver()} somewhere in its driver chain, and exactly one NIC
 * driven by {@link dev.vbench.provisioning.NicModel#guestDriver()}. Pure. A measurement whose guest has a mismatch
 * is invalid: it did not measure the variant.
 */
public final class DeviceCheck {
    private DeviceCheck() {
    }

    /** The mismatches; empty when the guest has exactly the variant's devices. */
    public static List<DeviceMismatch> verify(Variant variant, DeviceEvidence evidence) {
        List<DeviceMismatch> out = new ArrayList<>();
        String diskDriver = variant.disk().bus().guestDriver();
        List<GuestDisk> data = evidence.dataDisks();
        if (data.isEmpty()) {
            out.add(new DeviceMismatch("data disk", "a block device with serial " + DomainXml.DATA_DISK_SERIAL
                    + " (driver " + diskDriver + ")", "none among " + describeDisks(evidence.disks())));
        } else if (data.size() > 1) {
            out.add(new DeviceMismatch("data disk", "exactly one block device with serial "
                    + DomainXml.DATA_DISK_SERIAL, data.size() + ": " + describeDisks(data)));
        } else {
            GuestDisk d = data.get(0);
            if (!d.drivers().contains(diskDriver)) {
                out.add(new DeviceMismatch("data disk " + d.name(), "driver " + diskDriver,
                        "drivers " + chain(d.drivers())));
            }
        }
        String nicDriver = variant.nic().model().guestDriver();
        List<GuestNic> nics = evidence.nics();
        if (nics.size() != 1) {
            out.add(new DeviceMismatch("nic", "exactly one network interface (driver " + nicDriver + ")",
                    nics.size() + (nics.isEmpty() ? "" : ": " + nics.stream()
                            .map(n -> n.name() + "(" + chain(n.drivers()) + ")").collect(Collectors.joining(", ")))));
        } else if (!nics.get(0).drivers().contains(nicDriver)) {
            out.add(new DeviceMismatch("nic " + nics.get(0).name(), "driver " + nicDriver,
                    "drivers " + chain(nics.get(0).drivers())));
        }
        return out;
    }

    private static String describeDisks(List<GuestDisk> disks) {
        if (disks.isEmpty()) {
            return "no disks";
        }
        return disks.stream().map(d -> d.name() + "(serial=" + d.serial() + ", drivers=" + chain(d.drivers()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String chain(List<String> drivers) {
        return drivers.isEmpty() ? "(none)" : String.join(",", drivers);
    }
}
