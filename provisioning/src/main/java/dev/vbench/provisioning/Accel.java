package dev.vbench.provisioning;

import java.util.Arrays;
import java.util.List;

/**
 * Accelerator requested by a plan. {@link #AUTO} resolves to {@link #KVM} only where a guest really boots
 * under KVM, otherwise to {@link #TCG} (QEMU's software emulation, libvirt domain type {@code qemu}).
 */
public enum Accel {
    AUTO("auto", null),
    KVM("kvm", "kvm"),
    TCG("tcg", "qemu");

    private final String planName;
    private final String domainType;

    Accel(String planName, String domainType) {
        this.planName = planName;
        this.domainType = domainType;
    }

    public String planName() {
        return planName;
    }

    /** The libvirt {@code <domain type=...>} value; undefined for {@link #AUTO}. */
    public String domainType() {
        if (domainType == null) {
            throw new IllegalStateException("accel auto must be resolved before building a domain");
        }
        return domainType;
    }

    public static Accel fromPlan(String value) {
        return PlanNames.lookup(values(), value, Accel::planName, "accel");
    }

    public static List<String> planNames() {
        return Arrays.stream(values()).map(Accel::planName).toList();
    }
}
