package dev.vbench.provisioning;

import java.util.Objects;

/**
 * Outcome of booting an image's kernel under one accelerator ({@link AccelResolver#probe}).
 *
 * @param accel             the accelerator the probe domain ran under
 * @param reachedUserspace  whether the console showed the kernel handing over to init
 * @param stoppedEarly      whether the guest stopped by itself before reaching userspace (e.g. a triple fault)
 * @param seconds           wall time from start until the marker, the stop, or the timeout
 * @param lastConsoleLine   the last console line seen ({@code ""} for none), for the reason string
 */
public record BootProbe(Accel accel, boolean reachedUserspace, boolean stoppedEarly, double seconds,
                        String lastConsoleLine) {
    public BootProbe {
        Objects.requireNonNull(accel, "accel");
        Objects.requireNonNull(lastConsoleLine, "lastConsoleLine");
    }
}
