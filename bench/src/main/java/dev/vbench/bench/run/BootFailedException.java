package dev.vbench.bench.run;

/**
 * A started guest failed to boot (no address, no SSH, devices not as asked): the original failure, its message
 * followed by where the guest's console log was kept in the run directory ({@link RawOutput#keepConsole}).
 */
final class BootFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param cause   why the boot failed
     * @param console {@code console: raw/VARIANT/bootB/console.log}, or why the console log was not kept
     */
    BootFailedException(RuntimeException cause, String console) {
        super(Failures.oneLine(cause) + "; " + console, cause);
    }
}
