package dev.vbench.provisioning;

import java.util.Arrays;
import java.util.List;

/** Host cache mode of a disk ({@code <driver cache=...>}); {@link #DEFAULT} leaves the attribute out. */
public enum CacheMode {
    DEFAULT("default"),
    NONE("none"),
    WRITETHROUGH("writethrough"),
    WRITEBACK("writeback"),
    DIRECTSYNC("directsync"),
    UNSAFE("unsafe");

    private final String planName;

    CacheMode(String planName) {
        this.planName = planName;
    }

    public String planName() {
        return planName;
    }

    /** True for the modes that open the image with O_DIRECT, bypassing the host page cache. */
    public boolean bypassesHostPageCache() {
        return this == NONE || this == DIRECTSYNC;
    }

    public static CacheMode fromPlan(String value) {
        return PlanNames.lookup(values(), value, CacheMode::planName, "disk.cache");
    }

    public static List<String> planNames() {
        return Arrays.stream(values()).map(CacheMode::planName).toList();
    }
}
