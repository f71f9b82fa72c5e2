package dev.vbench.bench.run;

import dev.vbench.bench.ssh.OutputTooLargeException;
import dev.vbench.bench.ssh.RemoteCommandTimeoutException;
import dev.vbench.bench.workload.InvalidMeasurementException;
import dev.vbench.results.RunStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What a failure during a run amounts to, decided in one place: a failed or invalid measurement (the variant goes
 * on), a failed variant (the others go on), or the run's status. Exit codes follow from the exception types and
 * the run's status ({@code Main.exitCodeOf}, {@code RunCommand.exitCode}).
 */
final class Failures {
    private Failures() {
    }

    /** How one repetition ended when its workload threw: a status and the reason to record. */
    record Outcome(Measurement.Status status, String reason) {
    }

    /**
     * The measurement {@code e} amounts to, or empty when it fails the whole variant: the tool's invalid output is
     * an invalid measurement, unless the guest stopped running (a failed one); a tool that did not finish in time or
     * printed more than vbench keeps was cut off by the harness: a failed measurement; anything else (SSH lost, the
     * guest gone, an I/O error) fails the variant.
     *
     * @param guestRunning asked only for an invalid measurement
     */
    static Optional<Outcome> ofMeasurement(RuntimeException e, BooleanSupplier guestRunning) {
        if (e instanceof InvalidMeasurementException) {
            return Optional.of(guestRunning.getAsBoolean() ? new Outcome(Measurement.Status.INVALID, oneLine(e))
                    : new Outcome(Measurement.Status.FAILED,
                            "the guest stopped running during the measurement (" + oneLine(e) + ")"));
        }
        if (e instanceof RemoteCommandTimeoutException || e instanceof OutputTooLargeException) {
            return Optional.of(new Outcome(Measurement.Status.FAILED, oneLine(e)));
        }
        return Optional.empty();
    }

    /** The reason recorded for a variant that failed in round {@code round} (0 while booting or warming up). */
    static String ofVariant(Exception e, int round) {
        return round > 0 ? "round " + round + ": " + oneLine(e) : oneLine(e);
    }

    /** How the run ended: interrupted, partial when a variant failed in this attempt, else complete. */
    static RunStatus runStatus(boolean interrupted, boolean variantFailed) {
        if (interrupted) {
            return RunStatus.INTERRUPTED;
        }
        return variantFailed ? RunStatus.PARTIAL : RunStatus.COMPLETE;
    }

    /** An exception's message on one line (a remote command's output tail joined by {@code |}). */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\n\\s*", " | ").trim();
    }

    /** What went wrong with a file, in words: Java's file exceptions often carry only the path. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            String why = fs.getReason() != null ? fs.getReason()
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof FileAlreadyExistsException ? "exists and is not a directory"
                    : e.getClass().getSimpleName();
            return fs.getFile() == null ? why : fs.getFile() + ": " + why;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The run directory cannot be written: exit 6, naming the fix. */
    static OutputException unwritable(Path dir, IOException e) {
        return new OutputException("cannot write the run directory " + dir + " (" + reason(e)
                + "); choose a writable --out");
    }
}
