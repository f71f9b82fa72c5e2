package dev.vbench.bench.cli;

/**
 * The exit statuses of {@code vbench}, one per kind of outcome. Documented in the README; other tools read
 * them, so the numbers never change.
 */
public final class ExitCode {
    /** Everything worked; for analyze and run with claims: every claim SUPPORTED. */
    public static final int OK = 0;
    /** A bug in vbench itself: the only case that prints a stack trace. */
    public static final int INTERNAL = 1;
    /** Bad input: command line, plan, claims, CSV or tool-output file. Nothing was written. */
    public static final int CONFIG = 2;
    /** The host or lab cannot do what was asked: libvirt unreachable, image missing, domain failed to start. */
    public static final int PROVISIONING = 3;
    /** A command inside a guest failed (exit status, timeout, SSH refused). */
    public static final int REMOTE_COMMAND = 4;
    /** A tool ran but its output is not a valid measurement (error field, nothing moved, too short). */
    public static final int INVALID_MEASUREMENT = 5;
    /** An output directory or file cannot be written. */
    public static final int OUTPUT = 6;
    /** The run finished but some variants failed; the results of the others were written. */
    public static final int PARTIAL = 7;
    /** The run was interrupted (SIGINT/SIGTERM); completed measurements were kept and can be resumed. */
    public static final int INTERRUPTED = 8;
    /** The history database cannot be reached, migrated or written . */
    public static final int HISTORY = 9;
    /** No claim was refuted but at least one is INCONCLUSIVE. */
    public static final int CLAIMS_INCONCLUSIVE = 10;
    /** At least one claim was REFUTED. */
    public static final int CLAIMS_REFUTED = 11;
    /** The nightly gate found a regression (confirmed on a fresh boot when confirmation is on). */
    public static final int GATE_REGRESSION = 12;
    /** {@code compare}: at least one tested cell of run B differs significantly from run A's. */
    public static final int COMPARE_DIFFERS = 13;
    /** The nightly gate's canary shifted: an environment change, no variant judged. */
    public static final int GATE_ENVIRONMENT = 14;

    private ExitCode() {
    }
}
