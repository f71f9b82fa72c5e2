package dev.vbench.provisioning;

import java.util.Objects;

/**
 * The accelerator a run really uses and why; recorded with every result (TCG numbers are not KVM numbers).
 *
 * @param requested what the plan asked for ({@code auto}, {@code kvm} or {@code tcg})
 * @param resolved  {@link Accel#KVM} or {@link Accel#TCG}
 * @param reason    one sentence, e.g. "KVM is offered but the probe kernel did not reach userspace within 20 s"
 */
public record AccelResolution(Accel requested, Accel resolved, String reason) {
    public AccelResolution {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(reason, "reason");
        if (resolved == Accel.AUTO) {
            throw new IllegalArgumentException("a resolved accelerator is kvm or tcg, not auto");
        }
    }
}
