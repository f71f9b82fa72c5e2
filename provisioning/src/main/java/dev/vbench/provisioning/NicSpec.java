package dev.vbench.provisioning;

import java.util.Objects;

/** The guest NIC of a variant. */
public record NicSpec(NicModel model) {
    public NicSpec {
        Objects.requireNonNull(model, "model");
    }
}
