package dev.vbench.bench.plan;

import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.DurabilityClaim;
import java.util.List;

/**
 * The claims of one list, by kind, each in the order written.
 *
 * @param speed      claims about a gain of a candidate over a baseline
 * @param durability claims about what a host crash costs
 */
public record ClaimLists(List<Claim> speed, List<DurabilityClaim> durability) {
    /** No claims. */
    public static final ClaimLists NONE = new ClaimLists(List.of(), List.of());

    /** Copies the lists. */
    public ClaimLists {
        speed = List.copyOf(speed);
        durability = List.copyOf(durability);
    }
}
