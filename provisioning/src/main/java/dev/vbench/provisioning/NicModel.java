package dev.vbench.provisioning;

import java.util.Arrays;
import java.util.List;

/** Model of the guest NIC ({@code <model type=...>}) with the Linux driver the guest must bind to it. */
public enum NicModel {
    E1000("e1000"),
    RTL8139("rtl8139"),
    VIRTIO("virtio");

    private final String planName;

    NicModel(String planName) {
        this.planName = planName;
    }

    public String planName() {
        return planName;
    }

    public String guestDriver() {
        return LabFacts.driver(this);
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
