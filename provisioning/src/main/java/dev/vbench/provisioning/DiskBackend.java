package dev.vbench.provisioning;

import java.util.Arrays;
import java.util.List;

/**
 * What serves the data disk under test: a qcow2 overlay file of the image's data disk (the default), or nbdkit
 * with its cache filter in writeback mode over a raw file, a disk with a volatile write cache that only a flush
 * makes durable, so that a host crash (SIGKILL to nbdkit) can be triggered and its damage read from the file.
 */
public enum DiskBackend {
    FILE("file"),
    NBDKIT("nbdkit");

    private final String planName;

    DiskBackend(String planName) {
        this.planName = planName;
    }

    /** The spelling in a plan ({@code disk.backend}). */
    public String planName() {
        return planName;
    }

    /** The backend spelled {@code value} in a plan. */
    public static DiskBackend fromPlan(String value) {
        return PlanNames.lookup(values(), value, DiskBackend::planName, "disk.backend");
    }

    /** Every plan spelling, in order. */
    public static List<String> planNames() {
        return Arrays.stream(values()).map(DiskBackend::planName).toList();
    }
}
