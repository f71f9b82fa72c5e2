package dev.vbench.results.sequential;

import java.util.List;
import java.util.Optional;

/**
 * The design a run's verdicts were decided by and the looks it took.
 *
 * @param design the design
 * @param looks  the looks taken, in order ({@link SequentialDesign#replay}); none for a fixed design
 */
public record DesignOutcome(SequentialDesign design, List<SequentialLook> looks) {

    /** Copies the list. */
    public DesignOutcome {
        looks = List.copyOf(looks);
    }

    /** @return a fixed design, which takes no sequential looks */
    public static DesignOutcome fixed() {
        return new DesignOutcome(SequentialDesign.fixed(), List.of());
    }

    /** @return the last look taken, if any */
    public Optional<SequentialLook> last() {
        return looks.isEmpty() ? Optional.empty() : Optional.of(looks.get(looks.size() - 1));
    }

    /** @return whether the run stopped before the design's last look because its last look said stop */
    public boolean stoppedEarly() {
        return last().map(l -> l.look() < design.looks() && l.stop()).orElse(false);
    }
}
