package dev.vbench.results.stats;

/** What a cell's independent replicates are: the means of its boots, or its repetitions when it has one boot. */
public enum ReplicationUnit {
    /** Two boots or more: each boot's mean is one replicate, so boot-to-boot noise is in every interval. */
    BOOT("boot"),
    /** One boot: the repetitions are the replicates, and boot-to-boot noise is not in the interval. */
    REPETITION("repetition");

    private final String json;

    ReplicationUnit(String json) {
        this.json = json;
    }

    /** @return {@code boot} or {@code repetition}, as written in summary.json */
    public String json() {
        return json;
    }
}
