package dev.vbench.provisioning;

import java.util.Arrays;
import java.util.List;

/** Bus of the data disk under test, as named in a plan, with the Linux driver the guest must bind to it. */
public enum DiskBus {
    IDE("ide"),
    SATA("sata"),
    VIRTIO("virtio"),
    VIRTIO_SCSI("virtio-scsi");

    private final String planName;

    DiskBus(String planName) {
        this.planName = planName;
    }

    /** The spelling used in plan files and variant names. */
    public String planName() {
        return planName;
    }

    /** The kernel driver that the guest binds to the disk's controller. */
    public String guestDriver() {
        return LabFacts.driver(this);
    }

    /** Whether the bus is paravirtual (virtio) rather than emulated hardware. */
    public boolean paravirtual() {
        return this == VIRTIO || this == VIRTIO_SCSI;
    }

    public static DiskBus fromPlan(String value) {
        return PlanNames.lookup(values(), value, DiskBus::planName, "disk.bus");
    }

    public static List<String> planNames() {
        return Arrays.stream(values()).map(DiskBus::planName).toList();
    }
}
