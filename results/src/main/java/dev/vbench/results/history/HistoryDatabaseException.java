package dev.vbench.results.history;

/**
 * The history's database failed: it cannot be reached, a statement failed, the disk is full. The message is one
 * line naming the database (without its password) and the database's own error.
 */
public final class HistoryDatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the problem
     * @param cause   the driver's exception
     */
    public HistoryDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
