package dev.vbench.provisioning;

import java.util.Arrays;
import java.util.List;

/** QEMU's asynchronous I/O mode of a disk ({@code <driver io=...>}). */
public enum IoMode {
    THREADS("threads"),
    NATIVE("native"),
    IO_URING("io_uring");

    private final String planName;

    IoMode(String planName) {
        this.planName = planName;
    }

    public String planName() {
        return planName;
    }

    public static IoMode fromPlan(String value) {
        return PlanNames.lookup(values(), value, IoMode::planName, "disk.io");
    }

    public static List<String> planNames() {
        return Arrays.stream(values()).map(IoMode::planName).toList();
    }
}
