package dev.vbench.results.durability;

import java.util.Locale;

/** The outcome of {@code fsck -n} of the file system a durability workload ran on, as the caller found it. */
public enum FsckOutcome {
    /** fsck found nothing to repair. */
    CLEAN,
    /** fsck reported errors. */
    ERRORS,
    /** No fsck: the workload wrote a raw device, or fsck could not run. */
    NOT_RUN;

    /** The name in summaries: {@code clean}, {@code errors}, {@code not_run}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
