package dev.vbench.provisioning;

import java.util.Objects;

/**
 * A domain found on a host that carries vbench's metadata (see {@link RunTag}).
 *
 * @param name   domain name
 * @param tag    the run id and variant it was defined for
 * @param active whether it is running
 */
public record TaggedDomain(String name, RunTag tag, boolean active) {
    public TaggedDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tag, "tag");
    }
}
