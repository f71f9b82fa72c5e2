package dev.vbench.provisioning.evidence;

/**
 * The guest's device script output cannot be read: missing header (the script did not run), truncated output,
 * an unknown record or field. The measurement it belongs to is invalid.
 */
public final class MalformedEvidenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedEvidenceException(String message) {
        super(message);
    }
}
