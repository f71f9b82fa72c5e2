package dev.vbench.bench.plan;

/**
 * How many guests of a round may boot at once ({@code parallel_boots:}): {@code auto} (the default) lets the run
 * decide from the host's measured free memory and cores; a number {@code N} asks for up to N, still bounded by free
 * memory (a guest that does not fit is never booted) but not by the cores: booting guests wait for much of their
 * boot, so a plan may overcommit the CPUs on purpose. {@code 1} boots one guest at a time, as vbench did before.
 * Measurements are always taken one at a time, whatever this says.
 *
 * @param cap the most guests booting at once, or 0 for {@code auto}
 */
public record ParallelBoots(int cap) {
    /** The most guests a plan may ask to boot at once. */
    public static final int MAX = 64;
    /** Decided by the run from the host's free memory and cores. */
    public static final ParallelBoots AUTO = new ParallelBoots(0);

    /** Checks the range: 0 (auto) or 1 to {@value #MAX}. */
    public ParallelBoots {
        if (cap != 0) {
            InvalidSpecException.checkRange("parallel_boots", cap, 1, MAX);
        }
    }

    /** Whether the run decides. */
    public boolean auto() {
        return cap == 0;
    }

    /** @return how a plan spells it: {@code auto} or the number */
    public String planName() {
        return auto() ? "auto" : Integer.toString(cap);
    }

    /** Reads the top-level {@code parallel_boots} key: {@code auto} or a whole number 1 to {@value #MAX}. */
    static ParallelBoots read(PlanNode top) {
        return top.get("parallel_boots").map(n -> {
            if (n.isText() && "auto".equals(n.text())) {
                return AUTO;
            }
            if (!n.isInteger()) {
                throw n.error("expected auto or a whole number of guests booting at once (1.." + MAX
                        + "; 1 boots one at a time), got " + n.describe());
            }
            return new ParallelBoots(n.integer(1, MAX));
        }).orElse(AUTO);
    }
}
