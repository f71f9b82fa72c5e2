package dev.vbench.provisioning;

import java.util.Arrays;
import java.util.List;

/** Model of the guest NIC ({@code <model type=...>}) with the Linux driver the guest must bind to it. */
public enum NicModel {
    E1000("e1000", "e1000"),
    RTL8139("rtl8139", "8139cp"),
    VIRTIO("virtio", "virtio_net");

    private final String planName;
    private final String guestDriver;

    NicModel(String planName, String guestDriver) {
        this.planName = planName;
        this.guestDriver = guestDriver;
    }

    public String planName() {
        return planName;
    }

    public String guestDriver() {
        return guestDriver;
    }

    public boolean paravirtual() {
        return this == VIRTIO;
    }

    public static NicModel fromPlan(String value) {
        return PlanNames.lookup(values(), value, NicModel::planName, "nic.model");
    }

    public static List<String> planNames() {
        return Arrays.stream(values()).map(NicModel::planName).toList();
    }
}
