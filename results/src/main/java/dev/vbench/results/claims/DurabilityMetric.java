package dev.vbench.results.claims;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a {@link DurabilityClaim} bounds, per crash trial. */
public enum DurabilityMetric {
    /** Acknowledged records not found intact after the crash. */
    ACKED_LOST,
    /** Slots holding neither nothing nor a valid record: torn, stale, misplaced or garbage. */
    CORRUPT;

    /** The name in plans and summaries: {@code acked_lost}, {@code corrupt}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every metric's name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(DurabilityMetric::json).toList();
    }

    /** The metric called {@code name}, if any. */
    public static Optional<DurabilityMetric> of(String name) {
        return Arrays.stream(values()).filter(m -> m.json().equals(name)).findFirst();
    }
}
