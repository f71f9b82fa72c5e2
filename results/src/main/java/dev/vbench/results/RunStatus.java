package dev.vbench.results;

/** How the run that produced the samples ended. */
public enum RunStatus {
    /** Every planned measurement was made. */
    COMPLETE("complete"),
    /** The run finished but some variants failed. */
    PARTIAL("partial"),
    /** The run was stopped (Ctrl-C, SIGTERM) before it finished. */
    INTERRUPTED("interrupted"),
    /** Not known: the samples were analysed without a record of their run. */
    UNKNOWN("unknown");

    private final String text;

    RunStatus(String text) {
        this.text = text;
    }

    /** @return the status as written in summary.json and the report */
    public String text() {
        return text;
    }
}
